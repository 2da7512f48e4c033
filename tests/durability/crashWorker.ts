/**
 * The child of crash.test.ts: imports, edits metadata, highlights and writes a note as fast as it
 * can, and reports every write on stdout (synchronously) the moment the library acknowledges it,
 * until it is killed.
 */
import { writeSync } from 'node:fs';
import { createHighlight } from '../../src/core/highlights/highlights';
import { detectLanguage } from '../../src/core/import/detectLanguage';
import { importFile } from '../../src/core/import/importFiles';
import { Library } from '../../src/core/library';
import { createNote, saveNote } from '../../src/core/notes/notes';
import { updateSource } from '../../src/core/sources';
import { citation, editorStateJson, paragraph, text } from '../../src/shared/notes/testStates';
import { articleText, HIGHLIGHTED } from './articleText';

const [libraryPath, run] = process.argv.slice(2) as [string, string];
const library = Library.open(libraryPath);
const say = (line: string) => writeSync(1, `${line}\n`);
const note = createNote(library.db, { title: `Crash notes ${run}` });
say(`note ${note.id}`);
// The language detector loads its n-grams on first use (about a second here): loaded before the
// kills start, as the parse worker does, so every run reaches its writes.
await detectLanguage(articleText('warm-up'));
say('ready');
const written: string[] = [];
for (let step = 0; ; step++) {
  const label = `${run}-${step}`;
  const result = await importFile(library.db, { name: `crash-${label}.txt`, bytes: Buffer.from(articleText(label)) });
  if (result.status !== 'imported') throw new Error(`import ${label}: ${result.error}`);
  const sourceId = result.sourceId!;
  say(`imported ${sourceId} ${label}`);

  const outlet = `Outlet ${label}`;
  say(`updating ${sourceId} ${outlet}`);
  updateSource(library.db, sourceId, { outlet });
  say(`updated ${sourceId} ${outlet}`);

  const body = articleText(label).trim();
  const start = body.indexOf(HIGHLIGHTED);
  const highlight = createHighlight(library.db, { sourceId, start, end: start + HIGHLIGHTED.length, color: 'blue', tags: [`run-${run}`] });
  say(`highlighted ${highlight.id} ${sourceId}`);

  written.push(label);
  say(`saving ${note.id} ${label}`);
  saveNote(library.db, note.id, { editorState: editorStateJson(...written.map((done) => paragraph(text(`Seen ${done} `), citation(sourceId, highlight.id)))) });
  say(`saved ${note.id} ${label}`);
}
