import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/db';
import { deleteHighlight, restoreHighlight } from '../highlights/highlights';
import { addHighlightTag, removeHighlightTag } from '../highlights/tags';
import { deleteSources, restoreSources, setSourcesOutlet } from '../sourceList/bulkSources';
import { deleteSource, updateSource } from '../sources';
import { deleteCode, mergeCodes, renameCode } from './codes';
import { mergeOutlets, renameOutlet, setOutlet } from './outlets';
import { timeline } from './timeline';
import type { TestLibrary } from '../../../tests/support/library';
import { addHighlight, addSource, openTestLibrary } from '../../../tests/support/library';

/**
 * timeline_passages (migration 18) holds, per source, its passages (tag 0) and its passages per code,
 * beside its outlet and date, kept by triggers. Each test changes the library the way a researcher
 * does and checks what the timeline then shows, and that the table still holds exactly what it
 * summarizes (recounted here from highlights, highlight_tags and sources).
 */
let lib: TestLibrary;
let db: Db;
beforeEach(() => {
  lib = openTestLibrary();
  db = lib.db;
});
afterEach(() => lib.cleanup());

const body = 'Troops at the corridor; a peaceful rally; the blockade; talks in Moscow.';
const source = (title: string, outlet: string | null, publishedAt: string | null) => addSource(db, { title, outlet, publishedAt, body: `${title}. ${body}` });

type Row = [sourceId: number, tagId: number, outlet: string | null, publishedAt: string | null, passages: number];
const summarized = () => db.prepare('SELECT source_id, tag_id, outlet, published_at, passages FROM timeline_passages ORDER BY source_id, tag_id').raw().all() as Row[];
const recounted = () =>
  db
    .prepare(
      `SELECT source_id, tag_id, outlet, published_at, passages FROM (
         SELECT h.source_id, 0 AS tag_id, s.outlet, s.published_at, count(*) AS passages FROM highlights h JOIN sources s ON s.id = h.source_id GROUP BY h.source_id
         UNION ALL
         SELECT h.source_id, ht.tag_id, s.outlet, s.published_at, count(*) FROM highlight_tags ht JOIN highlights h ON h.id = ht.highlight_id JOIN sources s ON s.id = h.source_id GROUP BY h.source_id, ht.tag_id)
       ORDER BY source_id, tag_id`,
    )
    .raw()
    .all() as Row[];
const tagId = (name: string) => db.prepare('SELECT id FROM tags WHERE name = ?').pluck().get(name) as number;

/** Every mark of the timeline as `lane from: sources/passages code=n …`, the way the view reads it. */
function marks(options: Parameters<typeof timeline>[1] = {}): string[] {
  const data = timeline(db, options);
  return data.lanes.flatMap((lane) =>
    lane.marks.map((mark) => `${lane.name} ${mark.from}: ${mark.sourceCount}/${mark.passageCount}${mark.codes.map(([at, passages]) => ` ${data.codes[at]!.name}=${passages}`).join('')}`),
  );
}

describe('the timeline passages table', () => {
  it('counts a passage once and once under each of its codes, as highlights are added, coded, uncoded and deleted', () => {
    const a = source('A', 'TASS', '2023-01-20');
    const first = addHighlight(db, a, 'Troops', { tags: ['framing/denial', 'actors/army'] });
    const second = addHighlight(db, a, 'peaceful rally', { tags: ['framing/denial'] });
    addHighlight(db, a, 'blockade');
    expect(marks()).toEqual(['TASS 2023-01-20: 1/3 framing/denial=2 actors/army=1']);
    expect(summarized()).toEqual([
      [a, 0, 'TASS', '2023-01-20', 3],
      [a, tagId('framing/denial'), 'TASS', '2023-01-20', 2],
      [a, tagId('actors/army'), 'TASS', '2023-01-20', 1],
    ]);
    addHighlightTag(db, second, 'actors/army');
    removeHighlightTag(db, first, 'framing/denial');
    expect(marks()).toEqual(['TASS 2023-01-20: 1/3 actors/army=2 framing/denial=1']);
    expect(summarized()).toEqual(recounted());
    const deleted = deleteHighlight(db, second);
    expect(marks()).toEqual(['TASS 2023-01-20: 1/2 actors/army=1']);
    expect(summarized()).toEqual(recounted());
    // Undo brings the passage back with its codes.
    restoreHighlight(db, deleted);
    expect(marks()).toEqual(['TASS 2023-01-20: 1/3 actors/army=2 framing/denial=1']);
    expect(summarized()).toEqual(recounted());
    for (const id of db.prepare('SELECT id FROM highlights').pluck().all() as number[]) deleteHighlight(db, id);
    expect(marks()).toEqual(['TASS 2023-01-20: 1/0']);
    expect(summarized()).toEqual([]);
  });

  it('follows codes renamed, merged and deleted', () => {
    const a = source('A', 'TASS', '2023-01-20');
    addHighlight(db, a, 'Troops', { tags: ['framing/denial', 'actors/army'] });
    addHighlight(db, a, 'peaceful rally', { tags: ['framing/denial', 'framing/pretext'] });
    renameCode(db, 'framing', 'frames');
    expect(marks()).toEqual(['TASS 2023-01-20: 1/2 frames/denial=2 actors/army=1 frames/pretext=1']);
    // Merged: the passage carrying both carries the code once.
    mergeCodes(db, 'frames/pretext', 'frames/denial');
    expect(marks()).toEqual(['TASS 2023-01-20: 1/2 frames/denial=2 actors/army=1']);
    expect(summarized()).toEqual(recounted());
    deleteCode(db, 'frames');
    expect(marks()).toEqual(['TASS 2023-01-20: 1/2 actors/army=1']);
    expect(summarized()).toEqual(recounted());
  });

  it('moves a source’s passages with its date and its outlet, renamed, merged or set in bulk, and counts them by country', () => {
    const a = source('A', 'UrduPoint.com', '2023-01-20');
    const b = source('B', 'UrduPoint', '2023-01-20');
    addHighlight(db, a, 'Troops', { tags: ['actors/army'] });
    addHighlight(db, b, 'blockade', { tags: ['actors/army'] });
    addHighlight(db, b, 'talks in Moscow');
    expect(marks()).toEqual(['UrduPoint 2023-01-20: 1/2 actors/army=1', 'UrduPoint.com 2023-01-20: 1/1 actors/army=1']);
    mergeOutlets(db, 'UrduPoint.com', 'UrduPoint');
    expect(marks()).toEqual(['UrduPoint 2023-01-20: 2/3 actors/army=2']);
    renameOutlet(db, 'UrduPoint', 'Urdu Point');
    updateSource(db, a, { publishedAt: '2023-01-22' });
    expect(marks()).toEqual(['Urdu Point 2023-01-20: 1/2 actors/army=1', 'Urdu Point 2023-01-22: 1/1 actors/army=1']);
    expect(summarized()).toEqual(recounted());
    // Undated: out of the axis, counted at the lane's end (with passages, too).
    updateSource(db, b, { publishedAt: null });
    expect(marks()).toEqual(['Urdu Point 2023-01-22: 1/1 actors/army=1']);
    expect(timeline(db, { codedOnly: true }).lanes.map((lane) => [lane.name, lane.sourceCount, lane.undatedCount])).toEqual([['Urdu Point', 1, 1]]);
    updateSource(db, b, { publishedAt: '2023-01-22' });
    setSourcesOutlet(db, { ids: [a] }, 'Dawn');
    expect(marks()).toEqual(['Dawn 2023-01-22: 1/1 actors/army=1', 'Urdu Point 2023-01-22: 1/2 actors/army=1']);
    expect(summarized()).toEqual(recounted());
    setOutlet(db, 'Dawn', { country: 'PK' });
    setOutlet(db, 'Urdu Point', { country: 'PK' });
    expect(marks({ by: 'country' })).toEqual(['PK 2023-01-22: 2/3 actors/army=2']);
    setOutlet(db, 'Dawn', { country: 'IN' });
    expect(marks({ by: 'country' })).toEqual(['IN 2023-01-22: 1/1 actors/army=1', 'PK 2023-01-22: 1/2 actors/army=1']);
    setSourcesOutlet(db, { ids: [a] }, null);
    expect(marks()).toEqual(['Urdu Point 2023-01-22: 1/2 actors/army=1', '(no outlet) 2023-01-22: 1/1 actors/army=1']);
    expect(summarized()).toEqual(recounted());
  });

  it('loses a deleted source’s passages, and has them again when the deletion is undone', () => {
    const a = source('A', 'TASS', '2023-01-20');
    const b = source('B', 'TASS', '2023-01-20');
    const c = source('C', 'Asbarez', '2023-01-21');
    addHighlight(db, a, 'Troops', { tags: ['actors/army'] });
    addHighlight(db, b, 'blockade', { tags: ['actors/army', 'framing/denial'] });
    addHighlight(db, c, 'peaceful rally');
    deleteSource(db, a);
    expect(marks()).toEqual(['Asbarez 2023-01-21: 1/1', 'TASS 2023-01-20: 1/1 actors/army=1 framing/denial=1']);
    expect(summarized()).toEqual(recounted());
    const { undoToken } = deleteSources(db, { ids: [b, c] });
    expect(marks()).toEqual([]);
    expect(summarized()).toEqual([]);
    restoreSources(db, undoToken);
    expect(marks()).toEqual(['Asbarez 2023-01-21: 1/1', 'TASS 2023-01-20: 1/1 actors/army=1 framing/denial=1']);
    expect(summarized()).toEqual(recounted());
  });

  it('loses the passages of a source deleted where foreign keys are off (the sqlite3 shell), as the timeline never showed a passage without its source', () => {
    const a = source('A', 'TASS', '2023-01-20');
    source('B', 'TASS', '2023-01-20');
    addHighlight(db, a, 'Troops', { tags: ['actors/army'] });
    db.pragma('foreign_keys = OFF');
    db.prepare('DELETE FROM sources WHERE id = ?').run(a);
    db.pragma('foreign_keys = ON');
    // The highlight is left behind, its source gone: not a passage of any mark.
    expect(db.prepare('SELECT count(*) FROM highlights').pluck().get()).toBe(1);
    expect(marks()).toEqual(['TASS 2023-01-20: 1/0']);
    expect(summarized()).toEqual([]);
  });
});
