import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/db';
import { exportSourceHighlights, hashtag } from './exportSourceHighlights';
import { parseMarkdown, plainText } from './parseMarkdownForTests';
import { addHighlight, addSource, openTestLibrary, type TestLibrary } from '../../../tests/support/library';

let library: TestLibrary;
let db: Db;
beforeEach(() => {
  library = openTestLibrary();
  db = library.db;
});
afterEach(() => library.cleanup());

const BODY = 'Степанакерт. Лачинский коридор остаётся заблокированным. *Not* a [link].\n\nSecond paragraph: the road is closed.';

describe('exportSourceHighlights', () => {
  it('lays out the source and each passage as reading tools do', () => {
    const sourceId = addSource(db, { title: 'Лачин: день 8', outlet: 'РИА Новости', author: 'Иванов, Пётр', publishedAt: '2023-01-05', url: 'https://ria.ru/a', body: BODY });
    const first = addHighlight(db, sourceId, 'Лачинский коридор остаётся заблокированным.', { comment: 'Compare with Armenpress.\nSame day.', tags: ['блокада', 'Lachin corridor'] });
    const second = addHighlight(db, sourceId, '*Not* a [link].\n\nSecond paragraph');
    const exported = exportSourceHighlights(db, sourceId);
    expect(exported.fileName).toBe('Лачин - день 8 - highlights.md');
    expect(exported.markdown).toBe(
      [
        '# Лачин: день 8',
        '',
        '- Author: Иванов, Пётр',
        '- Outlet: РИА Новости',
        '- Published: 2023-01-05',
        '- URL: [https://ria.ru/a](https://ria.ru/a)',
        `- Citekey: ${(db.prepare('SELECT citekey FROM sources WHERE id = ?').get(sourceId) as { citekey: string }).citekey}`,
        `- In Marginalia: [Open in Marginalia](marginalia://source/${sourceId})`,
        '',
        '## Highlights (2)',
        '',
        '> Лачинский коридор остаётся заблокированным.',
        '',
        'Compare with Armenpress.\\',
        'Same day.',
        '',
        `Tags: #Lachin-corridor #блокада · [Open in Marginalia](marginalia://source/${sourceId}?highlight=${first})`,
        '',
        '---',
        '',
        '> \\*Not\\* a \\[link].',
        '>',
        '> Second paragraph',
        '',
        `[Open in Marginalia](marginalia://source/${sourceId}?highlight=${second})`,
        '',
      ].join('\n'),
    );
    // Read back, each quote is exactly the highlighted words.
    const quotes = parseMarkdown(exported.markdown).children.filter((node) => node.type === 'blockquote');
    expect(quotes.map((quote) => quote.children.map((child) => plainText(child)).join('\n\n'))).toEqual([
      'Лачинский коридор остаётся заблокированным.',
      '*Not* a [link].\n\nSecond paragraph',
    ]);
  });

  it('says when there is nothing highlighted yet, and flags passages no longer found', () => {
    const sourceId = addSource(db, { title: 'Empty', body: 'Some words here.' });
    expect(exportSourceHighlights(db, sourceId).markdown).toContain('No passages of this article are highlighted yet.');
    const highlight = addHighlight(db, sourceId, 'words');
    db.prepare('UPDATE highlights SET orphaned = 1 WHERE id = ?').run(highlight);
    expect(exportSourceHighlights(db, sourceId).markdown).toContain('*This passage is no longer found in the text of the article.*');
  });

  it('refuses a missing source', () => {
    expect(() => exportSourceHighlights(db, 999)).toThrow(/Source 999 was not found/);
  });
});

describe('hashtag', () => {
  it('makes a tag a hashtag in any script, without spaces or punctuation', () => {
    expect(hashtag('Lachin corridor')).toBe('#Lachin-corridor');
    expect(hashtag('блокада')).toBe('#блокада');
    expect(hashtag('Լաչին')).toBe('#Լաչին');
    expect(hashtag('eco-activists (so-called)')).toBe('#eco-activists-so-called');
  });
});
