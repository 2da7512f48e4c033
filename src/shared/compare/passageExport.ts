import Papa from 'papaparse';
import type { CodeMatrix, Passage } from '../domain/compare';
import type { QuoteMode } from '../domain/translation';
import { quotedWords } from '../domain/translation';

/**
 * Passages and the code matrix as files (issue 11): CSV (RFC 4180, by papaparse: quotes, commas
 * and line breaks inside a quote survive) and Markdown (each quote with its citation).
 */

/** The fields of `marginalia passages --json`, in that order; they are the CSV's columns too. */
export const PASSAGE_FIELDS = [
  'id',
  'sourceId',
  'exact',
  'codes',
  'comment',
  'color',
  'outlet',
  'country',
  'publishedAt',
  'title',
  'orphaned',
  'translation',
  'translationLanguage',
  'translationTool',
] as const;

/** The translation (issue 14) as three flat fields, so the CSV keeps one column each. */
export function passageJson(passage: Passage) {
  const { id, sourceId, exact, codes, comment, color, outlet, country, publishedAt, title, orphaned, translation } = passage;
  return {
    id,
    sourceId,
    exact,
    codes,
    comment,
    color,
    outlet,
    country,
    publishedAt,
    title,
    orphaned,
    translation: translation?.text ?? null,
    translationLanguage: translation?.language ?? null,
    translationTool: translation?.tool ?? null,
  };
}

/** Codes are joined with "; " in one cell; unknown values are empty cells. */
export function passagesCsv(passages: readonly Passage[]): string {
  const rows = passages.map((passage) => {
    const json = passageJson(passage);
    return PASSAGE_FIELDS.map((field) => {
      const value = json[field];
      if (Array.isArray(value)) return value.join('; ');
      return value === null ? '' : String(value);
    });
  });
  return `${Papa.unparse({ fields: [...PASSAGE_FIELDS], data: rows }, { newline: '\n' })}\n`;
}

const blockQuote = (words: string) =>
  words
    .split('\n')
    .map((line) => `> ${line}`.trimEnd())
    .join('\n');

/**
 * A quote as a Markdown block quote, then "— Outlet, date, “Title” [@citekey]". A translated quote
 * is written as the quote mode says: the original, the translation, or both, the translation in
 * brackets in its own paragraph of the block quote (escaped: `[…]` must not read as a link).
 */
export function passagesMarkdown(passages: readonly Passage[], quotes: QuoteMode = 'both'): string {
  return passages
    .map((passage) => {
      const words = quotedWords(passage.exact, passage.translation?.text ?? null, quotes);
      const quote = blockQuote(words.quote) + (words.bracketed === null ? '' : `\n>\n${blockQuote(`\\[${words.bracketed.replace(/\s*\n\s*/gu, ' ')}\\]`)}`);
      const facts = [passage.outlet, passage.publishedAt ?? 'undated', `“${passage.title}”`].filter(Boolean).join(', ');
      const codes = passage.codes.length > 0 ? `\nCodes: ${passage.codes.join(', ')}` : '';
      const comment = passage.comment ? `\n\n${passage.comment}` : '';
      return `${quote}\n\n— ${facts} [@${passage.citekey}]${codes}${comment}\n`;
    })
    .join('\n');
}

/** One row per code; a passages column and a sources column per matrix column. */
export function matrixCsv(matrix: CodeMatrix): string {
  const fields = ['code', ...matrix.columns.flatMap((column) => [`${column} passages`, `${column} sources`])];
  const data = matrix.rows.map((row) => [row.code, ...matrix.columns.flatMap((column) => [String(row.passages[column] ?? 0), String(row.sources[column] ?? 0)])]);
  return `${Papa.unparse({ fields, data }, { newline: '\n' })}\n`;
}
