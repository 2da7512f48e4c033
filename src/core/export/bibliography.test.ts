import { describe, expect, it } from 'vitest';
import { formatBibtex, toBibtexEntry } from './bibtex';
import { assignCitekeys, usableCitekey } from './citekeys';
import type { CitedSource } from './csl';
import { formatCslJson, parseByline, toCslItem } from './csl';

const source = (overrides: Partial<CitedSource> = {}): CitedSource => ({
  sourceId: 1,
  inLibrary: true,
  title: 'The sending of UN peacekeepers is up to Baku and Yerevan',
  outlet: 'AzerNews',
  author: 'Fatima Hasanova',
  publishedAt: '2023-01-11',
  url: 'https://www.azernews.az/nation/204263.html',
  language: 'en',
  titleDerived: false,
  citekey: 'azernews2023sending',
  ...overrides,
});

describe('source to CSL-JSON', () => {
  it('maps every field the issue names', () => {
    expect(toCslItem(source())).toEqual({
      id: 'azernews2023sending',
      type: 'article-newspaper',
      title: 'The sending of UN peacekeepers is up to Baku and Yerevan',
      'container-title': 'AzerNews',
      author: [{ family: 'Hasanova', given: 'Fatima' }],
      issued: { 'date-parts': [[2023, 1, 11]] },
      URL: 'https://www.azernews.az/nation/204263.html',
      language: 'en',
    });
  });

  it('leaves out what the source does not say, rather than inventing it', () => {
    expect(toCslItem(source({ outlet: null, author: null, publishedAt: null, url: null, language: null }))).toEqual({
      id: 'azernews2023sending',
      type: 'article-newspaper',
      title: 'The sending of UN peacekeepers is up to Baku and Yerevan',
    });
  });

  it('splits a byline only where the split is certain', () => {
    expect(parseByline('Fatima Hasanova')).toEqual([{ family: 'Hasanova', given: 'Fatima' }]);
    expect(parseByline('Иванов, Пётр')).toEqual([{ family: 'Иванов', given: 'Пётр' }]);
    expect(parseByline('خان, علی')).toEqual([{ family: 'خان', given: 'علی' }]);
    expect(parseByline('Maria del Carmen Sánchez')).toEqual([{ literal: 'Maria del Carmen Sánchez' }]);
    expect(parseByline('Reuters')).toEqual([{ literal: 'Reuters' }]);
    expect(parseByline('AzerNews Staff 2')).toEqual([{ literal: 'AzerNews Staff 2' }]);
    expect(parseByline('Fatima Hasanova and Ani Hakobyan')).toEqual([
      { family: 'Hasanova', given: 'Fatima' },
      { family: 'Hakobyan', given: 'Ani' },
    ]);
  });

  it('keeps whole the names in scripts citeproc runs together: Armenian, Georgian (issue 14)', () => {
    expect(parseByline('Անի Հակոբյան')).toEqual([{ literal: 'Անի Հակոբյան' }]);
    expect(parseByline('Հակոբյան, Անի')).toEqual([{ literal: 'Հակոբյան, Անի' }]);
    expect(parseByline('ნინო შევარდნაძე')).toEqual([{ literal: 'ნინო შევარდნაძე' }]);
    expect(parseByline('Ани Акопян & Անի Հակոբյան')).toEqual([{ family: 'Акопян', given: 'Ани' }, { literal: 'Անի Հակոբյան' }]);
  });

  it('marks a title the importer made, in square brackets, in CSL-JSON and BibTeX (issue 14)', () => {
    const item = toCslItem(source({ title: 'The leaders of Artsakh and Armenia urged the international community…', titleDerived: true }));
    expect(item.title).toBe('[The leaders of Artsakh and Armenia urged the international community…]');
    expect(toBibtexEntry(item)).toContain('title = {{[The leaders of Artsakh and Armenia urged the international community…]}}');
    expect(toCslItem(source()).title).toBe('The sending of UN peacekeepers is up to Baku and Yerevan');
  });

  it('writes the language as biblatex langid, by its babel name (issue 14)', () => {
    const langid = (language: string | null) => /langid = \{([^}]*)\}/.exec(toBibtexEntry(toCslItem(source({ language }))))?.[1] ?? null;
    expect([langid('hy'), langid('ru'), langid('az'), langid('ur'), langid('en-GB'), langid('de')]).toEqual(['armenian', 'russian', 'azerbaijani', 'urdu', 'english', 'ngerman']);
    expect(langid('xx')).toBeNull();
    expect(langid(null)).toBeNull();
  });

  it('writes entries in citekey order, non-Latin text as written', () => {
    const json = formatCslJson([toCslItem(source({ citekey: 'b', title: 'Лачин' })), toCslItem(source({ citekey: 'a', title: 'Լաչին' }))]);
    const parsed = JSON.parse(json) as { id: string; title: string }[];
    expect(parsed.map((item) => [item.id, item.title])).toEqual([
      ['a', 'Լաչին'],
      ['b', 'Лачин'],
    ]);
    expect(json).toContain('"Լաչին"');
    expect(json.endsWith('\n')).toBe(true);
  });
});

describe('CSL to BibTeX', () => {
  it('writes a biblatex newspaper article from the same entry', () => {
    expect(toBibtexEntry(toCslItem(source()))).toBe(
      [
        '@article{azernews2023sending,',
        '  entrysubtype = {newspaper},',
        '  author = {Hasanova, Fatima},',
        '  title = {{The sending of UN peacekeepers is up to Baku and Yerevan}},',
        '  journaltitle = {AzerNews},',
        '  date = {2023-01-11},',
        '  url = {https://www.azernews.az/nation/204263.html},',
        '  langid = {english},',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('escapes what LaTeX reads as commands and keeps every script as written', () => {
    const entry = toBibtexEntry(toCslItem(source({ title: '50% & {braces} $x^2$ #1 a_b ~ \\ end', author: 'Reuters', outlet: 'Արմենպրես — Ağdam, Лачин' })));
    expect(entry).toContain('title = {{50\\% \\& \\{braces\\} \\$x\\textasciicircum 2\\$ \\#1 a\\_b \\textasciitilde{} \\textbackslash{} end}},');
    expect(entry).toContain('author = {{Reuters}},');
    expect(entry).toContain('journaltitle = {Արմենպրես — Ağdam, Лачин},');
  });

  it('keeps every field on one line and its braces balanced', () => {
    const entry = toBibtexEntry(toCslItem(source({ title: 'Line one\nline two }{ unbalanced', url: 'https://example.org/a{b}' })));
    for (const line of entry.trim().split('\n').slice(1, -1)) {
      let depth = 0;
      for (const [index, char] of [...line].entries()) {
        if (char === '\\') continue;
        if (char === '{' && line[index - 1] !== '\\') depth++;
        if (char === '}' && line[index - 1] !== '\\') depth--;
        expect(depth).toBeGreaterThanOrEqual(0);
      }
      expect(depth).toBe(0);
    }
    expect(entry).toContain('url = {https://example.org/a%7Bb%7D},');
  });

  it('refuses a key that would break the file', () => {
    expect(() => toBibtexEntry({ id: 'a,b}', type: 'article-newspaper', title: 'x' })).toThrow(/cannot be written/);
  });

  it('orders entries by citekey', () => {
    const bib = formatBibtex([toCslItem(source({ citekey: 'zeta' })), toCslItem(source({ citekey: 'alpha' }))]);
    expect([...bib.matchAll(/@article\{([^,]+),/g)].map((match) => match[1])).toEqual(['alpha', 'zeta']);
  });
});

describe('citekeys in an export', () => {
  it('cleans a snapshot key, or makes one from the metadata', () => {
    expect(usableCitekey('azernews2023sending', source())).toBe('azernews2023sending');
    expect(usableCitekey('bad key}{,', source())).toBe('badkey');
    expect(usableCitekey(null, { title: 'Peacekeepers', outlet: 'AzerNews', author: null, publishedAt: '2023-01-11' })).toBe('azernews2023peacekeepers');
    expect(usableCitekey('}{', { title: 'Լաչին', outlet: null, author: null, publishedAt: null })).toBe('anonlachin');
  });

  it('lets sources in the library keep their keys; a deleted source with the same key takes a suffix', () => {
    const keys = assignCitekeys([
      { sourceId: 9, inLibrary: false, wanted: 'azernews2023' },
      { sourceId: 1, inLibrary: true, wanted: 'azernews2023' },
      { sourceId: 9, inLibrary: false, wanted: 'azernews2023' },
      { sourceId: 2, inLibrary: true, wanted: 'armenpress2022' },
    ]);
    expect(Object.fromEntries(keys)).toEqual({ 1: 'azernews2023', 2: 'armenpress2022', 9: 'azernews2023a' });
  });
});
