/**
 * A child of noteDocCrash.test.ts: a window typing into one note as fast as it can (a new
 * paragraph with a unique token per step, sent as a Yjs update through core's applyNoteUpdate, as
 * the app's provider sends it), reporting each token on stdout (synchronously) the moment the
 * library acknowledges the update, until it is killed. Two run at once on the same note.
 */
import { writeSync } from 'node:fs';
import { Library } from '../../src/core/library';
import { applyNoteUpdate, openNoteDoc } from '../../src/core/notes/noteDocs';
import { TestWindow } from '../../src/core/notes/yjs/testWindow';

const [libraryPath, noteId, writer] = process.argv.slice(2) as [string, string, string];
const library = Library.open(libraryPath);
const say = (line: string) => writeSync(1, `${line}\n`);
const window = new TestWindow(writer, openNoteDoc(library.db, Number(noteId)).update);
say('ready');
for (let step = 0; ; step++) {
  const token = `[${writer}-${step}]`;
  window.type(token, { newParagraph: true });
  applyNoteUpdate(library.db, Number(noteId), window.takeUpdate()!, writer);
  say(`acked ${token}`);
}
