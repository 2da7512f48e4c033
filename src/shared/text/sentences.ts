/**
 * Sentence boundaries for English news prose, good enough to derive a title from a first
 * sentence. A period ends a sentence unless it closes an abbreviation ("Mr.", "U.S.", "J."),
 * because news copy is full of them and a title cut at "the U.S" reads as a bug.
 */

// Lower-cased, without the final period. Titles, honorifics, months and Latin shorthands that
// are nearly always followed by more of the same sentence.
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'st', 'sr', 'jr', 'rev', 'hon', 'gen', 'col', 'lt', 'maj', 'capt', 'cpt',
  'sgt', 'cmdr', 'adm', 'gov', 'sen', 'rep', 'pres', 'amb', 'sec', 'insp', 'supt', 'fr', 'messrs', 'mt', 'ft',
  'approx', 'est', 'dept', 'univ', 'assn', 'bros', 'inc', 'ltd', 'co', 'corp',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'vs', 'etc', 'cf', 'al', 'ca', 'viz', 'ave', 'blvd', 'rd',
]);

// Ordinary words too ("he said no."), so abbreviations only when a number follows: "No. 5".
const NUMBER_ABBREVIATIONS = new Set(['no', 'nos', 'vol', 'art', 'fig', 'p', 'pp', 'para']);

// What may follow a terminator before the space: closing quotes and brackets.
const CLOSERS = `"'”’»)]`;

/** True when the word that ends at a period is an abbreviation rather than a sentence end. */
function isAbbreviation(word: string, next: string): boolean {
  if (/^\d/.test(next) && NUMBER_ABBREVIATIONS.has(word.toLowerCase())) return true;
  // Initialisms with inner periods: U.S., U.N., e.g., i.e., U.S.A.
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return true;
  // A single capital initial: "John F. Kennedy", "J. Smith".
  if (/^\p{Lu}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

/**
 * The end offset (exclusive) of the sentence that starts at `from` in `text`, or `text.length`
 * when no boundary follows. A boundary is `.`, `!`, `?` or `…` (plus closing quotes) followed by
 * whitespace, where the next word does not start in lower case and a period does not close an
 * abbreviation.
 */
export function sentenceEnd(text: string, from = 0): number {
  const terminator = /[.!?…]+/gu;
  terminator.lastIndex = from;
  for (let match = terminator.exec(text); match; match = terminator.exec(text)) {
    let end = match.index + match[0].length;
    while (end < text.length && CLOSERS.includes(text[end]!)) end++;
    if (end === text.length) return end;
    if (!/\s/u.test(text[end]!)) continue; // "3.5", "news.am", "U.S." inside a word
    const next = text.slice(end).trimStart();
    if (next === '') return end;
    // A lower-case continuation means the period was not a full stop ("approx. five").
    if (/^\p{Ll}/u.test(next)) continue;
    if (match[0] === '.') {
      const word = /([\p{L}.]+)\.$/u.exec(text.slice(Math.max(from, match.index - 40), match.index + 1))?.[1];
      if (word !== undefined && isAbbreviation(word, next)) continue;
    }
    return end;
  }
  return text.length;
}

/** True when `text` ends with an abbreviation's period ("the U.S."), which is not a full stop. */
export function endsWithAbbreviation(text: string): boolean {
  const word = /([\p{L}.]+)\.$/u.exec(text.slice(-40))?.[1];
  return word !== undefined && isAbbreviation(word, '');
}

/** The first sentence of `text`, trimmed; the whole text when it has no boundary. */
export function firstSentence(text: string): string {
  const trimmed = text.trim();
  return trimmed.slice(0, sentenceEnd(trimmed)).trim();
}

/** Splits `text` into its sentences, each trimmed. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  for (let start = 0; start < text.length; ) {
    const end = sentenceEnd(text, start);
    const sentence = text.slice(start, end).trim();
    if (sentence !== '') sentences.push(sentence);
    start = end;
  }
  return sentences;
}
