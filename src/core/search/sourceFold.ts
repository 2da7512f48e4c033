/**
 * What the search index holds for a source (searchIndex.ts), computed without the library: the
 * parse worker loads this, not the index writer, so its thread starts without the database code.
 */
import { randomUUID } from 'node:crypto';
import { foldSearchText } from '../../shared/search/fold';
import { forEachWordWithOtherKey, searchKeyOfWord } from '../../shared/search/searchKey';

export interface SourceText {
  title: string;
  outlet: string | null;
  author: string | null;
  body: string;
}

const foldOrNull = (text: string | null) => (text === null ? null : foldSearchText(text));

/** What the index holds for a source: its folded columns, in the index's column order (title, outlet, author, body). */
export function sourceIndexValues(row: SourceText): (string | null)[] {
  return [foldSearchText(row.title), foldOrNull(row.outlet), foldOrNull(row.author), foldSearchText(row.body)];
}

/**
 * A source's text as the index holds it, made where the file was parsed (the parse worker), so the
 * thread that stores does not fold: folding and finding the words with other keys were a third of
 * what storing an import cost it. Plain data, so it crosses to another thread as it is.
 *
 * Its key terms are numbers in the folding thread's dictionary, each term spelled out once, by the
 * first text that has it (`newKeyTerms`): the bench's 3,000 files hold 418,000 key terms, 47,000
 * of them different, and the storing thread looked each up by its spelling. It now looks up
 * numbers, and learns every text's new terms (learnKeyTerms, searchIndex.ts) even when the text is
 * not stored (a duplicate), so a later text's numbers are known; a number it does not know (a
 * dictionary it stopped keeping) sends it back to the text's folded values.
 */
export interface FoldedSourceText {
  /** foldSearchText of the title, outlet, author and body, in the index's column order. */
  values: (string | null)[];
  /** The dictionary the numbers are in: one per thread, and a new one every DICTIONARY_TERMS terms. */
  dictionary: string;
  /** The number of each key term of the text, once. */
  keyTermNumbers: Int32Array;
  /**
   * The terms first numbered for this text, from `firstNewNumber` on, as `term key` pairs joined by
   * spaces (the term in lower case): neither has a space in it, a word being a run of letters and
   * a key too.
   */
  newKeyTerms: string;
  firstNewNumber: number;
  /**
   * What it was folded from (the body by its length, so the text does not cross threads twice):
   * the index writer folds again when the row it stores differs, as an outlet set after parsing would.
   */
  from: { title: string; outlet: string | null; author: string | null; bodyLength: number };
}

/** Whether `folded` was made from this text (by its title, outlet and author, and its body's length). */
export function foldedFrom(folded: FoldedSourceText, text: SourceText): boolean {
  const { from } = folded;
  return from.title === text.title && from.outlet === text.outlet && from.author === text.author && from.bodyLength === text.body.length;
}

/** Terms a dictionary numbers before the thread starts another, after the text that takes it there (so the storing thread keeps a bounded list of each). */
export const DICTIONARY_TERMS = 250_000;

/**
 * This thread's dictionary: each word as written (a word whose key may differ) with the number of
 * its term, or -1 when its key is its spelling; each term with its number. A word costs one
 * lookup where it occurs, and the texts' terms are told apart by numbers (`stamps`), not spellings.
 */
interface Dictionary {
  name: string;
  words: Map<string, number>;
  terms: Map<string, number>;
  /** stamps[number] is the last text that listed the term. */
  stamps: Int32Array;
  text: number;
}

const newDictionary = (): Dictionary => ({ name: randomUUID(), words: new Map(), terms: new Map(), stamps: new Int32Array(4096), text: 0 });
let dictionary = newDictionary();

/** What indexSource writes for this text. */
export function foldSourceText(text: SourceText): FoldedSourceText {
  const values = sourceIndexValues(text);
  // Full, it is replaced before the next text: a text's own terms may take it past the limit.
  if (dictionary.terms.size >= DICTIONARY_TERMS || dictionary.words.size >= 4 * DICTIONARY_TERMS) dictionary = newDictionary();
  const { words, terms } = dictionary;
  let { stamps } = dictionary;
  const current = ++dictionary.text;
  const firstNewNumber = terms.size;
  const numbers: number[] = [];
  let newKeyTerms = '';
  const visit = (word: string) => {
    let number = words.get(word);
    if (number === undefined) {
      const key = searchKeyOfWord(word);
      const lower = word.toLowerCase();
      number = key === lower ? -1 : terms.get(lower);
      if (number === undefined) {
        terms.set(lower, (number = terms.size));
        newKeyTerms += newKeyTerms === '' ? `${lower} ${key}` : ` ${lower} ${key}`;
        if (number >= stamps.length) {
          const grown = new Int32Array(stamps.length * 2);
          grown.set(stamps);
          stamps = dictionary.stamps = grown;
        }
      }
      words.set(word, number);
    }
    if (number >= 0 && stamps[number] !== current) {
      stamps[number] = current;
      numbers.push(number);
    }
  };
  for (const value of values) if (value !== null) forEachWordWithOtherKey(value, visit);
  const from = { title: text.title, outlet: text.outlet, author: text.author, bodyLength: text.body.length };
  return { values, dictionary: dictionary.name, keyTermNumbers: Int32Array.from(numbers), newKeyTerms, firstNewNumber, from };
}
