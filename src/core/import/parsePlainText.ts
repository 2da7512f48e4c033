import { isCalendarDate } from '../../shared/text/calendarDate';
import { endsWithAbbreviation, firstSentence } from '../../shared/text/sentences';

/**
 * Metadata heuristics for plain-text articles as news sites and scrapers save them (the seed
 * format): a ` date YYYY-MM-DD …` header line, an optional title line, a byline with site chrome,
 * and a footer naming the outlet. Only what the text states is extracted; nothing is invented.
 */
export interface ParsedArticle {
  title: string | null;
  outlet: string | null;
  author: string | null;
  publishedAt: string | null;
  url: string | null;
  language: string | null;
  body: string;
}

const DATE_LINE = /^\s*date\s+(\d{4}-\d{2}-\d{2})\b(.*)$/i;
/**
 * A domain on the date line, whatever its suffix (issue 15): labels of letters, digits and inner
 * hyphens, dot-separated, ending in a label of two or more letters (so `v1.2` or a time is not
 * one). Letters of any script, for names like `мвд.рф`. No list of suffixes to fall behind.
 */
const DOMAIN = /(?<![\p{L}\p{N}@.-])((?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,63})(?![\p{L}\p{N}-]|\.[\p{L}\p{N}])/u;
const BYLINE_CHROME = /^(.{2,80}?)\s+(?:Read more|More articles|More by this author|View all posts)\s*$/i;
const BY_PREFIX = /^By\s+(.{2,80})$/;
const FOOTER_HANDLE = /^Follow us on (?:Twitter|X|Facebook|Telegram|Instagram)\s*@([A-Za-z0-9_]{2,30})\s*$/i;
const RULE = /^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/;
const COUNTRY_SUFFIXES = new Set(['Az', 'Am', 'Ru', 'Pk', 'Ge', 'Tr', 'Uk', 'Us', 'En']);

function isPlausibleName(text: string): boolean {
  const words = text.trim().split(/\s+/);
  return words.length >= 2 && words.length <= 5 && words.every((word) => /^\p{Lu}[\p{L}'’.-]*$/u.test(word));
}

function isTitleLike(line: string): boolean {
  if (line.length > 200 || /[.!?:;"”»۔؟]$/u.test(line)) return false;
  const words = line.split(/\s+/).filter((word) => /\p{L}/u.test(word));
  if (words.length < 2) return false;
  // A word of a script without case (Urdu, Arabic, Hebrew, Georgian…) says nothing against a title.
  const capitalized = words.filter((word) => /^[\p{Lu}\d"“«'‘(]/u.test(word) || !/[\p{Lu}\p{Ll}]/u.test(word)).length;
  return capitalized / words.length >= 0.6;
}

/** `AzerNewsAz` -> `AzerNews`: a handle's trailing country code is not part of the outlet's name. */
export function outletFromHandle(handle: string): string {
  const parts = handle.split(/(?<=[a-z0-9])(?=[A-Z])/);
  if (parts.length > 1 && COUNTRY_SUFFIXES.has(parts.at(-1)!)) parts.pop();
  return parts.join('');
}

// Words a cut title should not end on: "… to deploy the…" reads as a mistake.
const DANGLING_WORDS = new Set(['a', 'an', 'the', 'of', 'on', 'in', 'to', 'and', 'or', 'for', 'at', 'by', 'with', 'from', 'as', 'that']);

/** A title from the first sentence, cut at a word boundary so it fits a list row. */
export function titleFromFirstSentence(body: string, maxLength = 90): string | null {
  const firstParagraph = /^[^\S\n]*(\S[^\n]*)/m.exec(body)?.[1]?.trim();
  if (!firstParagraph) return null;
  // Only the start matters: a sentence longer than maxLength is cut anyway, and a 20 MB
  // one-line file must not be scanned for its first full stop.
  const sentence = firstSentence(firstParagraph.slice(0, maxLength * 4));
  // A full stop is dropped ("… said"); "?", "!", "…", closing quotes and "U.S." are kept.
  if (sentence.length <= maxLength) return /[^.]\.$/.test(sentence) && !endsWithAbbreviation(sentence) ? sentence.slice(0, -1) : sentence;
  const words = sentence.slice(0, maxLength + 1).split(/\s+/);
  if (words.length > 1) words.pop(); // the last word may be cut in the middle
  while (words.length > 3 && DANGLING_WORDS.has(words.at(-1)!.toLowerCase())) words.pop();
  const cut = words.join(' ').length > 20 ? words.join(' ') : sentence.slice(0, maxLength);
  return `${cut.replace(/[\s,;:–—-]+$/u, '')}…`;
}

/** Parses canonical text (see canonicalizeText). */
export function parsePlainText(text: string): ParsedArticle {
  const lines = text.split('\n');
  const meta: Omit<ParsedArticle, 'body'> = { title: null, outlet: null, author: null, publishedAt: null, url: null, language: null };
  let first = 0;
  let last = lines.length; // exclusive

  const skipBlank = () => {
    while (first < last && lines[first]!.trim() === '') first++;
  };

  // A header with an impossible date is not read as metadata: it stays in the body, nothing is guessed.
  const dateMatch = lines[0]?.match(DATE_LINE);
  if (dateMatch && isCalendarDate(dateMatch[1]!)) {
    meta.publishedAt = dateMatch[1]!;
    const domain = dateMatch[2]!.match(DOMAIN);
    if (domain) meta.outlet = domain[1]!;
    first = 1;
    skipBlank();
    const candidate = lines[first]?.trim() ?? '';
    const byline = candidate.match(BYLINE_CHROME) ?? candidate.match(BY_PREFIX);
    if (byline && isPlausibleName(byline[1]!)) {
      meta.author = byline[1]!.trim();
      first++;
    } else if (isTitleLike(candidate)) {
      meta.title = candidate;
      first++;
      skipBlank();
      const afterTitle = lines[first]?.trim() ?? '';
      const bylineAfterTitle = afterTitle.match(BYLINE_CHROME) ?? afterTitle.match(BY_PREFIX);
      if (bylineAfterTitle && isPlausibleName(bylineAfterTitle[1]!)) {
        meta.author = bylineAfterTitle[1]!.trim();
        first++;
      }
    }
  }

  // Footer: trailing lines that name the outlet, with the rule above them.
  let end = last;
  while (end > first && lines[end - 1]!.trim() === '') end--;
  const footer = lines[end - 1]?.trim().match(FOOTER_HANDLE);
  if (footer && end - 1 > first) {
    meta.outlet ??= outletFromHandle(footer[1]!);
    end--;
    while (end > first && lines[end - 1]!.trim() === '') end--;
    if (end > first && RULE.test(lines[end - 1]!)) end--;
    last = end;
  }

  skipBlank();
  const body = lines.slice(first, last).join('\n').replace(/^\n+|\n+$/g, '');
  return { ...meta, body };
}
