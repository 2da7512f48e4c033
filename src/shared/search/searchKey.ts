import anyAscii from 'any-ascii';

/**
 * Search keys (issue 14): one Latin spelling per word, whatever script it was written in, so that
 * Lachin, Laçın, Лачин, Լաչին and ლაჩინი all have the key `lacin`. The index writer records every
 * word whose key is not its own spelling in `search_key_terms` (migration 14, wordsWithOtherKeys);
 * a query word without quotes is looked up by its key, stemmed (stemming.ts), as a prefix, and turned into the
 * indexed spellings with that key (buildMatch.ts); a quoted one by its folded spelling alone.
 *
 * Transliteration is any-ascii's (maintained tables for every script, Armenian, Georgian and
 * Arabic included). On top of it, written by hand because no library unifies how these languages
 * spell each other's names: a few Armenian spellings (classical and reformed orthography meet) and
 * a small phonetic collapse on the ASCII (ch/ç/č -> c, sh/ş -> s, kh -> x, zh/dzh -> j, gh/ğ -> g,
 * an initial ye -> e, iy -> i), so Khankendi, Xankəndi and Ханкенди meet as `xankendi`.
 *
 * Token-preserving, as the fold is: every run of letters is replaced by a non-empty run of ASCII
 * letters and digits and nothing else changes, so a key text (searchKeyText, for a temporary index
 * such as autocode's) splits into the same tokens, at the same positions, as the original; the
 * library's indexes hold no keys, only the folded words (migration 14). A run of letters is taken only from the scripts of isKeyLetter
 * (all of them token characters for unicode61), so no character unicode61 splits at is replaced.
 *
 * Changing anything here changes what the index holds: bump SEARCH_FOLD's version (fold.ts) so
 * libraries reindex on open.
 */

/**
 * Whether a UTF-16 code unit is a letter or digit of the scripts keys are made for: Latin (Basic,
 * Latin-1, Extended A/B and Additional), Greek, Cyrillic, Armenian, Hebrew, Arabic, Georgian. Only
 * letters that Unicode had long before SQLite's unicode61 tables were made (so each is a token
 * character there too: Georgian Mtavruli and the newest Armenian letters are left out); marks,
 * punctuation and every other script stay as they are. A char-code test, not a Unicode-property
 * regular expression: it runs over every article's text at import (measured: several times faster).
 */
function isKeyLetter(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
  if (c <= 0x24f) return c === 0xaa || c === 0xb5 || c === 0xba || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7);
  if (c < 0x386) return false;
  if (c <= 0x3ff) return c !== 0x387 && c !== 0x3f6 && c !== 0x384 && c !== 0x385;
  if (c <= 0x52f) return c <= 0x481 || c >= 0x48a;
  if (c <= 0x587) return (c >= 0x531 && c <= 0x556) || c >= 0x561;
  if (c <= 0x5ea) return c >= 0x5d0;
  if (c <= 0x6ff) return (c >= 0x620 && c <= 0x64a) || (c >= 0x660 && c <= 0x669) || c === 0x66e || c === 0x66f || (c >= 0x671 && c <= 0x6d3) || c === 0x6d5 || c >= 0x6ee;
  if (c <= 0x10ff) return (c >= 0x10a0 && c <= 0x10c5) || (c >= 0x10d0 && c <= 0x10fa);
  return c >= 0x1e00 && c <= 0x1eff;
}

/**
 * Classical Armenian spellings written the reformed way (so both orthographies meet): եա -> յա
 * (Յակոբեան, Հակոբյան), իւ -> յու, ուա -> վա (գրուած, գրված), a ւ not in ու -> վ, an initial
 * յ -> հ. Before stemming too.
 */
export function armenianToReformed(word: string): string {
  return word
    .replace(/եա/gu, 'յա')
    .replace(/իւ/gu, 'յու')
    .replace(/ուա/gu, 'վա')
    .replace(/(?<!ո)ւ/gu, 'վ')
    .replace(/^յ/u, 'հ');
}

/** The phonetic collapse, in order, on lower-case ASCII. */
const COLLAPSE: readonly (readonly [RegExp, string])[] = [
  [/dzh|dj/g, 'j'],
  [/zh/g, 'j'],
  [/kh/g, 'x'],
  [/gh/g, 'g'],
  [/ch|tsh/g, 'c'],
  [/sh/g, 's'],
  [/^ye/g, 'e'],
  [/iy/g, 'i'],
];

export const ARMENIAN = /\p{Script=Armenian}/u;

function computeKey(run: string): string {
  const lower = run.toLowerCase();
  // any-ascii spells ու "ow"; Armenian readers and other alphabets write u.
  const spelled = ARMENIAN.test(lower) ? armenianToReformed(lower).replace(/ու/gu, 'u') : lower;
  let ascii = anyAscii(spelled).toLowerCase().replace(/[^a-z0-9]/g, '');
  for (const [pattern, replacement] of COLLAPSE) ascii = ascii.replace(pattern, replacement);
  // A letter any-ascii has no spelling for keeps its own (folded by unicode61 as the text is).
  return ascii === '' ? lower : ascii;
}

// Words follow Zipf's law: a few thousand make most of any article, so keys are computed once.
const KEY_CACHE_LIMIT = 100_000;
const keyCache = new Map<string, string>();

/** The key of one word (a run of letters with no separator in it). */
export function searchKeyOfWord(word: string): string {
  let key = keyCache.get(word);
  if (key === undefined) {
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
    key = computeKey(word);
    keyCache.set(word, key);
  }
  return key;
}

/** Text with every word replaced by its key (a temporary index of keys, e.g. autocode's). Give it folded text. */
export function searchKeyText(folded: string): string {
  let keyed = '';
  let copiedTo = 0;
  let wordStart = -1;
  for (let i = 0; i <= folded.length; i++) {
    if (i < folded.length && isKeyLetter(folded.charCodeAt(i))) {
      if (wordStart < 0) wordStart = i;
    } else if (wordStart >= 0) {
      keyed += folded.slice(copiedTo, wordStart) + searchKeyOfWord(folded.slice(wordStart, i));
      copiedTo = i;
      wordStart = -1;
    }
  }
  return keyed + folded.slice(copiedTo);
}

/**
 * Calls `visit` with every word (each time it occurs) of folded text whose key may not be its own
 * spelling in lower case: a word of lower- or upper-case ASCII letters and digits is its own key
 * unless the phonetic collapse applies (an h after c, d, g, k, s, z; dj; iy; an initial ye), and
 * most words of Latin text are decided by that in the same pass, without being cut out.
 */
export function forEachWordWithOtherKey(folded: string, visit: (word: string) => void): void {
  let wordStart = -1;
  let other = false;
  let previous = 0;
  for (let i = 0; i <= folded.length; i++) {
    const c = i < folded.length ? folded.charCodeAt(i) : 0;
    if (i < folded.length && isKeyLetter(c)) {
      if (wordStart < 0) {
        wordStart = i;
        other = false;
        previous = 0;
      }
      if (!other) {
        // The key is made from the word in lower case: an ASCII capital counts as its small letter.
        const lower = c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
        if (lower >= 0x80) other = true;
        else if (lower === 0x68) other = previous === 0x63 || previous === 0x64 || previous === 0x67 || previous === 0x6b || previous === 0x73 || previous === 0x7a;
        else if (lower === 0x6a) other = previous === 0x64;
        else if (lower === 0x79) other = previous === 0x69;
        else if (lower === 0x65) other = previous === 0x79 && i === wordStart + 1;
        previous = lower;
      }
    } else if (wordStart >= 0) {
      const start = wordStart;
      wordStart = -1;
      if (other) visit(folded.slice(start, i));
    }
  }
}

/**
 * The words of folded text whose key is not their own spelling (lower case), each once, as
 * [word in lower case, key]: what the index writer records in `search_key_terms` (migration 14), so
 * that a query's key finds them. `seen` holds the words (as written) already looked at, so each
 * distinct word of a library costs one key computation and then one Set lookup per occurrence;
 * the caller owns it and clears it when the table may have lost rows.
 */
export function wordsWithOtherKeys(folded: string, seen: Set<string>, found: Map<string, string>): void {
  forEachWordWithOtherKey(folded, (word) => {
    if (seen.has(word)) return;
    seen.add(word);
    const key = searchKeyOfWord(word);
    const lower = word.toLowerCase();
    if (key !== lower) found.set(lower, key);
  });
}
