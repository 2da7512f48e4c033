import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tagKey } from '../../shared/domain/highlight';
import type { Db } from '../db/db';
import { getHighlight } from './highlightRows';
import { createHighlight, deleteHighlight } from './highlights';
import { addHighlightTag, listTags, removeHighlightTag } from './tags';
import { addSource, openTestLibrary } from '../../../tests/support/library';

const BODY = 'Azerbaijani activists blocked the Lachin corridor. Residents of Stepanakert lack food and medicine.';

let db: Db;
let cleanup: () => void;
let first: number;
let second: number;
beforeEach(() => {
  ({ db, cleanup } = openTestLibrary());
  const sourceId = addSource(db, { body: BODY });
  first = createHighlight(db, { sourceId, start: 0, end: 21 }).id;
  second = createHighlight(db, { sourceId, start: 52, end: 61 }).id;
});
afterEach(() => cleanup());

describe('tags', () => {
  it('are library-wide and unique regardless of case, in every script; the first spelling stays', () => {
    addHighlightTag(db, first, 'Blockade');
    addHighlightTag(db, second, 'blockade');
    addHighlightTag(db, first, 'Блокада');
    addHighlightTag(db, second, 'блокада');
    addHighlightTag(db, first, 'İrəvan');
    addHighlightTag(db, second, 'irəvan');
    expect(listTags(db)).toEqual([
      { name: 'Blockade', count: 2 },
      { name: 'İrəvan', count: 2 },
      { name: 'Блокада', count: 2 },
    ]);
    expect(getHighlight(db, second).tags).toEqual(['Blockade', 'İrəvan', 'Блокада']);
  });

  it('are tidied: white space trimmed and collapsed, Unicode NFC', () => {
    const decomposed = 'S\u0327us\u0327a'; // Şuşa typed with combining cedillas
    expect(addHighlightTag(db, first, `  ${decomposed}   region `).tags).toEqual(['Şuşa region']);
    expect(tagKey('ŞUŞA')).toBe(tagKey('şuşa'));
  });

  it('adding a tag twice keeps one, and is no change', () => {
    const once = addHighlightTag(db, first, 'UN');
    expect(addHighlightTag(db, first, 'un')).toEqual(once);
  });

  it('removing the last use removes the tag from autocomplete; removing a missing tag is harmless', () => {
    addHighlightTag(db, first, 'typo-tag');
    addHighlightTag(db, first, 'keep');
    addHighlightTag(db, second, 'keep');
    expect(removeHighlightTag(db, first, 'TYPO-TAG').tags).toEqual(['keep']);
    expect(listTags(db)).toEqual([{ name: 'keep', count: 2 }]);
    expect(removeHighlightTag(db, first, 'never-there').tags).toEqual(['keep']);
    deleteHighlight(db, first);
    expect(listTags(db)).toEqual([{ name: 'keep', count: 1 }]);
  });

  it('refuses an empty or overlong tag and a highlight that does not exist', () => {
    expect(() => addHighlightTag(db, first, '   ')).toThrow(/cannot be empty/);
    expect(() => addHighlightTag(db, 999, 'UN')).toThrow(/Highlight 999 was not found/);
    expect(() => addHighlightTag(db, first, 'x'.repeat(65))).toThrow(/longer than 64 characters/);
    expect(listTags(db)).toEqual([]);
  });

  it('keep the database unique even if two spellings race past the application', () => {
    addHighlightTag(db, first, 'Blockade');
    expect(() => db.prepare("INSERT INTO tags (name, name_key) VALUES ('BLOCKADE', 'blockade')").run()).toThrow(/UNIQUE/);
  });
});
