import type { Change } from '../../../shared/api/changes';
import type { OperationName, RequestOf, ResponseOf } from '../../../shared/api/contract';
import { contract } from '../../../shared/api/contract';
import { changesOf } from '../../../shared/api/operation';
import type { z } from 'zod';
import { api } from './client';
import { invalidate } from './queryCache';
import { subscribeLibraryEvents } from './libraryEvents';

/**
 * The one mutation helper: calls the operation, then invalidates what it changed (from the
 * contract's declaration, the same function dispatch uses for the event), so this window never
 * waits on the event stream. The event of our own call arrives too, before or after the answer;
 * it is matched by its changes and applied once, not twice.
 */
export async function mutate<K extends OperationName>(operation: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
  const sentAt = Date.now();
  const response = await api[operation](request);
  applyChanges(operation, request, response, sentAt);
  return response;
}

/** The invalidation of a call already made (by code that needs the raw api, e.g. to cancel it). */
export function applyChanges<K extends OperationName>(operation: K, request: RequestOf<K>, response: ResponseOf<K>, sentAt = Date.now()): void {
  const spec = contract[operation] as unknown as Parameters<typeof changesOf<z.ZodType, z.ZodType>>[0];
  const parsed = spec.request.safeParse(request);
  const changes: Change[] = parsed.success ? changesOf(spec, parsed.data, response) : [{ kind: 'library' }];
  if (changes.length === 0) return;
  const fingerprint = JSON.stringify(changes);
  // Our event came first: its invalidation already ran after the library changed.
  if (take(eventsSeen, fingerprint, sentAt)) return;
  remember(echoesAwaited, fingerprint);
  invalidate(changes);
}

/** By the changes' JSON, when they were seen: our calls whose event has not come, events no call of ours has claimed. */
const echoesAwaited = new Map<string, number[]>();
const eventsSeen = new Map<string, number[]>();
const MATCH_WINDOW_MS = 10_000;

function remember(times: Map<string, number[]>, fingerprint: string): void {
  const now = Date.now();
  if (times.size > 100) for (const [key, seen] of times) if (seen.every((time) => now - time >= MATCH_WINDOW_MS)) times.delete(key);
  times.set(fingerprint, [...(times.get(fingerprint) ?? []), now]);
}

/**
 * Takes one entry of `fingerprint` seen at or after `since` (and recent), if any. A remote window
 * making exactly the same change at the same moment can be taken for our own: what it changed is
 * then what we re-fetched just now.
 */
function take(times: Map<string, number[]>, fingerprint: string, since = 0): boolean {
  const now = Date.now();
  const kept = (times.get(fingerprint) ?? []).filter((time) => now - time < MATCH_WINDOW_MS);
  const index = kept.findIndex((time) => time >= since);
  if (index !== -1) kept.splice(index, 1);
  if (kept.length > 0) times.set(fingerprint, kept);
  else times.delete(fingerprint);
  return index !== -1;
}

let listening = false;

/** Other windows' and processes' changes invalidate the same way. Called once at start. */
export function listenForRemoteChanges(): void {
  if (listening) return;
  listening = true;
  subscribeLibraryEvents((event) => {
    if (event.type !== 'libraryChanged' || event.changes.length === 0) return;
    const fingerprint = JSON.stringify(event.changes);
    if (take(echoesAwaited, fingerprint)) return;
    remember(eventsSeen, fingerprint);
    invalidate(event.changes);
  });
}
