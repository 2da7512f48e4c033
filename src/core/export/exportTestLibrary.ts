import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../db/db';
import { openDatabase } from '../db/openDatabase';
import { createHighlight } from '../highlights/highlights';
import type { NewSource } from '../sources';
import { insertSource } from '../sources';

/**
 * Test support: a real library file in a temp directory with the highlights and notes tables.
 */
export function openExportTestLibrary(): { db: Db; dir: string; file: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-export-'));
  const file = path.join(dir, 'library.sqlite');
  const db = openDatabase(file);
  return {
    db,
    dir,
    file,
    cleanup: () => {
      if (db.open) db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type TestSource = Pick<NewSource, 'title' | 'body'> & Partial<Omit<NewSource, 'title' | 'body'>>;

export function addSource(db: Db, source: TestSource): number {
  const original = new TextEncoder().encode(`${source.title}\n${source.body}`);
  return insertSource(db, {
    outlet: null,
    author: null,
    publishedAt: null,
    url: null,
    language: null,
    fileName: 'article.txt',
    original,
    sha256: createHash('sha256').update(original).digest('hex'),
    ...source,
  });
}

/** Highlights the first occurrence of `quote` in the source's body. */
export function addHighlight(db: Db, sourceId: number, quote: string, extra: { comment?: string; tags?: string[] } = {}): number {
  const body = (db.prepare('SELECT body FROM sources WHERE id = ?').get(sourceId) as { body: string }).body;
  const start = body.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in source ${sourceId}`);
  return createHighlight(db, { sourceId, start, end: start + quote.length, ...extra }).id;
}

/** Inserts a note row directly, as saveNote would leave it (export reads only the title and state). */
export function addNote(db: Db, title: string, editorState: string, deleted = false): number {
  const now = new Date().toISOString();
  return Number(
    db
      .prepare('INSERT INTO notes (title, editor_state, plain_text, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(title, editorState, '', now, now, deleted ? now : null).lastInsertRowid,
  );
}
