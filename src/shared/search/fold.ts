/**
 * Letters a reader treats as the same but SQLite's `unicode61 remove_diacritics 2` tokenizer does
 * not fold, because Unicode gives them no decomposition (ə, ı, ø, ł, ß…) or because unicode61 only
 * strips Latin diacritics (Cyrillic ё keeps its diaeresis). The search index stores text with these
 * replacements applied, and every query gets the same replacements, so `Xankendi` finds `Xankəndi`.
 *
 * Every replacement maps letters to letters (or deletes a mark inside a word), so the folded text
 * splits into exactly the same tokens as the original. That is what lets FTS5 build snippets from
 * the ORIGINAL text (it re-tokenizes the stored column and marks tokens by position).
 *
 * FROZEN: migration 3 (`SEARCH_MIGRATION`) builds its folded view from this exact table, and
 * libraries in the field indexed their text with it. To change the folding, add SEARCH_FOLDS_V2 and
 * a new migration that recreates the view and reindexes, then point `foldSearchText` at V2.
 */
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

/** Folds text the way the index was folded: NFC (the library stores NFC), then SEARCH_FOLDS_V1. */
export function foldSearchText(text: string): string {
  let folded = text.normalize('NFC');
  for (const [from, to] of SEARCH_FOLDS_V1) {
    if (folded.includes(from)) folded = folded.replaceAll(from, to);
  }
  return folded;
}

/**
 * True when the text holds at least one character unicode61 indexes (letters, numbers, private
 * use). A term without one would become an empty FTS5 phrase, which makes the whole query match
 * nothing, so the query builder drops it instead.
 */
export function hasSearchableCharacters(text: string): boolean {
  return /[\p{L}\p{N}\p{Co}]/u.test(foldSearchText(text));
}
