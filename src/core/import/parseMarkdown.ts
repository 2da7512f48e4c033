import { parse as parseYaml } from 'yaml';
import { isCalendarDate } from '../../shared/text/calendarDate';
import { ImportRefused } from './decodeText';
import { blocksToText, blockText, parseMarkdownTree, paragraphsText } from './markdownToText';
import type { ParsedArticle } from './parsePlainText';
import { simpleFrontMatter } from './simpleFrontMatter';
import { parsePlainText } from './parsePlainText';

// The closing line may be `---` or `...` (YAML's own end marker), as Pandoc accepts.
const FRONT_MATTER = /^---\n(?:([\s\S]*?)\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)/;
const FIELDS = ['title', 'outlet', 'author', 'date', 'url', 'language'] as const;
/** Front matter holds a few fields; more than this is not metadata (and YAML's cost grows with it). */
export const MAX_FRONT_MATTER_BYTES = 64 * 1024;
/**
 * yaml's defaults check every key against every other (quadratic: 8,000 keys took 1.6 s) and allow
 * 100 aliases; duplicate keys are harmless here (the last wins) and a few aliases are plenty.
 */
const YAML_OPTIONS = { uniqueKeys: false, maxAliasCount: 20 } as const;

function field(data: Record<string, unknown>, name: string): string | null {
  const value = data[name];
  if (value === undefined || value === null || value === '') return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' || typeof value === 'number') return String(value).trim() || null;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(', ');
  throw new ImportRefused(`has a front matter field "${name}" that is not text. Write it as plain text and import again.`);
}

function readFrontMatter(yaml: string): Record<string, unknown> {
  const bytes = Buffer.byteLength(yaml);
  if (bytes > MAX_FRONT_MATTER_BYTES) {
    throw new ImportRefused(
      `has front matter of ${Math.ceil(bytes / 1024)} KB, over the ${MAX_FRONT_MATTER_BYTES / 1024} KB limit. Keep only the fields Marginalia reads (${FIELDS.join(', ')}) and import again.`,
    );
  }
  const simple = simpleFrontMatter(yaml);
  if (simple !== null) return simple;
  let data: unknown;
  try {
    data = parseYaml(yaml, YAML_OPTIONS);
  } catch (error) {
    throw new ImportRefused(`has front matter that is not valid YAML (${(error as Error).message.split('\n')[0]}). Fix it and import again.`);
  }
  if (data === null || data === undefined) return {}; // `---\n---`: present but empty
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new ImportRefused('has front matter that is not a set of "field: value" lines. Fix it and import again.');
  }
  return data as Record<string, unknown>;
}

/**
 * Markdown with optional YAML front matter (title, outlet, author, date, url, language). The body
 * is stored as clean text, its markup removed (markdownToText.ts), so highlights and their
 * positions refer to the words a reader sees. Without front matter, the clean text is read for a
 * plain-text header (` date YYYY-MM-DD domain`) as a .txt file is.
 */
export function parseMarkdown(text: string): ParsedArticle {
  const match = text.match(FRONT_MATTER);
  if (!match) {
    // Front matter that is opened and never closed would otherwise land in the body as text.
    if (/^---\n[^\n]*:/.test(text)) throw new ImportRefused('starts front matter with "---" but never closes it with a "---" line. Add it and import again.');
    const { title, body } = markdownText(text, null);
    const article = parsePlainText(body);
    return title === null ? article : { ...article, title };
  }
  const record = readFrontMatter(match[1] ?? '');
  const values = Object.fromEntries(FIELDS.map((name) => [name, field(record, name)])) as Record<(typeof FIELDS)[number], string | null>;
  if (values.date !== null && !isCalendarDate(values.date)) {
    throw new ImportRefused(`has a front matter date "${values.date}" that is not a real date written YYYY-MM-DD. Correct it and import again.`);
  }
  if (values.url !== null && !/^https?:\/\//i.test(values.url)) {
    throw new ImportRefused(`has a front matter url "${values.url}" that does not start with http:// or https://. Correct it and import again.`);
  }
  const { title, body } = markdownText(text.slice(match[0].length), values.title);
  return {
    body,
    title: values.title ?? title,
    outlet: values.outlet,
    author: values.author,
    publishedAt: values.date,
    url: values.url,
    language: values.language,
  };
}

/**
 * The clean text of the Markdown, and its title when it opens with one: a leading `# Heading` is
 * the title, and is not repeated in the body. When the title is known already (front matter), the
 * heading is removed only if it repeats it; a different heading is the author's text and stays, as
 * a paragraph. Markdown whose blocks all end at blank lines is read a paragraph at a time, its plain
 * prose without building a tree (paragraphsText).
 */
function markdownText(markdown: string, knownTitle: string | null): { title: string | null; body: string } {
  const paragraphs = paragraphsText(markdown);
  if (paragraphs !== null) return { title: null, body: paragraphs };
  const blocks = parseMarkdownTree(markdown).children;
  const first = blocks[0];
  if (first?.type !== 'heading' || first.depth !== 1) return { title: null, body: blocksToText(blocks) };
  const heading = blockText(first);
  if (heading === '' || (knownTitle !== null && heading !== knownTitle.trim())) return { title: null, body: blocksToText(blocks) };
  return { title: heading, body: blocksToText(blocks.slice(1)) };
}
