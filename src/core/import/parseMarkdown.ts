import { parse as parseYaml } from 'yaml';
import { isCalendarDate } from '../../shared/text/calendarDate';
import { ImportRefused } from './decodeText';
import type { ParsedArticle } from './parsePlainText';
import { simpleFrontMatter } from './simpleFrontMatter';
import { parsePlainText } from './parsePlainText';

// The closing line may be `---` or `...` (YAML's own end marker), as Pandoc accepts.
const FRONT_MATTER = /^---\n(?:([\s\S]*?)\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)/;
// An ATX heading; a closing run of `#` needs a space before it, so "C#" keeps its `#`.
const HEADING = /^#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*(?:\n|$)/;
const FIELDS = ['title', 'outlet', 'author', 'date', 'url', 'language'] as const;

function field(data: Record<string, unknown>, name: string): string | null {
  const value = data[name];
  if (value === undefined || value === null || value === '') return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' || typeof value === 'number') return String(value).trim() || null;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(', ');
  throw new ImportRefused(`has a front matter field "${name}" that is not text. Write it as plain text and import again.`);
}

function readFrontMatter(yaml: string): Record<string, unknown> {
  const simple = simpleFrontMatter(yaml);
  if (simple !== null) return simple;
  let data: unknown;
  try {
    data = parseYaml(yaml);
  } catch (error) {
    throw new ImportRefused(`has front matter that is not valid YAML (${(error as Error).message.split('\n')[0]}). Fix it and import again.`);
  }
  if (data === null || data === undefined) return {}; // `---\n---`: present but empty
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new ImportRefused('has front matter that is not a set of "field: value" lines. Fix it and import again.');
  }
  return data as Record<string, unknown>;
}

/** Markdown with optional YAML front matter (title, outlet, author, date, url, language). */
export function parseMarkdown(text: string): ParsedArticle {
  const match = text.match(FRONT_MATTER);
  if (!match) {
    // Front matter that is opened and never closed would otherwise land in the body as text.
    if (/^---\n[^\n]*:/.test(text)) throw new ImportRefused('starts front matter with "---" but never closes it with a "---" line. Add it and import again.');
    return fromHeading(parsePlainText(text));
  }
  const record = readFrontMatter(match[1] ?? '');
  const values = Object.fromEntries(FIELDS.map((name) => [name, field(record, name)])) as Record<(typeof FIELDS)[number], string | null>;
  if (values.date !== null && !isCalendarDate(values.date)) {
    throw new ImportRefused(`has a front matter date "${values.date}" that is not a real date written YYYY-MM-DD. Correct it and import again.`);
  }
  if (values.url !== null && !/^https?:\/\//i.test(values.url)) {
    throw new ImportRefused(`has a front matter url "${values.url}" that does not start with http:// or https://. Correct it and import again.`);
  }
  const body = text.slice(match[0].length).replace(/^\n+/, '');
  const rest = fromHeading({ title: null, outlet: null, author: null, publishedAt: null, url: null, language: null, body }, values.title);
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

/**
 * A leading `# Heading` is the title, and is not repeated in the body. When the title is known
 * already (front matter), the heading is removed only if it repeats it; a different heading is
 * the author's text and stays.
 */
function fromHeading(article: ParsedArticle, knownTitle: string | null = article.title): ParsedArticle {
  const heading = article.body.match(HEADING);
  if (!heading) return article;
  if (knownTitle !== null && heading[1]!.trim() !== knownTitle.trim()) return article;
  return { ...article, title: knownTitle ?? heading[1]!, body: article.body.slice(heading[0].length).replace(/^\n+/, '') };
}
