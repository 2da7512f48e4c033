import { describe, expect, it } from 'vitest';
import { foldSearchText } from './fold';
import { searchKeyText, wordsWithOtherKeys } from './searchKey';
import { searchKeyAlternatives, stemLanguageOf, stemWord } from './stemming';

const key = (text: string) => searchKeyText(foldSearchText(text));
/** The FTS5 tokens unicode61 would see, near enough: runs of letters and digits. */
const tokens = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];

describe('search keys: one spelling per word, whatever the script', () => {
  it.each([
    ['Lachin', ['Laçın', 'Lacin', 'Лачин', 'Լաչին', 'LAÇIN']],
    ['Stepanakert', ['Степанакерт', 'Ստեփանակերտ']],
    ['Khankendi', ['Xankəndi', 'Ханкенди', 'XANKƏNDİ']],
    ['Shusha', ['Şuşa', 'Шуша']],
    ['Aliyev', ['Алиев']],
    ['Yerevan', ['Ереван', 'Երևան', 'ԵՐԵՎԱՆ']],
  ])('%s meets %j', (word, spellings) => {
    for (const spelling of spellings) expect(key(spelling)).toBe(key(word));
  });

  it('gives Armenian in both orthographies one key', () => {
    // Classical and reformed: եւ/և, եա/յա, իւ/յու, initial յ/հ.
    expect(key('Երեւան')).toBe(key('Երևան'));
    expect(key('Յակոբեան')).toBe(key('Հակոբյան'));
    expect(key('գրուած')).toBe(key('գրված'));
  });

  it('keys Georgian and Arabic script too (Arabic best effort: its letters, without vowels)', () => {
    expect(key('ლაჩინი')).toBe('lacini');
    expect(key('ლაჩინი').startsWith(key('Лачин'))).toBe(true);
    expect(key('لاچین')).toMatch(/^l[a-z]+n$/u);
    expect(key('لاچین')).toBe(key('لاچين')); // Persian and Arabic yeh
  });

  it('keeps every token and every separator where it was, so snippets mark the right words', () => {
    const text = 'Ёлка у въезда в Ханкенди — «Лачинский» коридор; Laçın-Xankəndi, ԵՐԵՎԱՆ. ლაჩინი 2023 中文 αβγ';
    const keyed = key(text);
    expect(tokens(keyed)).toHaveLength(tokens(foldSearchText(text)).length);
    expect(keyed.replace(/[\p{L}\p{N}]+/gu, 'w')).toBe(foldSearchText(text).replace(/[\p{L}\p{N}]+/gu, 'w'));
    expect(tokens(keyed)).toEqual(expect.arrayContaining(['xankendi', 'lacinski', 'lacin', 'erevan', 'lacini', '2023']));
  });

  it('lower-cases, and leaves words of other scripts as they are', () => {
    expect(key('LACHIN')).toBe('lacin');
    expect(key('中文')).toBe('中文');
  });
});

describe('stemming by the script of the word', () => {
  it('picks the Snowball stemmer by script', () => {
    expect(stemLanguageOf('peacekeepers')).toBe('english');
    expect(stemLanguageOf('Лачинского')).toBe('russian');
    expect(stemLanguageOf('միջանցքը')).toBe('armenian');
    expect(stemLanguageOf('dəhlizi')).toBe('turkish');
    expect(stemLanguageOf('ლაჩინი')).toBeNull();
  });

  it.each([
    ['english', ['peacekeeper', 'peacekeepers', 'peacekeeping']],
    ['russian', ['коридор', 'коридора', 'коридоре', 'коридором']],
    ['armenian', ['միջանցք', 'միջանցքը', 'միջանցքի', 'միջանցքով']],
    ['azerbaijani', ['dəhliz', 'dəhlizi', 'dəhlizin', 'dəhlizdə']],
    ['azerbaijani', ['şəhər', 'şəhərdə', 'şəhərində']],
  ])('%s: %j share a stem', (_language, forms) => {
    const stems = new Set(forms.map(stemWord));
    expect(stems.size).toBe(1);
  });
});

describe('searchKeyAlternatives: how a query word matches the key columns', () => {
  const alternatives = (word: string, typedPrefix = false) => searchKeyAlternatives(foldSearchText(word), typedPrefix);

  it('looks a word up by its stem as a prefix', () => {
    expect(alternatives('peacekeepers')).toEqual([{ key: 'peacekeep', prefix: true }]);
    expect(alternatives('Лачин')).toEqual([{ key: 'lacin', prefix: true }]);
    expect(alternatives('Լաչին')).toContainEqual({ key: 'lacin', prefix: true });
  });

  it('keeps a short stem whole (a 3-letter prefix matches unrelated words) and adds the word', () => {
    expect(alternatives('wars')).toEqual([{ key: 'wars', prefix: true }, { key: 'war', prefix: false }]);
    expect(alternatives('the')).toEqual([{ key: 'the', prefix: false }]);
  });

  it('adds the word itself when the stem is not a prefix of it', () => {
    expect(alternatives('city')).toEqual([{ key: 'citi', prefix: true }, { key: 'city', prefix: true }]);
  });

  it('stems the word as typed, so an Azerbaijani word keeps its language through the fold', () => {
    expect(searchKeyAlternatives(foldSearchText('dəhlizdə'), false, 'dəhlizdə')).toEqual([{ key: 'dehliz', prefix: true }]);
  });

  it('takes a typed * as it is: the word as a prefix, not stemmed', () => {
    expect(alternatives('blockading', true)).toEqual([{ key: 'blockading', prefix: true }]);
  });
});

describe('wordsWithOtherKeys', () => {
  const recorded = (text: string) => {
    const found = new Map<string, string>();
    wordsWithOtherKeys(foldSearchText(text), new Set(), found);
    return Object.fromEntries(found);
  };

  it('lists each word whose key is not its own spelling, once, in lower case', () => {
    expect(recorded('Лачин and Lachin, Laçın. Лачин again; Xankəndi (its own key), Khankendi, Yerevan, dzhanik, Aliyev')).toEqual({
      лачин: 'lacin',
      lachin: 'lacin',
      laçin: 'lacin',
      khankendi: 'xankendi',
      yerevan: 'erevan',
      dzhanik: 'janik',
      aliyev: 'aliev',
    });
  });

  it('agrees with the key of every word, whatever its letters', () => {
    const words = ['shore', 'tshal', 'djinn', 'zhar', 'ghost', 'chess', 'yes', 'eye', 'kiyev', 'ash', 'the', 'peace', 'kh', 'sh', 'ye', 'a1ch', 'Ash', 'ASH', 'Shore', 'KHAN', 'YEREVAN', 'Ye', 'DJ', 'Eye', 'THE', 'KiYev', 'dZh', 'Ü'];
    for (const word of words) {
      const expected = searchKeyText(word) === word.toLowerCase() ? {} : { [word.toLowerCase()]: searchKeyText(word) };
      expect(recorded(word), word).toEqual(expected);
    }
  });

  it('agrees with the key of 5,000 generated words of the letters the collapse looks at, in both cases', () => {
    let seed = 20261204;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const letters = 'acdeghijkstyzACDEGHIJKSTYZ0';
    for (let n = 0; n < 5000; n++) {
      const word = Array.from({ length: 1 + Math.floor(next() * 6) }, () => letters[Math.floor(next() * letters.length)]).join('');
      const expected = searchKeyText(word) === word.toLowerCase() ? {} : { [word.toLowerCase()]: searchKeyText(word) };
      expect(recorded(word), word).toEqual(expected);
    }
  });
});
