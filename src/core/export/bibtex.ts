import { Transform } from 'unicode2latex';
import type { CslItem, CslName } from './csl';

/**
 * BibTeX written from the CSL entries (csl.ts), in the BibLaTeX dialect: it is what Pandoc reads a
 * `.bib` file as, and what biber expects. A newspaper article is `@article` with
 * `entrysubtype = {newspaper}`, as the biblatex manual says; Pandoc maps that back to
 * `article-newspaper`.
 *
 * Escaping is unicode2latex's "minimal" table (from the maintainer of Better BibTeX for Zotero):
 * it escapes what LaTeX reads as commands (\ { } $ & % # _ ^ ~) and leaves every other character
 * as written, so Armenian, Cyrillic and Azerbaijani titles stay readable UTF-8, which biber and
 * Pandoc read. (Its "bibtex" table would spell Cyrillic as \cyrchar macros.)
 *
 * The source's language is `langid`, as the babel name biblatex wants (issue 14): it picks the
 * hyphenation and tells biblatex not to title-case a non-English title. A language babel has no
 * name for is left out rather than guessed at, because an unknown langid stops LaTeX.
 */
const latex = new Transform('minimal');

/** ISO 639-1 code to babel language name (the names in babel's and polyglossia's manuals). */
const BABEL_NAMES: Readonly<Record<string, string>> = {
  af: 'afrikaans', ar: 'arabic', az: 'azerbaijani', be: 'belarusian', bg: 'bulgarian', ca: 'catalan', cs: 'czech',
  cy: 'welsh', da: 'danish', de: 'ngerman', el: 'greek', en: 'english', es: 'spanish', et: 'estonian', eu: 'basque',
  fa: 'persian', fi: 'finnish', fr: 'french', ga: 'irish', he: 'hebrew', hi: 'hindi', hr: 'croatian', hu: 'hungarian',
  hy: 'armenian', id: 'indonesian', is: 'icelandic', it: 'italian', ja: 'japanese', ka: 'georgian', kk: 'kazakh',
  ko: 'korean', lt: 'lithuanian', lv: 'latvian', mk: 'macedonian', nl: 'dutch', nb: 'norsk', no: 'norsk',
  pl: 'polish', pt: 'portuguese', ro: 'romanian', ru: 'russian', sk: 'slovak', sl: 'slovenian', sq: 'albanian',
  sr: 'serbian', sv: 'swedish', th: 'thai', tr: 'turkish', uk: 'ukrainian', ur: 'urdu', vi: 'vietnamese', zh: 'chinese',
};

/** The babel name of a language tag ("ru", "ru-RU"), or null for one babel does not name. */
export function babelLanguage(tag: string): string | null {
  return BABEL_NAMES[tag.split('-')[0]!.toLowerCase()] ?? null;
}

/**
 * BibTeX, bibtool and biber count every brace, escaped or not: `\}` in "Peace talks}" would end
 * the field early and swallow the rest of the file. Escaped braces that do not balance (a depth
 * that goes below zero or does not end at zero) are written as \textbraceleft{} and
 * \textbraceright{}, which LaTeX prints as the braces; balanced ones stay `\{ \}` (Pandoc reads
 * those, and reads the commands as nothing; its CSL JSON keeps every brace).
 */
function balanceBraces(value: string): string {
  let depth = 0;
  for (const char of value) {
    if (char === '{') depth++;
    else if (char === '}' && --depth < 0) break;
  }
  return depth === 0 ? value : value.replace(/\\([{}])/g, (_, brace: string) => (brace === '{' ? '\\textbraceleft{}' : '\\textbraceright{}'));
}

/** One line: the table drops newlines rather than spacing them. */
const escape = (text: string): string => balanceBraces(latex.tolatex(text.replace(/\s+/gu, ' ').trim(), {}));

function name(csl: CslName): string {
  // Braces keep a literal name whole: BibTeX would otherwise take its last word as the family name.
  return 'literal' in csl ? `{${escape(csl.literal)}}` : `${escape(csl.family)}, ${escape(csl.given)}`;
}

/**
 * Keys restricted to letters, digits and _ : . - (citekeys.ts) need no escaping; the check is here
 * too because a key is written raw and a stray brace or comma would break the whole file.
 */
function entryKey(id: string): string {
  if (!/^[A-Za-z0-9_][A-Za-z0-9_:.-]*$/.test(id)) throw new Error(`The citekey "${id}" cannot be written to BibTeX.`);
  return id;
}

export function toBibtexEntry(item: CslItem): string {
  const fields: [string, string][] = [['entrysubtype', 'newspaper']];
  if (item.author) fields.push(['author', item.author.map(name).join(' and ')]);
  // Doubly braced: BibTeX styles and Pandoc otherwise recase titles they take for English ("up to
  // baku and yerevan", and İ lowered to i + a dot); a headline is cited as the outlet wrote it.
  fields.push(['title', `{${escape(item.title)}}`]);
  if (item['container-title']) fields.push(['journaltitle', escape(item['container-title'])]);
  if (item.issued) {
    const [year, month, day] = item.issued['date-parts'][0];
    fields.push(['date', `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`]);
  }
  // URLs go in verbatim (biblatex reads url as verbatim); only braces could unbalance the field.
  if (item.URL) fields.push(['url', item.URL.replace(/[{}]/g, encodeURIComponent)]);
  const langid = item.language ? babelLanguage(item.language) : null;
  if (langid) fields.push(['langid', langid]);
  const body = fields.map(([field, value]) => `  ${field} = {${value}},`).join('\n');
  return `@article{${entryKey(item.id)},\n${body}\n}\n`;
}

/** A .bib file: entries in citekey order, a blank line between them. */
export function formatBibtex(items: readonly CslItem[]): string {
  return [...items]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(toBibtexEntry)
    .join('\n');
}
