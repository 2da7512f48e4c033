/**
 * How search folds text: ONE function, used by the index writer (src/core/search/searchIndex.ts,
 * inside the writing transaction) and by the query builder, so `Xankendi` finds `Xankəndi`.
 *
 * Why fold at all: SQLite's `unicode61 remove_diacritics 2` tokenizer does not fold letters that
 * Unicode gives no decomposition (ə, ı, ø, ł, ß…), and it only strips Latin diacritics (Cyrillic ё
 * keeps its diaeresis); better-sqlite3 cannot register a custom tokenizer.
 *
 * Every replacement maps letters to letters (or deletes a mark inside a word), so the folded text
 * splits into exactly the same tokens as the original. That is what lets FTS5 build snippets from
 * the ORIGINAL text (it re-tokenizes the content column and marks tokens by position).
 *
 * Versioned: the library records the version its indexes were built with (table `search_index`),
 * and opening a library whose version differs from SEARCH_FOLD.version rebuilds every index
 * (rebuildSearchIndex). To change the folding (transliteration across scripts, stemming: issue
 * 14), add a fold with the next version, keep its token-preserving property (or change how
 * snippets are built), and point SEARCH_FOLD at it; no migration is needed unless the tokenizer
 * changes too. Never change a released version's table: queries would stop matching the index.
 */
export interface SearchFold {
  /** Recorded in the library; a different number makes the next open reindex everything. */
  readonly version: number;
  /** Folds NFC text (the library stores NFC). */
  fold(text: string): string;
}

/** Version 1, the table migrations 3 and 6 compiled into nested SQL replace() calls. */
export const SEARCH_FOLDS_V1: readonly (readonly [from: string, to: string])[] = Object.freeze([
  // Azerbaijani and Turkish: schwa and dotless i (İ already folds in unicode61).
  ['ə', 'e'], ['Ə', 'E'], ['ǝ', 'e'], ['Ǝ', 'E'], ['ı', 'i'],
  // Cyrillic: ё is written as е in most Russian text; Azerbaijani Cyrillic ә like Latin ə.
  ['ё', 'е'], ['Ё', 'Е'], ['ә', 'е'], ['Ә', 'Е'],
  // Latin letters without a decomposition.
  ['ß', 'ss'], ['ẞ', 'SS'], ['ø', 'o'], ['Ø', 'O'], ['ł', 'l'], ['Ł', 'L'], ['đ', 'd'], ['Đ', 'D'],
  ['ð', 'd'], ['Ð', 'D'], ['ħ', 'h'], ['Ħ', 'H'], ['æ', 'ae'], ['Æ', 'AE'], ['œ', 'oe'], ['Œ', 'OE'],
  ['þ', 'th'], ['Þ', 'TH'],
  // Armenian: the ligature և is "եվ" in capitals and "եւ" in classical spelling (Երևան, ԵՐԵՎԱՆ, Երեւան).
  ['և', 'եվ'], ['եւ', 'եվ'], ['Եւ', 'Եվ'], ['ԵՒ', 'ԵՎ'],
  // Marks written inside words: modifier apostrophes (Guterresʼ, Oʻzbekiston) and the Armenian
  // emphasis, exclamation and question marks (ինչո՞ւ). The index declares the Armenian ones token
  // characters so that deleting them never changes where tokens split.
  ['ʼ', ''], ['ʻ', ''], ['ʹ', ''], ['ʺ', ''], ['՛', ''], ['՜', ''], ['՞', ''],
] as const);

/** Characters the tokenizer must treat as part of a word (see the last group above). */
export const SEARCH_TOKEN_CHARS = '՛՜՞';

/**
 * One pass of one regular expression, longest keys first. Equal to applying the table's
 * replacements one after another (as the SQL did): no replacement's output contains another's
 * input, and a deletion never joins letters into a key that an earlier replacement would have
 * taken (checked against the sequential form in fold.test.ts).
 */
function compileFold(table: readonly (readonly [string, string])[]): (text: string) => string {
  const map = new Map(table);
  const keys = [...map.keys()].sort((a, b) => b.length - a.length);
  const escape = (key: string) => key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(keys.map(escape).join('|'), 'gu');
  const test = new RegExp(pattern.source, 'u');
  return (text) => (test.test(text) ? text.replace(pattern, (key) => map.get(key)!) : text);
}

const foldV1 = compileFold(SEARCH_FOLDS_V1);

export const SEARCH_FOLD_V1: SearchFold = Object.freeze({ version: 1, fold: foldV1 });

/**
 * Version 2 (issue 14): the same table; the indexes also hold the search keys of the folded text
 * (searchKey.ts, key columns of migration 12), so a change to the keys bumps this version too.
 */
export const SEARCH_FOLD_V2: SearchFold = Object.freeze({ version: 2, fold: foldV1 });

/** The fold every index is built with and every query is folded by. */
export const SEARCH_FOLD: SearchFold = SEARCH_FOLD_V2;

/** Folds text the way the index was folded: NFC (the library stores NFC), then SEARCH_FOLD. */
export function foldSearchText(text: string): string {
  return SEARCH_FOLD.fold(text.normalize('NFC'));
}

/**
 * True when the text holds at least one character unicode61 indexes (letters, numbers, private
 * use). A term without one would become an empty FTS5 phrase, which makes the whole query match
 * nothing, so the query builder drops it instead.
 */
export function hasSearchableCharacters(text: string): boolean {
  return /[\p{L}\p{N}\p{Co}]/u.test(foldSearchText(text));
}
