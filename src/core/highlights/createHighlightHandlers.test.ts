import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HighlightHandlers } from '../../shared/api/highlights';
import { highlightOperations } from '../../shared/api/highlights';
import type { Db } from '../db/db';
import { createHighlightHandlers } from './createHighlightHandlers';
import { addSource, openTestLibrary } from '../../../tests/support/library';

const BODY = 'Azerbaijani activists blocked the Lachin corridor on 12 December. Residents lack food and medicine.';

let db: Db;
let cleanup: () => void;
let sourceId: number;
let handlers: HighlightHandlers;
beforeEach(() => {
  ({ db, cleanup } = openTestLibrary());
  sourceId = addSource(db, { body: BODY });
  handlers = createHighlightHandlers(db);
});
afterEach(() => cleanup());

type Name = keyof typeof highlightOperations;

/** What every transport does (src/core/dispatch.ts): parse the request, call, parse the response. */
async function call(name: Name, payload: unknown): Promise<unknown> {
  const operation = highlightOperations[name];
  const request = operation.request.parse(payload);
  const handler = handlers[name] as (request: unknown) => unknown;
  return operation.response.parse(await handler(request));
}

describe('highlight operations through their schemas', () => {
  it('create, tag, recolour, list, delete and undo', async () => {
    const start = BODY.indexOf('Lachin corridor');
    const created = (await call('createHighlight', { sourceId, start, end: start + 15, tags: [' blockade '] })) as { id: number };
    expect(created).toMatchObject({ exact: 'Lachin corridor', color: 'yellow', tags: ['blockade'] });
    await call('addHighlightTag', { id: created.id, tag: 'Lachin' });
    await call('updateHighlight', { id: created.id, patch: { color: 'green', comment: '  first day  ' } });
    expect(await call('listTags', {})).toEqual([
      { name: 'blockade', count: 1 },
      { name: 'Lachin', count: 1 },
    ]);
    const [listed] = (await call('listHighlights', { sourceId })) as unknown[];
    expect(listed).toMatchObject({ color: 'green', comment: 'first day', tags: ['blockade', 'Lachin'] });
    const deleted = await call('deleteHighlight', { id: created.id });
    expect(await call('listHighlights', { sourceId })).toEqual([]);
    expect(await call('restoreHighlight', { highlight: deleted })).toEqual(listed);
    await call('removeHighlightTag', { id: created.id, tag: 'LACHIN' });
    expect(await call('listTags', {})).toEqual([{ name: 'blockade', count: 1 }]);
  });

  it('corrects the text, reattaches the orphan, and exports and imports JSON-LD', async () => {
    const start = BODY.indexOf('on 12 December');
    const created = (await call('createHighlight', { sourceId, start, end: start + 14 })) as { id: number };
    const corrected = BODY.replace(' on 12 December', '');
    expect(await call('correctSourceText', { sourceId, body: corrected })).toMatchObject({ orphaned: 1 });
    const reattached = await call('reattachHighlight', { id: created.id, start: 0, end: 11 });
    expect(reattached).toMatchObject({ exact: 'Azerbaijani', orphaned: false });
    const document = await call('exportHighlights', { sourceId });
    const copy = addSource(db, { body: corrected, title: 'Copy' });
    expect(await call('importHighlights', { sourceId: copy, document: JSON.parse(JSON.stringify(document)) })).toMatchObject({ imported: 1 });
  });

  it('rejects bad requests at the schema: unknown colour, empty tag, non-annotation document', () => {
    expect(highlightOperations.updateHighlight.request.safeParse({ id: 1, patch: { color: 'orange' } }).success).toBe(false);
    expect(highlightOperations.addHighlightTag.request.safeParse({ id: 1, tag: '   ' }).success).toBe(false);
    expect(highlightOperations.importHighlights.request.safeParse({ sourceId, document: { type: 'Note' } }).success).toBe(false);
    expect(highlightOperations.createHighlight.request.safeParse({ sourceId, start: -1, end: 3 }).success).toBe(false);
  });

  it('marks which operations change the library', () => {
    const mutating = (Object.keys(highlightOperations) as Name[]).filter((name) => highlightOperations[name].mutates);
    expect(mutating.sort()).toEqual(
      ['addHighlightTag', 'correctSourceText', 'createHighlight', 'deleteHighlight', 'importHighlights', 'reattachHighlight', 'removeHighlightTag', 'restoreHighlight', 'updateHighlight'].sort(),
    );
  });
});
