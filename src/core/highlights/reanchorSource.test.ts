import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/db';
import { getSource } from '../sources';
import { getHighlight, listHighlights } from './highlightRows';
import { createHighlight } from './highlights';
import { reanchorSource } from './reanchorSource';
import { addSource, openTestLibrary } from '../../../tests/support/library';

const BODY = [
  'Prime Minister Nikol Pashinyan discussed the ongoing blockade of the Lachin Corridor with President Vladimir Putin.',
  'The press office said the humanitarian crisis in Artsakh resulted from the weeks-long illegal blockade.',
  'Within this context, the activities of the Russian peacekeeping mission were also discussed.',
].join('\n\n');

let db: Db;
let cleanup: () => void;
let sourceId: number;
beforeEach(() => {
  ({ db, cleanup } = openTestLibrary());
  sourceId = addSource(db, { body: BODY });
});
afterEach(() => cleanup());

const highlight = (phrase: string, body = BODY) => createHighlight(db, { sourceId, start: body.indexOf(phrase), end: body.indexOf(phrase) + phrase.length });

describe('reanchorSource', () => {
  it('updates the body and every highlight: moved, corrected (fuzzy) and orphaned', () => {
    const moved = highlight('Russian peacekeeping mission');
    const corrected = highlight('the weeks-long illegal blockade');
    const deleted = highlight('Vladimir Putin');
    const untouched = highlight('Prime Minister');
    const newBody = BODY.replace(' with President Vladimir Putin', '').replace('illegal blockade', 'unlawful blockade');

    const report = reanchorSource(db, sourceId, newBody);

    expect(getSource(db, sourceId).body).toBe(newBody);
    expect(report).toMatchObject({ exact: 1, moved: 1, fuzzy: 1, orphaned: 1 });
    expect(report.highlights).toEqual([
      { id: moved.id, status: 'moved' },
      { id: corrected.id, status: 'fuzzy' },
      { id: deleted.id, status: 'orphaned' },
      { id: untouched.id, status: 'exact' },
    ].sort((a, b) => a.id - b.id));
    expect(getHighlight(db, moved.id)).toMatchObject({ exact: 'Russian peacekeeping mission', start: newBody.indexOf('Russian peacekeeping'), orphaned: false });
    expect(getHighlight(db, corrected.id)).toMatchObject({ exact: 'the weeks-long unlawful blockade', orphaned: false });
    // The orphan keeps its quote and last known place, to be re-attached or found again later.
    expect(getHighlight(db, deleted.id)).toMatchObject({ exact: 'Vladimir Putin', start: deleted.start, orphaned: true });
    expect(getHighlight(db, untouched.id)).toEqual(untouched);
  });

  it('finds an orphan again when a later correction restores its words', () => {
    const putin = highlight('Vladimir Putin');
    reanchorSource(db, sourceId, BODY.replace(' with President Vladimir Putin', ''));
    expect(getHighlight(db, putin.id).orphaned).toBe(true);
    const report = reanchorSource(db, sourceId, BODY);
    expect(report.highlights).toEqual([{ id: putin.id, status: 'exact' }]);
    expect(getHighlight(db, putin.id)).toMatchObject({ orphaned: false, start: putin.start, exact: 'Vladimir Putin' });
  });

  it('stores the canonical form of the new text, so offsets agree with the reader', () => {
    const crisis = highlight('humanitarian crisis');
    reanchorSource(db, sourceId, `\uFEFFYerevan.\r\n\r\n\r\n${BODY.normalize('NFD')}  \r\n`);
    const body = getSource(db, sourceId).body;
    expect(body.startsWith('Yerevan.\n\nPrime')).toBe(true);
    expect(body.slice(getHighlight(db, crisis.id).start, getHighlight(db, crisis.id).end)).toBe('humanitarian crisis');
  });

  it('changes nothing at all when one highlight cannot be written', () => {
    const first = highlight('Prime Minister');
    const second = highlight('Russian peacekeeping mission');
    // Simulate a failure in the middle of the loop: the second update is refused.
    db.exec(`CREATE TEMP TRIGGER refuse BEFORE UPDATE ON highlights WHEN OLD.id = ${second.id} BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    expect(() => reanchorSource(db, sourceId, `Moscow.\n\n${BODY}`)).toThrow(/disk full/);
    expect(getSource(db, sourceId).body).toBe(BODY);
    expect(listHighlights(db, sourceId)).toEqual([first, second]);
  });

  it('refuses an empty text and an unknown source', () => {
    expect(() => reanchorSource(db, sourceId, ' \n ')).toThrow(/empty/);
    expect(() => reanchorSource(db, 999, 'text')).toThrow(/Source 999 was not found/);
    expect(getSource(db, sourceId).body).toBe(BODY);
  });
});
