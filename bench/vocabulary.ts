import type { Random } from './random';
import { pick, randomInt } from './random';

/**
 * Synthetic vocabularies, one per script, ordered by frequency rank: frequent words are short, as
 * in real text. Tens of thousands of distinct terms per library, so the index has realistic depth
 * (a tiny vocabulary makes every word common and every timing meaningless).
 */
export interface Vocabulary {
  script: 'latin' | 'cyrillic' | 'armenian';
  words: string[];
}

interface Alphabet {
  onsets: readonly string[];
  nuclei: readonly string[];
  codas: readonly string[];
}

const LATIN: Alphabet = {
  onsets: ['', 'b', 'c', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'z', 'br', 'ch', 'sh', 'st', 'tr', 'kh', 'gr', 'pl', 'ç'],
  // A few Azerbaijani and Turkish vowels, so folded letters occur throughout the index.
  nuclei: [...'aeiouaeiouaeiouaeioaeio'.split(''), 'ia', 'ou', 'ai', 'ea', 'ə', 'ı', 'ü'],
  codas: ['', '', '', 'n', 'r', 's', 't', 'l', 'k', 'm', 'nd', 'st', 'ng', 'x'],
};

const CYRILLIC: Alphabet = {
  onsets: ['', 'б', 'в', 'г', 'д', 'ж', 'з', 'к', 'л', 'м', 'н', 'п', 'р', 'с', 'т', 'ф', 'х', 'ч', 'ш', 'щ', 'ст', 'пр', 'кр', 'тр'],
  nuclei: ['а', 'е', 'и', 'о', 'у', 'а', 'е', 'и', 'о', 'ы', 'я', 'ю', 'ё'],
  codas: ['', '', '', 'н', 'р', 'с', 'т', 'й', 'ль', 'ть', 'к', 'м', 'в'],
};

const ARMENIAN: Alphabet = {
  onsets: ['', 'բ', 'գ', 'դ', 'զ', 'թ', 'ժ', 'լ', 'խ', 'ծ', 'կ', 'հ', 'ձ', 'ղ', 'ճ', 'մ', 'յ', 'ն', 'շ', 'չ', 'պ', 'ջ', 'ռ', 'ս', 'վ', 'տ', 'ր', 'ց', 'փ', 'ք', 'ֆ'],
  nuclei: ['ա', 'ե', 'է', 'ը', 'ի', 'ո', 'ու', 'օ', 'ա', 'ե', 'ի', 'և'],
  codas: ['', '', '', 'ն', 'ր', 'ս', 'տ', 'մ', 'կ', 'ղ', 'ց', 'թյուն'],
};

function makeWords(random: Random, alphabet: Alphabet, count: number): string[] {
  const seen = new Set<string>();
  const words: string[] = [];
  while (words.length < count) {
    // log10 of the rank sets the typical length: the commonest words get one syllable, the tail four or five.
    const rankDigits = Math.log10(words.length + 10);
    const syllables = Math.min(4, 1 + Math.floor(rankDigits / 2 + random() * 1.3));
    let word = '';
    for (let s = 0; s < syllables; s++) word += pick(random, alphabet.onsets) + pick(random, alphabet.nuclei) + (s === syllables - 1 || random() < 0.2 ? pick(random, alphabet.codas) : '');
    if (word.length < 2 && words.length > 30) continue;
    if (seen.has(word)) continue;
    seen.add(word);
    words.push(word);
  }
  return words;
}

export function makeVocabularies(random: Random, scale = 1): Vocabulary[] {
  return [
    { script: 'latin', words: makeWords(random, LATIN, Math.round(60_000 * scale)) },
    { script: 'cyrillic', words: makeWords(random, CYRILLIC, Math.round(15_000 * scale)) },
    { script: 'armenian', words: makeWords(random, ARMENIAN, Math.round(8_000 * scale)) },
  ];
}

/** Real names in their own spellings, sprinkled through every script (the fold cases of issue 6). */
export const NAMES = ['Laçın', 'Xankəndi', 'Stepanakert', 'Şuşa', 'Ханкенди', 'Лачин', 'Ереван', 'Երևան', 'Լաչին', 'Guterres', 'Pashinyan', 'Əliyev', 'Ağdam', 'Bakı'];

const FIRST = ['Anna', 'Armen', 'Leyla', 'Rauf', 'Olga', 'Ivan', 'Fatima', 'Ahmed', 'Sara', 'Tigran', 'Elnur', 'Nina', 'Karen', 'Aysel', 'Mikhail', 'Hasan', 'Lilit', 'Gohar', 'Orhan', 'Yulia'];

/** "First Last" bylines from generated surnames: a few thousand distinct authors. */
export function makeAuthors(random: Random, latinWords: readonly string[], count: number): string[] {
  return Array.from({ length: count }, () => {
    const surname = latinWords[randomInt(random, 2000, latinWords.length - 1)]!;
    return `${pick(random, FIRST)} ${surname[0]!.toUpperCase()}${surname.slice(1)}ova`;
  });
}

export const OUTLETS = [
  'AzerNews', 'Armenpress', 'UrduPoint.com', 'Report.az', 'TASS', 'RIA Novosti', 'Interfax', 'Kommersant', 'Meduza', 'Azatutyun',
  'Asbarez', 'Armenian Weekly', 'news.am', 'CivilNet', 'Hetq', 'Eurasianet', 'OC Media', 'JAMnews', 'Trend', 'APA',
  'Dawn', 'The Express Tribune', 'Reuters', 'Associated Press', 'BBC News', 'Al Jazeera', 'The Guardian', 'Le Monde', 'Deutsche Welle', 'Anadolu',
];
