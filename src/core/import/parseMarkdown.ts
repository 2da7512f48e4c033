import { parse as parseYaml } from 'yaml';
import { IsoDate } from '../../shared/domain/source';
import { ImportRefused } from './decodeText';
import type { ParsedArticle } from './parsePlainText';
import { parsePlainText } from './parsePlainText';

const FRONT_MATTER = /^---\n([\s\S]*?)\n(?:---|\.\.\.)(?:\n|$)/;
const FIELDS = ['title', 'outlet', 'author', 'date', 'url', 'language'] as const;

function field(data: Record<string, unknown>, name: string): string | null {
  const value = data[name];
  if (value === undefined || value === null || value === '') return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' || typeof value === 'number') return String(value).trim() || null;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(', ');
  throw new ImportRefused(`has a front matter field "${name}" that is not text. Write it as plain text and import again.`);
}

/** Markdown with optional YAML front matter (title, outlet, author, date, url, language). */
export function parseMarkdown(text: string): ParsedArticle {
  const match = text.match(FRONT_MATTER);
  if (!match) return fromHeading(parsePlainText(text));
  let data: unknown;
  try {
    data = parseYaml(match[1]!);
  } catch (error) {
    throw new ImportRefused(`has front matter that is not valid YAML (${(error as Error).message.split('\n')[0]}). Fix it and import again.`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ImportRefused('has front matter that is not a set of "field: value" lines. Fix it and import again.');
  }
  const record = data as Record<string, unknown>;
  const values = Object.fromEntries(FIELDS.map((name) => [name, field(record, name)])) as Record<(typeof FIELDS)[number], string | null>;
  if (values.date !== null && !IsoDate.safeParse(values.date).success) {
    throw new ImportRefused(`has a front matter date "${values.date}" that is not YYYY-MM-DD. Correct it and import again.`);
  }
  if (values.url !== null && !/^https?:\/\//i.test(values.url)) values.url = null;
  const rest = fromHeading({ title: null, outlet: null, author: null, publishedAt: null, url: null, language: null, body: text.slice(match[0].length).replace(/^\n+/, '') });
  return {
    ...rest,
    title: values.title ?? rest.title,
    outlet: values.outlet,
    author: values.author,
    publishedAt: values.date,
    url: values.url,
    language: values.language,
  };
}

/** A leading `# Heading` is the title, and is not repeated in the body. */
function fromHeading(article: ParsedArticle): ParsedArticle {
  if (article.title) return article;
  const heading = article.body.match(/^#\s+(.+?)\s*#*\s*(?:\n|$)/);
  if (!heading) return article;
  return { ...article, title: heading[1]!, body: article.body.slice(heading[0].length).replace(/^\n+/, '') };
}
