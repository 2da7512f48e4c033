import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../db/db';
import { openDatabase } from '../db/openDatabase';
import type { NewSource } from '../sources';
import { insertSource } from '../sources';

/** Test support: a real library file in a temp directory, opened as the app opens it. */
export function openSearchTestLibrary(): { db: Db; file: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-search-'));
  const file = path.join(dir, 'library.db');
  const db = openDatabase(file);
  return {
    db,
    file,
    cleanup: () => {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

let counter = 0;

/** Inserts a source through core; unspecified metadata is null and the body is unique. */
export function addSource(db: Db, fields: Partial<NewSource> & { body: string }): number {
  const original = new TextEncoder().encode(`${fields.body}\n${++counter}`);
  return insertSource(db, {
    title: fields.title ?? 'Untitled',
    outlet: fields.outlet ?? null,
    author: fields.author ?? null,
    publishedAt: fields.publishedAt ?? null,
    url: null,
    language: fields.language ?? null,
    body: fields.body,
    fileName: `${counter}.txt`,
    original,
    sha256: createHash('sha256').update(original).digest('hex'),
  });
}
