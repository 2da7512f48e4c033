import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/db';
import { searchLibrary } from '../search/search';
import { listSources, updateSource } from '../sources';
import { addToCollection, collectionSourceIds, deleteCollection, listCollections } from './collections';
import { listOutletDetails, mergeOutlets, renameOutlet, setOutlet } from './outlets';
import { importSamples, openTestLibrary } from '../../../tests/support/library';

let db: Db;
let cleanup: () => void;
let ids: number[];
beforeEach(async () => {
  ({ db, cleanup } = openTestLibrary());
  ids = await importSamples(db);
});
afterEach(() => cleanup());

describe('outlets', () => {
  it('lists every outlet with its number of articles; country and note start empty', () => {
    updateSource(db, ids[3]!, { outlet: 'UrduPoint' });
    expect(listOutletDetails(db)).toEqual([
      { name: 'AzerNews', country: null, note: '', sourceCount: 1 },
      { name: 'UrduPoint', country: null, note: '', sourceCount: 1 },
      { name: 'UrduPoint.com', country: null, note: '', sourceCount: 1 },
    ]);
  });

  it('sets a country and a note, and merging moves every source, keeping what the target says', () => {
    updateSource(db, ids[3]!, { outlet: 'UrduPoint' });
    setOutlet(db, 'UrduPoint.com', { country: 'PK', note: 'Pakistani aggregator' });
    setOutlet(db, 'AzerNews', { country: 'AZ' });
    expect(mergeOutlets(db, 'UrduPoint.com', 'UrduPoint')).toEqual({ name: 'UrduPoint', country: 'PK', note: 'Pakistani aggregator', sourceCount: 2 });
    expect(listOutletDetails(db).map((outlet) => outlet.name)).toEqual(['AzerNews', 'UrduPoint']);
    expect(listSources(db, { outlet: 'UrduPoint' }).map((source) => source.id).sort()).toEqual([ids[1], ids[3]].sort());
    // The search index follows: outlet: finds the sources under the new name only.
    expect(searchLibrary(db, 'outlet:UrduPoint.com').results).toEqual([]);
    expect(searchLibrary(db, 'outlet:UrduPoint type:source').results.map((result) => result.id).sort()).toEqual([ids[1], ids[3]].sort());
  });

  it('renames an outlet with its country', () => {
    setOutlet(db, 'AzerNews', { country: 'AZ', note: 'state-aligned' });
    renameOutlet(db, 'AzerNews', 'Azernews.az');
    expect(listOutletDetails(db)).toEqual([
      { name: 'Azernews.az', country: 'AZ', note: 'state-aligned', sourceCount: 1 },
      { name: 'UrduPoint.com', country: null, note: '', sourceCount: 1 },
    ]);
  });

  it('says which outlet is unknown', () => {
    expect(() => setOutlet(db, 'Nowhere', { country: 'AM' })).toThrow(/Outlet "Nowhere"/);
  });
});

describe('collections', () => {
  it('puts a source in several collections, once each, and lists their sizes', () => {
    addToCollection(db, 'Armenian press', [ids[0]!, ids[2]!]);
    addToCollection(db, 'armenian press', [ids[2]!]);
    addToCollection(db, 'Week of 12 December', [ids[2]!, ids[4]!]);
    expect(listCollections(db)).toEqual([
      { name: 'Armenian press', sourceCount: 2 },
      { name: 'Week of 12 December', sourceCount: 2 },
    ]);
    expect(collectionSourceIds(db, 'Week of 12 December')).toEqual([ids[2], ids[4]]);
    deleteCollection(db, 'Armenian press');
    expect(listCollections(db)).toEqual([{ name: 'Week of 12 December', sourceCount: 2 }]);
    expect(() => addToCollection(db, 'x', [999])).toThrow(/Source 999/);
  });
});
