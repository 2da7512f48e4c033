import type { z } from 'zod';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Handlers } from '../../shared/api/contract';
import { SourcePageRequest } from '../../shared/domain/sourceList';
import { citation, editorStateJson, paragraph, text } from '../../shared/notes/testStates';
import { createHandlers } from '../handlers';
import { Library } from '../library';

const RESOURCES = path.resolve(import.meta.dirname, '../../../resources');

let dir: string;
let library: Library;
let handlers: Handlers;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-bulk-'));
  library = Library.open(path.join(dir, 'library.sqlite'));
  handlers = createHandlers(library, { resourcesDirectory: RESOURCES });
  await handlers.importSampleLibrary({});
});
afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const titles = async (request: z.input<typeof SourcePageRequest> = {}) => (await handlers.listSources(SourcePageRequest.parse({ sort: 'title', ...request }))).sources.map((source) => source.title);
const count = (sql: string) => (library.db.prepare(sql).get() as { n: number }).n;

describe('bulk actions on selected sources', () => {
  it('deletes every source matching a filter but the ones left out, and undo brings back them with their highlights, tags, citations and search', async () => {
    const { sources } = await handlers.listSources(SourcePageRequest.parse({ sort: 'title' }));
    const azernews = sources.find((source) => source.outlet === 'AzerNews')!;
    const urdupoint = sources.find((source) => source.outlet === 'UrduPoint.com')!;
    const body = (await handlers.getSource({ id: azernews.id })).body;
    const start = body.indexOf('Dmitriy Peskov');
    const highlight = await handlers.createHighlight({ sourceId: azernews.id, start, end: start + 14, color: 'green', comment: '', tags: ['kremlin'] });
    const note = await handlers.createNote({ title: 'Cites' });
    const state = editorStateJson(paragraph(text('See '), citation(azernews.id, highlight.id)));
    await handlers.saveNote({ id: note.id, editorState: state });
    const before = await titles();

    // "Select all" of every source, then Ctrl+click UrduPoint's out of the selection.
    const result = await handlers.deleteSources({ selection: { filter: SourcePageRequest.parse({}), except: [urdupoint.id] } });
    expect(result.deleted).toBe(4);
    expect(await titles()).toEqual([urdupoint.title]);
    expect(await handlers.listHighlights({ sourceId: urdupoint.id })).toEqual([]);
    expect(count('SELECT count(*) AS n FROM highlights')).toBe(0);
    expect(count('SELECT count(*) AS n FROM citations WHERE source_id IS NOT NULL')).toBe(0);
    expect((await handlers.search({ query: 'Peskov', limit: 20 })).results).toEqual([]);

    expect(await handlers.restoreSources({ undoToken: result.undoToken })).toEqual({ restored: 4, skipped: 0 });
    expect(await titles()).toEqual(before);
    expect(await handlers.listHighlights({ sourceId: azernews.id })).toMatchObject([{ id: highlight.id, exact: 'Dmitriy Peskov', color: 'green', tags: ['kremlin'] }]);
    expect(await handlers.listBacklinks({ sourceId: azernews.id })).toMatchObject([{ noteId: note.id, citations: [{ ordinal: 0, highlightId: highlight.id }] }]);
    const found = (await handlers.search({ query: 'Peskov', limit: 20 })).results.map((hit) => hit.type);
    expect(found).toContain('source');
    expect(found).toContain('highlight');

    await expect(async () => handlers.restoreSources({ undoToken: result.undoToken })).rejects.toThrow('That deletion can no longer be undone');
  });

  it('deletes listed ids, and a later bulk delete replaces the undo of the earlier one', async () => {
    const { sources } = await handlers.listSources(SourcePageRequest.parse({}));
    const first = await handlers.deleteSources({ selection: { ids: [sources[0]!.id] } });
    const second = await handlers.deleteSources({ selection: { ids: [sources[1]!.id] } });
    expect([first.deleted, second.deleted]).toEqual([1, 1]);
    await expect(async () => handlers.restoreSources({ undoToken: first.undoToken })).rejects.toThrow('only the last bulk delete');
    expect(await handlers.restoreSources({ undoToken: second.undoToken })).toEqual({ restored: 1, skipped: 0 });
    expect((await handlers.listSources(SourcePageRequest.parse({}))).total).toBe(4);
  });

  it('sets the outlet of a filtered selection, and search finds them by it', async () => {
    const updated = await handlers.setSourcesOutlet({ selection: { filter: SourcePageRequest.parse({ outlet: 'AzerNews' }), except: [] }, outlet: '  Azernews (Baku) ' });
    expect(updated).toEqual({ updated: 1 });
    expect(await titles({ outlet: 'Azernews (Baku)' })).toHaveLength(1);
    expect(await handlers.listOutlets({})).toEqual(['Azernews (Baku)', 'UrduPoint.com']);
    expect((await handlers.search({ query: 'outlet:baku', limit: 20 })).results).toHaveLength(1);
    expect(await handlers.setSourcesOutlet({ selection: { ids: [1, 2, 3, 4, 5] }, outlet: '' })).toEqual({ updated: 5 });
    expect(await handlers.listOutlets({})).toEqual([]);
  });

  it('sets the outlet and makes the keys that follow it again: an unsigned, unpinned source’s; not a signed or pinned one’s (issue 14)', async () => {
    const keys = async () => (await handlers.listSources(SourcePageRequest.parse({ sort: 'title' }))).sources.map((source) => source.citekey);
    const before = await keys();
    const pinned = (await handlers.listSources(SourcePageRequest.parse({ sort: 'title' }))).sources.find((source) => source.citekey === 'anonleaders')!;
    await handlers.updateSource({ id: pinned.id, patch: { citekeyPinned: true } });
    await handlers.setSourcesOutlet({ selection: { ids: [1, 2, 3, 4, 5] }, outlet: 'Dawn' });
    const after = await keys();
    expect(after).toEqual(before.map((key) => ({ urdupoint2023pashinyan: 'dawn2023pashinyan', anonduring: 'dawnduring', anonprime: 'dawnprime' })[key] ?? key));
    expect(after).toContain('hasanova2023sending');
    expect(after).toContain('anonleaders');
  });

  it('adds a Ctrl+A selection but one to a collection, which then filters the library; adding again keeps each source once', async () => {
    const all = await handlers.listSources(SourcePageRequest.parse({ sort: 'title' }));
    const left = all.sources[0]!;
    const added = await handlers.addSourcesToCollection({ selection: { filter: SourcePageRequest.parse({}), except: [left.id] }, name: 'Week of 12 December' });
    expect(added).toEqual({ name: 'Week of 12 December', sourceCount: all.total - 1 });
    expect(await titles({ collection: 'Week of 12 December' })).toEqual(all.sources.slice(1).map((source) => source.title));
    expect(await handlers.addSourcesToCollection({ selection: { ids: [left.id, all.sources[1]!.id] }, name: 'week of 12 december' })).toEqual({ name: 'Week of 12 December', sourceCount: all.total });
    expect(await handlers.listCollections({})).toEqual([{ name: 'Week of 12 December', sourceCount: all.total }]);
    // A source deleted meanwhile (in another window) is left out, as the other bulk actions leave it.
    expect(handlers.addSourcesToCollection({ selection: { ids: [999_999] }, name: 'Week of 12 December' })).toEqual({ name: 'Week of 12 December', sourceCount: all.total });
  });
});
