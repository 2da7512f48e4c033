import type { CitekeyParts } from '../../shared/text/citekey';
import { baseCitekey, uniqueCitekey } from '../../shared/text/citekey';

/**
 * Citekeys in an export. A source in the library has its own key, unique there (sources.citekey).
 * A deleted source is known only by its citation's snapshot, whose key may be missing, malformed
 * (snapshots are input), or since given to another source; it gets a usable key that no source of
 * this export already has.
 */

/** What Pandoc, BibTeX and CSL all accept; the same rule the metadata editor enforces. */
const KEY_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_:.-]*$/;

export function isUsableCitekey(key: string): boolean {
  return KEY_PATTERN.test(key) && key.length <= 100;
}

/** A snapshot's key made usable: other characters dropped; none left, one made from the metadata. */
export function usableCitekey(candidate: string | null, metadata: CitekeyParts): string {
  const cleaned = (candidate ?? '')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9_:.-]/g, '')
    .replace(/^[:.-]+/, '')
    .slice(0, 100);
  return cleaned || baseCitekey(metadata);
}

export interface KeyRequest {
  sourceId: number;
  inLibrary: boolean;
  wanted: string;
}

/**
 * Final keys for every cited source. Sources in the library keep theirs; deleted sources come
 * after and take a suffix (…a, …b) when their key is taken.
 */
export function assignCitekeys(requests: readonly KeyRequest[]): Map<number, string> {
  const keys = new Map<number, string>();
  const taken = new Set<string>();
  const ordered = [...requests.filter((request) => request.inLibrary), ...requests.filter((request) => !request.inLibrary)];
  for (const { sourceId, wanted } of ordered) {
    if (keys.has(sourceId)) continue;
    const key = uniqueCitekey(wanted, (candidate) => taken.has(candidate));
    keys.set(sourceId, key);
    taken.add(key);
  }
  return keys;
}
