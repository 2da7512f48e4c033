import { z } from 'zod';

/**
 * What a mutation changed, so each view re-fetches only what depends on it (issue 12). Every
 * mutation of the contract declares its changes (src/shared/api/operation.ts); dispatch puts them
 * in the `libraryChanged` event, and the renderer's query cache invalidates by the same values for
 * its own mutations and for other windows' events.
 *
 * What `ids` name, by kind (absent: any of that kind, e.g. a list):
 * - `sources`: source ids (metadata, text, existence);
 * - `highlights`: the ids of the SOURCES whose highlights changed (every highlight view is one source's);
 * - `tags`: none (the library's tag list);
 * - `notes`: note ids;
 * - `citations`: the ids of the cited SOURCES whose citations may have changed ("Cited in");
 * - `backups`: none;
 * - `outlets`: none (the outlets' countries and notes; a rename or merge also changes `sources`);
 * - `collections`: none (collections and their members);
 * - `library`: none; the whole library was replaced (a restore): everything is stale.
 */
export const CHANGE_KINDS = ['sources', 'highlights', 'tags', 'notes', 'citations', 'backups', 'outlets', 'collections', 'library'] as const;
export const ChangeKind = z.enum(CHANGE_KINDS);
export type ChangeKind = z.infer<typeof ChangeKind>;

export const Change = z.object({ kind: ChangeKind, ids: z.array(z.number().int()).optional() });
export type Change = z.infer<typeof Change>;

/** A query's dependency has the same shape: a kind, and the ids it reads (none: all of them). */
export type Dependency = Change;

/** How a mutation declares its changes: fixed, or computed from its parsed request and its response. */
export type ChangesOf<Req, Res> = readonly Change[] | ((request: Req, response: Res) => Change[]);

/** True when `change` may alter what `dependency` reads. `library` changes everything. */
export function affects(change: Change, dependency: Dependency): boolean {
  if (change.kind === 'library') return true;
  if (change.kind !== dependency.kind) return false;
  if (change.ids === undefined || dependency.ids === undefined) return true;
  const wanted = new Set(dependency.ids);
  return change.ids.some((id) => wanted.has(id));
}

export function affectsAny(changes: readonly Change[], dependencies: readonly Dependency[]): boolean {
  return changes.some((change) => dependencies.some((dependency) => affects(change, dependency)));
}

/**
 * The sources a saved note state cites, read cheaply from its JSON (only citation nodes carry
 * `"sourceId"`; a false match only re-fetches one more list). Runs on every autosave, so no full walk.
 */
export function citedSourceIds(editorState: string): number[] {
  const ids = new Set<number>();
  for (const match of editorState.matchAll(/"sourceId":\s*(\d{1,15})/g)) ids.add(Number(match[1]));
  return [...ids];
}
