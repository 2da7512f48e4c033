import type { Db } from './db';

/** Why each library connection opened read-only ("the file … is not writable by you"); set by openDatabase. */
const reasons = new WeakMap<Db, string | null>();

export function markReadOnly(db: Db, reason: string | null): void {
  reasons.set(db, reason);
}

/** undefined for a writable library; the reason (or null when none is known) for a read-only one. */
export function readOnlyReason(db: Db): string | null | undefined {
  if (reasons.has(db)) return reasons.get(db);
  return db.readonly ? null : undefined;
}
