/**
 * schema.org metadata from a page's JSON-LD blocks: the first NewsArticle (or other Article type),
 * found at the top level, in arrays or in `@graph`, with `@id` references resolved (Yoast and
 * WordPress write `"author": {"@id": "…#/schema/person/…"}` and the Person elsewhere in the graph).
 */
export interface JsonLdArticle {
  title: string | null;
  outlet: string | null;
  author: string | null;
  published: string | null;
  url: string | null;
  language: string | null;
}

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);

function types(node: Node): string[] {
  return asArray(node['@type']).filter((type): type is string => typeof type === 'string').map((type) => type.replace(/^https?:\/\/schema\.org\//, ''));
}

/** NewsArticle first, then ReportageNewsArticle, Article, BlogPosting…: any schema.org Article subtype. */
function articleRank(node: Node): number {
  const own = types(node);
  if (own.some((type) => /NewsArticle$/.test(type))) return 0;
  if (own.some((type) => /Article$|^BlogPosting$|^LiveBlogPosting$|^Report$/.test(type))) return 1;
  return -1;
}

/** Parses one script's text; broken JSON (trailing commas, CDATA wrappers) is skipped, not fatal. */
function parseBlock(text: string): unknown {
  const cleaned = text.replace(/^\s*(?:\/\*\s*)?<!\[CDATA\[(?:\s*\*\/)?/, '').replace(/(?:\/\*\s*)?\]\]>(?:\s*\*\/)?\s*$/, '');
  try {
    return JSON.parse(cleaned);
  } catch {
    return undefined;
  }
}

function collectNodes(value: unknown, into: Node[]): void {
  for (const item of asArray(value)) {
    if (!isNode(item)) continue;
    into.push(item);
    if (item['@graph'] !== undefined) collectNodes(item['@graph'], into);
  }
}

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ' };

/** Some CMSs HTML-escape JSON-LD strings ("Talks &amp; aid", "Baku&#8217;s"); a title must not show that. */
function unescapeEntities(value: string): string {
  return value.replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|amp|quot|apos|lt|gt|nbsp);/gi, (entity, name: string) => {
    const code = name[0] === '#' ? (name[1]?.toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)) : null;
    if (code === null) return ENTITIES[name.toLowerCase()] ?? entity;
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return unescapeEntities(value).replace(/\s+/g, ' ').trim() || null;
  if (isNode(value) && typeof value['@value'] === 'string') return text(value['@value']);
  return null;
}

export function readJsonLd(blocks: string[]): JsonLdArticle | null {
  const nodes: Node[] = [];
  for (const block of blocks) collectNodes(parseBlock(block), nodes);
  const byId = new Map<string, Node>();
  for (const node of nodes) if (typeof node['@id'] === 'string') byId.set(node['@id'], node);
  const resolve = (value: unknown): unknown => (isNode(value) && typeof value['@id'] === 'string' && Object.keys(value).length === 1 ? (byId.get(value['@id']) ?? value) : value);

  const candidates = nodes.filter((node) => articleRank(node) >= 0).sort((a, b) => articleRank(a) - articleRank(b));
  const article = candidates[0];
  if (!article) return null;

  const names = (value: unknown): string[] =>
    asArray(value)
      .map(resolve)
      .map((item) => (isNode(item) ? text(item.name) : text(item)))
      .filter((name): name is string => name !== null);
  const authors = [...new Set(names(article.author))];
  const publisher = names(article.publisher)[0] ?? null;
  const page = resolve(article.mainEntityOfPage);
  const url = text(article.url) ?? (isNode(page) ? (text(page['@id']) ?? text(page.url)) : text(page));
  const language = resolve(article.inLanguage);
  return {
    title: text(article.headline) ?? text(article.name),
    outlet: publisher,
    author: authors.length > 0 ? authors.join(', ') : null,
    published: text(article.datePublished),
    url,
    language: isNode(language) ? (text(language.alternateName) ?? text(language.name)) : text(language),
  };
}
