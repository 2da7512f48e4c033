import { afterEach, expect, it } from 'vitest';
import { dispatch } from './dispatch';
import { createHandlers } from './handlers';
import { openTestLibrary } from '../../tests/support/library';

// The notes' and the importers' modules load at their first call (not at start, README:
// Performance, cold start); these tests hold what a caller gets from them through the handlers.
const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function open() {
  const test = openTestLibrary();
  const handlers = createHandlers(test.library);
  cleanups.push(test.cleanup, () => handlers.close());
  return handlers;
}

it('answers note operations and imports at their first call, as the contract shapes them', async () => {
  const handlers = open();
  const created = await dispatch(handlers, 'createNote', { title: 'Checkpoint notes' });
  expect(created).toMatchObject({ ok: true, value: { title: 'Checkpoint notes' } });
  const imported = await dispatch(handlers, 'importFiles', { files: [{ name: 'report.md', contentBase64: Buffer.from('# Corridor report\n\nTrucks counted on day one.\n').toString('base64') }] });
  expect(imported).toMatchObject({ ok: true, value: [{ status: 'imported' }] });
  const notes = await dispatch(handlers, 'listNotes', {});
  expect(notes).toMatchObject({ ok: true, value: [{ title: 'Checkpoint notes', citationCount: 0 }] });
  const id = (created as { value: { id: number } }).value.id;
  const doc = await dispatch(handlers, 'openNoteDoc', { id });
  expect(doc).toMatchObject({ ok: true, value: { update: expect.any(String), stateVector: expect.any(String) } });
  const listed = await dispatch(handlers, 'listSources', {});
  expect(listed).toMatchObject({ ok: true, value: { total: 1, sources: [{ title: 'Corridor report' }] } });
});

it('refuses a note request still waiting for its module when the library closes, rather than run it on a closed connection', async () => {
  const handlers = open();
  const asked = dispatch(handlers, 'openNoteDoc', { id: 1 });
  await handlers.close();
  expect(await asked).toEqual({ ok: false, error: { code: 'unavailable', message: 'The library closed before this request could be answered.' } });
});
