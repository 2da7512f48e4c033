/**
 * A child of concurrentWriters.test.ts: one more window on the library. Through the contract (as the
 * app and the browser host call it) it types into the note both windows have open (Yjs updates, as
 * the editor's provider sends them), highlights and edits metadata in a loop until its stdin
 * closes, and prints each write's outcome as one JSON line.
 */
import { writeSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { dispatch } from '../../src/core/dispatch';
import { createHandlers } from '../../src/core/handlers';
import { Library } from '../../src/core/library';
import { TestWindow } from '../../src/core/notes/yjs/testWindow';
import { HIGHLIGHTED } from './articleText';

const [libraryPath, name, sourceIdText, noteIdText] = process.argv.slice(2) as [string, string, string, string];
const sourceId = Number(sourceIdText);
const noteId = Number(noteIdText);
const library = Library.open(libraryPath);
const handlers = createHandlers(library);
const say = (value: unknown) => writeSync(1, `${JSON.stringify(value)}\n`);
let open = true;
process.stdin.on('data', () => {}).on('end', () => (open = false));

const opened = await dispatch(handlers, 'openNoteDoc', { id: noteId });
if (!opened.ok) throw new Error(opened.error.message);
const window = new TestWindow(`window-${name}`, new Uint8Array(Buffer.from((opened.value as { update: string }).update, 'base64')));
const body = (library.db.prepare('SELECT body FROM sources WHERE id = ?').get(sourceId) as { body: string }).body;
const start = body.indexOf(HIGHLIGHTED);
say({ ready: noteId });
for (let step = 0; open || step < 60; step++) {
  const typed = `[${name} typed word ${step}]`;
  window.type(typed, { newParagraph: true });
  const update = Buffer.from(window.takeUpdate()!).toString('base64');
  const saved = await dispatch(handlers, 'applyNoteUpdate', { id: noteId, update, clientId: window.clientId });
  say({ op: 'applyNoteUpdate', ok: saved.ok, error: saved.ok ? null : saved.error, text: typed });
  if (step % 3 === 0) {
    const highlight = await dispatch(handlers, 'createHighlight', { sourceId, start, end: start + HIGHLIGHTED.length, color: 'green', tags: [name] });
    say({ op: 'createHighlight', ok: highlight.ok, error: highlight.ok ? null : highlight.error, id: highlight.ok ? (highlight.value as { id: number }).id : null });
  }
  if (step % 3 === 1) {
    const outlet = `Outlet ${name} ${step}`;
    const updated = await dispatch(handlers, 'updateSource', { id: sourceId, patch: { author: outlet } });
    say({ op: 'updateSource', ok: updated.ok, error: updated.ok ? null : updated.error, author: outlet });
  }
  // An autosave comes a moment after typing stops: a few milliseconds here, so the writes are dense.
  await sleep(5);
}
window.close();
await handlers.close();
library.close();
