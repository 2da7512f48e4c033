import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../db/db';
import { openDatabase } from '../db/openDatabase';
import { insertSource } from '../sources';

/**
 * Test support: a real library file in a temp directory with the highlights schema.
 */
export function openHighlightTestLibrary(): { db: Db; file: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-highlights-'));
  const file = path.join(dir, 'library.db');
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

let counter = 0;

/** Inserts a source with this body through core; its other metadata is filler. */
export function addTestSource(db: Db, body: string, title = 'Test article'): number {
  const original = new TextEncoder().encode(`${body}\n${++counter}`);
  return insertSource(db, {
    title,
    outlet: null,
    author: null,
    publishedAt: null,
    url: null,
    language: null,
    body,
    fileName: `${counter}.txt`,
    original,
    sha256: createHash('sha256').update(original).digest('hex'),
  });
}
