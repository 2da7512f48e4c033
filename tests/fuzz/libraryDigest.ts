import { createHash } from 'node:crypto';
import type { Db } from '../../src/core/db/db';

/** A hash of every row of every table: equal digests mean an unchanged library. */
export function libraryDigest(db: Db): string {
  const hash = createHash('sha256');
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  for (const { name } of tables) {
    hash.update(name);
    for (const row of db.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`).raw().all()) hash.update(JSON.stringify(row, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('base64') : value)));
  }
  return hash.digest('hex');
}
