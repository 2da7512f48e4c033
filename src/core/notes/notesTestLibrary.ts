import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../db/db';
import { openDatabase } from '../db/openDatabase';
import { insertSource } from '../sources';

/**
 * Test support: a real library file in a temp directory with the notes schema.
 */
export function openNotesTestLibrary(): { db: Db; file: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-notes-'));
  const file = path.join(dir, 'library.sqlite');
  const db = openDatabase(file);
  return {
    db,
    file,
    cleanup: () => {
      if (db.open) db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

let sequence = 0;

/** Inserts a source through core; only what citations show is set. */
export function addSource(db: Db, title: string, outlet: string | null = null, publishedAt: string | null = null): number {
  const original = new TextEncoder().encode(`${title}\n${++sequence}`);
  return insertSource(db, {
    title,
    outlet,
    author: null,
    publishedAt,
    url: null,
    language: null,
    body: `${title}. The body of the article.`,
    fileName: `${sequence}.txt`,
    original,
    sha256: createHash('sha256').update(original).digest('hex'),
  });
}
