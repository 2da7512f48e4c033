import { describe, expect, it } from 'vitest';
import { endsWithAbbreviation, firstSentence, splitSentences } from './sentences';

describe('firstSentence', () => {
  it('stops at a full stop followed by a new sentence', () => {
    expect(firstSentence('The talks ended. Both sides left.')).toBe('The talks ended.');
  });

  it('stops at ? and ! and keeps closing quotes with the sentence', () => {
    expect(firstSentence('Who will decide? Baku and Yerevan.')).toBe('Who will decide?');
    expect(firstSentence('“End the blockade!” the crowd shouted. Then it rained.')).toBe('“End the blockade!” the crowd shouted.');
    expect(firstSentence('He said: “It is over.” Nobody agreed.')).toBe('He said: “It is over.”');
  });

  it.each([
    ['U.S.', 'During a call with the U.S. Assistant Secretary of State Karen Donfried, Bayramov spoke. Then more.', 'During a call with the U.S. Assistant Secretary of State Karen Donfried, Bayramov spoke.'],
    ['U.N.', 'The U.N. Security Council met on Tuesday. It issued no statement.', 'The U.N. Security Council met on Tuesday.'],
    ['Mr.', 'Mr. Pashinyan called Mr. Putin on Tuesday. They spoke.', 'Mr. Pashinyan called Mr. Putin on Tuesday.'],
    ['Dr.', 'Dr. Smith arrived. She left.', 'Dr. Smith arrived.'],
    ['St.', 'They met in St. Petersburg last week. Nothing changed.', 'They met in St. Petersburg last week.'],
    ['an initial', 'John F. Kennedy spoke in Berlin. The crowd cheered.', 'John F. Kennedy spoke in Berlin.'],
    ['a leading initial', 'A. Guterres wrote to both leaders. They replied.', 'A. Guterres wrote to both leaders.'],
    ['e.g.', 'Some outlets, e.g. AzerNews, disagreed. Others did not.', 'Some outlets, e.g. AzerNews, disagreed.'],
    ['a month', 'It began on Dec. 12 near Shusha. It went on.', 'It began on Dec. 12 near Shusha.'],
    ['No. before a number', 'Resolution No. 5 was adopted. It passed.', 'Resolution No. 5 was adopted.'],
  ])('does not stop at %s', (_name, text, expected) => {
    expect(firstSentence(text)).toBe(expected);
  });

  it('treats "no." before a capitalised word as a real full stop', () => {
    expect(firstSentence('Asked about a mission, he said no. The talks went on.')).toBe('Asked about a mission, he said no.');
  });

  it('does not stop inside numbers, domains or before a lower-case continuation', () => {
    expect(firstSentence('Prices rose 3.5 percent at UrduPoint.com today. Then fell.')).toBe('Prices rose 3.5 percent at UrduPoint.com today.');
    expect(firstSentence('It cost approx. five million. Then more.')).toBe('It cost approx. five million.');
  });

  it('returns the whole text when there is no boundary, trimmed', () => {
    expect(firstSentence('  told reporters on January 10  ')).toBe('told reporters on January 10');
    expect(firstSentence('')).toBe('');
  });
});

describe('splitSentences', () => {
  it('splits prose into sentences and loses no text', () => {
    const text = 'Mr. Peskov spoke. The U.S. and the U.N. disagreed! Why? Nobody knows…';
    expect(splitSentences(text)).toEqual(['Mr. Peskov spoke.', 'The U.S. and the U.N. disagreed!', 'Why?', 'Nobody knows…']);
    expect(splitSentences(text).join(' ')).toBe(text);
  });
});

describe('endsWithAbbreviation', () => {
  it('knows an abbreviation from a full stop', () => {
    expect(endsWithAbbreviation('talks in the U.S.')).toBe(true);
    expect(endsWithAbbreviation('a letter from Mr.')).toBe(true);
    expect(endsWithAbbreviation('the talks ended.')).toBe(false);
  });
});
