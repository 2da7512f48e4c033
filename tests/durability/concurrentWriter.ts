/**
 * A child of concurrentWriters.test.ts: one more window on the library. Through the contract (as the
 * app and the browser host call it) it autosaves its note, highlights and edits metadata in a loop
 * until its stdin closes, and prints each write's outcome as one JSON line.
 */
import { writeSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { dispatch } from '../../src/core/dispatch';
import { createHandlers } from '../../src/core/handlers';
import { Library } from '../../src/core/library';
import { editorStateJson, paragraph, text } from '../../src/shared/notes/testStates';
import { HIGHLIGHTED } from './articleText';

const [libraryPath, name, sourceIdText] = process.argv.slice(2) as [string, string, string];
const sourceId = Number(sourceIdText);
const library = Library.open(libraryPath);
const handlers = createHandlers(library);
const say = (value: unknown) => writeSync(1, `${JSON.stringify(value)}\n`);
let open = true;
process.stdin.on('data', () => {}).on('end', () => (open = false));

const note = await dispatch(handlers, 'createNote', { title: `Window ${name}` });
if (!note.ok) throw new Error(note.error.message);
const noteId = (note.value as { id: number }).id;
const body = (library.db.prepare('SELECT body FROM sources WHERE id = ?').get(sourceId) as { body: string }).body;
const start = body.indexOf(HIGHLIGHTED);
const typed: string[] = [];
say({ ready: noteId });
for (let step = 0; open || step < 60; step++) {
  typed.push(`${name} typed word ${step}.`);
  const saved = await dispatch(handlers, 'saveNote', { id: noteId, editorState: editorStateJson(paragraph(text(typed.join(' ')))) });
  say({ op: 'saveNote', ok: saved.ok, error: saved.ok ? null : saved.error, text: typed.join(' ') });
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
await handlers.close();
library.close();
