/**
 * Test support for the unit tests: a real library file in a temporary folder, opened as the app
 * opens it (Library.open: every migration applied), and the few rows tests start from. The one
 * module for this (issue 17); a test never mocks the database (the style guide, Data).
 *
 *   import { addHighlight, addNote, addSource, openTestLibrary } from '<path>/tests/support/library';
 *
 *   let lib: TestLibrary;
 *   beforeEach(() => (lib = openTestLibrary()));
 *   afterEach(() => lib.cleanup());              // closes the library, deletes its folder
 *
 *   const id = addSource(lib.db, { title: 'Лачин', body: 'Text of the article.' });
 *   const highlightId = addHighlight(lib.db, id, 'article', { tags: ['framing'], comment: 'why' });
 *   const noteId = addNote(lib.db, 'A note', editorStateJson);
 *
 * - `openTestLibrary()` → `{ library, db, dir, file, cleanup }`: `file` is `dir/library.sqlite`;
 *   write other files for the test into `dir` (cleanup deletes it).
 * - `addSource(db, fields?)`: any field of NewSource, all optional; unset metadata is null, the
 *   title 'Test article', the body "<title>. The body of the article." The original bytes are
 *   unique per call, so the same title or body twice are two sources, never a duplicate.
 * - `addHighlight(db, sourceId, quote, { color?, comment?, tags? })`: highlights the first
 *   occurrence of `quote` in the source's body through core; returns the highlight's id.
 * - `addNote(db, title, editorState, deleted?)`: a note row as saveNote leaves it, without its
 *   citations or plain text (for the export's readers; use createNote/saveNote to test notes).
 * - `importSamples(db)`: the five sample articles of resources/samples, imported; their ids.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../../src/core/db/db';
import type { CreateHighlightInput } from '../../src/core/highlights/highlights';
import { createHighlight } from '../../src/core/highlights/highlights';
import { importFiles } from '../../src/core/import/importFiles';
import { Library } from '../../src/core/library';
import type { NewSource } from '../../src/core/sources';
import { insertSource } from '../../src/core/sources';

export interface TestLibrary {
  library: Library;
  db: Db;
  /** The temporary folder holding the library; deleted by cleanup. */
  dir: string;
  file: string;
  cleanup: () => void;
}

export function openTestLibrary(): TestLibrary {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-test-'));
  const file = path.join(dir, 'library.sqlite');
  const library = Library.open(file);
  return {
    library,
    db: library.db,
    dir,
    file,
    cleanup: () => {
      library.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

let sequence = 0;

export function addSource(db: Db, fields: Partial<NewSource> = {}): number {
  const title = fields.title ?? 'Test article';
  const body = fields.body ?? `${title}. The body of the article.`;
  const n = ++sequence;
  const original = fields.original ?? new TextEncoder().encode(`${title}\n${body}\n${n}`);
  return insertSource(db, {
    outlet: null,
    author: null,
    publishedAt: null,
    url: null,
    language: null,
    fileName: `${n}.txt`,
    sha256: createHash('sha256').update(original).digest('hex'),
    ...fields,
    title,
    body,
    original,
  });
}

export function addHighlight(db: Db, sourceId: number, quote: string, extra: Omit<CreateHighlightInput, 'sourceId' | 'start' | 'end'> = {}): number {
  const body = db.prepare('SELECT body FROM sources WHERE id = ?').pluck().get(sourceId) as string | undefined;
  if (body === undefined) throw new Error(`There is no source ${sourceId} to highlight in.`);
  const start = body.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in source ${sourceId}`);
  return createHighlight(db, { sourceId, start, end: start + quote.length, ...extra }).id;
}

export function addNote(db: Db, title: string, editorState: string, deleted = false): number {
  const now = new Date().toISOString();
  return Number(
    db
      .prepare('INSERT INTO notes (title, editor_state, plain_text, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(title, editorState, '', now, now, deleted ? now : null).lastInsertRowid,
  );
}

const SAMPLES = path.resolve(import.meta.dirname, '../../resources/samples');

/** Returns the sources' ids in file order (000 … 004). */
export async function importSamples(db: Db): Promise<number[]> {
  const names = fs.readdirSync(SAMPLES).filter((name) => name.endsWith('.txt')).sort();
  const results = await importFiles(db, names.map((name) => ({ name, bytes: fs.readFileSync(path.join(SAMPLES, name)) })));
  return results.map((result) => result.sourceId!);
}
