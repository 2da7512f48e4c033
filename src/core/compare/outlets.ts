import type { Outlet } from '../../shared/domain/compare';
import { ApiError, notFound } from '../../shared/api/errors';
import type { Db } from '../db/db';
import { writeTransaction } from '../db/writeTransaction';
import { indexSource, unindexSource } from '../search/searchIndex';

/**
 * Outlets (issue 11). Sources name their outlet (sources.outlet); the outlets table keeps its
 * country and note under the same name. An outlet is listed while a source names it or it has a row.
 */
export function listOutletDetails(db: Db): Outlet[] {
  return db
    .prepare(
      `WITH names AS (SELECT outlet AS name FROM sources WHERE outlet IS NOT NULL UNION SELECT name FROM outlets)
       SELECT n.name, o.country, coalesce(o.note, '') AS note,
         (SELECT count(*) FROM sources s WHERE s.outlet = n.name) AS sourceCount
       FROM names n LEFT JOIN outlets o ON o.name = n.name
       ORDER BY n.name COLLATE NOCASE, n.name`,
    )
    .all() as Outlet[];
}

function requireOutlet(db: Db, name: string): void {
  const known = db.prepare('SELECT 1 FROM sources WHERE outlet = ? UNION ALL SELECT 1 FROM outlets WHERE name = ? LIMIT 1').get(name, name);
  if (!known) throw notFound(`Outlet "${name}" (see \`marginalia outlets\` for the names)`);
}

/** Sets an outlet's country and/or note; a field left undefined keeps its value, null clears the country. */
export function setOutlet(db: Db, name: string, patch: { country?: string | null; note?: string }): Outlet {
  return writeTransaction(db, () => {
    requireOutlet(db, name);
    db.prepare('INSERT OR IGNORE INTO outlets (name) VALUES (?)').run(name);
    if (patch.country !== undefined) db.prepare('UPDATE outlets SET country = ? WHERE name = ?').run(patch.country, name);
    if (patch.note !== undefined) db.prepare('UPDATE outlets SET note = ? WHERE name = ?').run(patch.note, name);
    return listOutletDetails(db).find((outlet) => outlet.name === name)!;
  });
}

/**
 * Moves every source of `from` to `into` and removes `from`, in one transaction. `into` keeps its
 * country and note; where it has none, it takes those of `from`. Renaming is merging into a new name.
 */
export function mergeOutlets(db: Db, from: string, into: string): Outlet {
  if (from === into) throw new ApiError('invalid_request', `"${from}" is already that outlet's name.`);
  return writeTransaction(db, () => {
    requireOutlet(db, from);
    const old = db.prepare('SELECT country, note FROM outlets WHERE name = ?').get(from) as { country: string | null; note: string } | undefined;
    db.prepare('INSERT OR IGNORE INTO outlets (name) VALUES (?)').run(into);
    if (old) {
      db.prepare(`UPDATE outlets SET country = coalesce(country, ?), note = CASE WHEN note = '' THEN ? ELSE note END WHERE name = ?`).run(old.country, old.note, into);
      db.prepare('DELETE FROM outlets WHERE name = ?').run(from);
    }
    // The index holds each source's outlet: out before the change, back in after it (as updateSource does).
    const moved = db.prepare('SELECT id FROM sources WHERE outlet = ?').pluck().all(from) as number[];
    for (const id of moved) unindexSource(db, id);
    db.prepare('UPDATE sources SET outlet = ? WHERE outlet = ?').run(into, from);
    for (const id of moved) indexSource(db, id);
    return listOutletDetails(db).find((outlet) => outlet.name === into)!;
  });
}

export function renameOutlet(db: Db, from: string, to: string): Outlet {
  return mergeOutlets(db, from, to);
}
