import { newStemmer, type Stemmer } from 'snowball-stemmers';
import { foldSearchText } from './fold';
import { ARMENIAN, armenianToReformed, searchKeyOfWord } from './searchKey';

/**
 * Word forms for queries (issue 14): a query word's Snowball stem, turned into keys
 * (searchKey.ts). Apart from the keys so that what folds and keys a text (the importer's parse
 * worker, the index writer) does not load the stemmers: they were a tenth of that thread's start.
 */

export type StemLanguage = 'english' | 'russian' | 'armenian' | 'turkish';

const stemmers = new Map<StemLanguage, Stemmer>();

/**
 * Which Snowball stemmer a word takes, by its script: Cyrillic is read as Russian, Armenian as
 * Armenian, Latin with a letter of the Turkic alphabets (ə ı ğ ş ç ö ü) as Azerbaijani/Turkish
 * (Snowball's Turkish), other Latin as English; other scripts are not stemmed.
 */
export function stemLanguageOf(word: string): StemLanguage | null {
  if (/\p{Script=Cyrillic}/u.test(word)) return 'russian';
  if (ARMENIAN.test(word)) return 'armenian';
  if (/[əƏıİğĞşŞçÇöÖüÜ]/u.test(word)) return 'turkish';
  if (/\p{Script=Latin}/u.test(word)) return 'english';
  return null;
}

/** The word's stem by the Snowball stemmer of its language (the word itself when none applies). */
export function stemWord(word: string): string {
  const lower = word.toLowerCase();
  const language = stemLanguageOf(lower);
  if (language === null) return lower;
  let stemmer = stemmers.get(language);
  if (!stemmer) stemmers.set(language, (stemmer = newStemmer(language)));
  // Snowball's Turkish has no ə: Azerbaijani ə takes e's place in its suffixes (-də, -dən, -lər).
  const prepared = language === 'armenian' ? armenianToReformed(lower) : language === 'turkish' ? lower.replaceAll('ə', 'e') : lower;
  return stemmer.stem(prepared);
}

/** A stem shorter than this is too short to be a prefix: it would match unrelated words. */
export const MIN_STEM_PREFIX = 4;

/** One way a query word can match: a key, whole or as a prefix (buildMatch.ts turns it into the spellings it has). */
export interface KeyAlternative {
  key: string;
  prefix: boolean;
}

/**
 * How one query word (NFC, folded, one token) matches by its keys when word forms are on:
 * its stem's key as a prefix (`peacekeepers` -> peacekeep*, `Лачин` -> lacin*, which finds
 * "Лачинского"), and its own key when the stem is too short to be a prefix or is not a prefix of
 * the word's key (Snowball's English writes `city` as citi). `typedPrefix`: the user wrote `*`;
 * `asTyped`: the same word before folding, which the stemmer reads.
 */
export function searchKeyAlternatives(word: string, typedPrefix: boolean, asTyped = word): KeyAlternative[] {
  const wordKey = searchKeyOfWord(word);
  if (typedPrefix) return [{ key: wordKey, prefix: true }];
  // Stemmed as typed (the fold writes ə as e, which would hide an Azerbaijani word's language).
  const stemKey = searchKeyOfWord(foldSearchText(stemWord(asTyped)));
  const alternatives: KeyAlternative[] = [];
  const add = (key: string, prefix: boolean) => {
    if (!alternatives.some((alternative) => alternative.key === key && alternative.prefix === prefix)) alternatives.push({ key, prefix });
  };
  const stemIsPrefix = stemKey.length >= MIN_STEM_PREFIX;
  if (stemIsPrefix) add(stemKey, true);
  if (!stemIsPrefix || !wordKey.startsWith(stemKey)) add(wordKey, wordKey.length >= MIN_STEM_PREFIX);
  if (!stemIsPrefix && stemKey !== wordKey && stemKey !== '') add(stemKey, false);
  return alternatives;
}
