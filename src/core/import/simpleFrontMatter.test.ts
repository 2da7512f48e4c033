import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { simpleFrontMatter } from './simpleFrontMatter';

const CASES = [
  'title: "Lachin corridor: talks resume"\noutlet: AzerNews\ndate: 2023-01-11\nurl: https://example.org/a?b=1#c\nlanguage: en',
  'title: Xankəndi və Laçın\nauthor: Fatima Hasanova',
  'title: \'It\'\'s over\'',
  'title: "He said \\"hi\\" \\u00e9 \\n next"',
  'title: "a\\x41"',
  'title: a # comment',
  'title: a#b',
  'title: 12:30',
  'title: -x',
  'title: ""',
  'title:',
  'title: 1e3',
  'title: 0x1F',
  'title: 007',
  'title: 1.0',
  'title: .inf',
  'title: null',
  'title: ~',
  'title: True',
  'title: yes',
  'title: Nan',
  'date: 2023-01-11T10:00:00Z',
  'title: a: b',
  'title: ends with:',
  'title: [a, b]',
  'title: {a: b}',
  'title: &anchor x',
  'title: *alias',
  'title: !tag x',
  'title: |',
  'title: >',
  'title: a\ntitle: b',
  'title: a\n  continued',
  'title:\ta',
  'title: a ',
  '# comment',
  '',
  'title: "unclosed',
  "title: 'unclosed",
  'tags:\n  - a\n  - b',
  'title: Ёлка, Երևան; 中文',
  'title: 2023-1-1',
  'title: 2023-01-11 extra',
];

describe('simpleFrontMatter', () => {
  it.each(CASES)('returns null or exactly what yaml returns: %j', (text) => {
    const fast = simpleFrontMatter(text);
    if (fast === null) return;
    expect(fast).toEqual(parseYaml(text));
  });

  it('reads the front matter Markdown exports write, so the full parser is not needed for them', () => {
    expect(simpleFrontMatter(CASES[0]!)).toEqual({ title: 'Lachin corridor: talks resume', outlet: 'AzerNews', date: '2023-01-11', url: 'https://example.org/a?b=1#c', language: 'en' });
    expect(simpleFrontMatter(CASES[1]!)).toEqual({ title: 'Xankəndi və Laçın', author: 'Fatima Hasanova' });
  });

  it('leaves numbers, nulls, booleans, comments, repeated keys and nesting to the YAML parser', () => {
    for (const text of ['title: 1e3', 'title: null', 'title: True', 'title: a # c', 'title: a\ntitle: b', 'tags:\n  - a', 'title: a: b', '']) expect(simpleFrontMatter(text)).toBeNull();
  });
});
