import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Library } from '../../src/core/library';
import { openNoteDoc } from '../../src/core/notes/noteDocs';
import { createNote } from '../../src/core/notes/notes';
import { createNoteDocEditor } from '../../src/core/notes/yjs/noteDocEditor';
import { iterations } from '../support/tier';

/**
 * Issue 12: a note's Yjs update log survives SIGKILL in the middle of applying updates from two
 * writers at once. Every update a writer was told is committed is in the note after restart, and
 * the note's saved state is exactly what its log derives (the derivation commits with the update).
 */
// 8 in `npm test`, 30 in the slow tier (`npm run test:slow`, which CI runs too): about 2.7 s a kill.
const KILLS = iterations(8, 30);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-doc-crash-'));
const libraryPath = path.join(dir, 'library.sqlite');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Writer {
  ready: Promise<void>;
  /** Resolves with the tokens it acknowledged, once it was killed. */
  done: Promise<string[]>;
  kill(): void;
}

function startWriter(noteId: number, name: string): Writer {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'noteDocCrashWorker.ts'), libraryPath, String(noteId), name], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let stderr = '';
  let markReady: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (output.includes('ready\n')) markReady();
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<string[]>((resolve, reject) =>
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL'
        ? resolve(output.split('\n').flatMap((line) => (line.startsWith('acked ') ? [line.slice('acked '.length)] : [])))
        : reject(new Error(`writer ${name} exited by itself: ${stderr}`)),
    ),
  );
  return { ready, done, kill: () => child.kill('SIGKILL') };
}

it(`keeps every acknowledged update of two writers through ${KILLS} SIGKILLs mid-update`, { timeout: 400_000 }, async () => {
  const setup = Library.open(libraryPath);
  const noteId = createNote(setup.db, { title: 'Two writers' }).id;
  setup.close();
  const acknowledged: string[] = [];
  for (let run = 0; run < KILLS; run++) {
    const writers = [startWriter(noteId, `a${run}`), startWriter(noteId, `b${run}`)];
    await Promise.all(writers.map((writer) => writer.ready));
    await new Promise((resolve) => setTimeout(resolve, 30 + ((run * 37) % 200)));
    for (const writer of writers) writer.kill();
    for (const tokens of await Promise.all(writers.map((writer) => writer.done))) acknowledged.push(...tokens);

    const library = Library.open(libraryPath);
    try {
      expect(library.db.pragma('integrity_check', { simple: true })).toBe('ok');
      const { plain_text: plainText, editor_state: editorState } = library.db.prepare('SELECT plain_text, editor_state FROM notes WHERE id = ?').get(noteId) as { plain_text: string; editor_state: string };
      const missing = acknowledged.filter((token) => !plainText.includes(token));
      expect(missing, `acknowledged updates missing after kill ${run}`).toEqual([]);
      // The saved state is what the log derives: no update committed without its derivation.
      const fromLog = createNoteDocEditor();
      Y.applyUpdate(fromLog.doc, openNoteDoc(library.db, noteId).update);
      expect(JSON.parse(fromLog.toEditorStateJson())).toEqual(JSON.parse(editorState));
      fromLog.dispose();
    } finally {
      library.close();
    }
  }
  // Both writers got updates in, in most runs (they take turns on the library).
  expect(new Set(acknowledged.map((token) => token.slice(1, 2)))).toEqual(new Set(['a', 'b']));
  expect(acknowledged.length).toBeGreaterThan(KILLS * 2);
});
