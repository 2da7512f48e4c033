import { createHash } from 'node:crypto';
import type { Db } from '../db/db';

/**
 * REFI-QDA GUIDs for what Marginalia exports: the same library item gets the same GUID in every
 * export of that library (a name-based UUID, version 5 layout, from a SHA-1 of the library, what
 * the item is and its id), so a tool re-importing a newer export can match its items, while two
 * libraries' source 1 do not collide. The library is named by its first source (the SHA-256 and
 * import time of the lowest source id), which stays while that source does.
 */
export type GuidOf = (kind: string, key: string | number) => string;

export function guidFrom(namespace: string): GuidOf {
  return (kind, key) => {
    const hash = createHash('sha1').update(`marginalia/${namespace}/${kind}/${key}`).digest();
    hash[6] = (hash[6]! & 0x0f) | 0x50;
    hash[8] = (hash[8]! & 0x3f) | 0x80;
    const hex = hash.subarray(0, 16).toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`.toUpperCase();
  };
}

export function libraryGuids(db: Db): GuidOf {
  const first = db.prepare('SELECT sha256, imported_at AS importedAt FROM sources ORDER BY id LIMIT 1').get() as { sha256: string; importedAt: string } | undefined;
  return guidFrom(first ? `${first.sha256}@${first.importedAt}` : 'empty');
}

/** Codes are named by their path alone: the same tag is the same code in every library's export. */
export const codeGuid = (path: string): string => guidFrom('codes')('code', path.normalize('NFC'));
