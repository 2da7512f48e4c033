import { z } from 'zod';
import { backupOperations } from './backups';
import { compareOperations } from './compare';
import { Change } from './changes';
import { exportOperations } from './export';
import { highlightOperations } from './highlights';
import { libraryOperations } from './library';
import { noteOperations } from './notes';
import { searchOperations } from './search';

/**
 * Every operation the library offers, declared once. Main (IPC), preload, the browser host and
 * the renderer client are all derived from this object; add a feature's operations by spreading
 * its module here.
 */
export const contract = {
  ...libraryOperations,
  ...backupOperations,
  ...noteOperations,
  ...highlightOperations,
  ...searchOperations,
  ...exportOperations,
  ...compareOperations,
};

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export type RequestOf<K extends OperationName> = z.input<Contract[K]['request']>;
export type ParsedRequestOf<K extends OperationName> = z.output<Contract[K]['request']>;
export type ResponseOf<K extends OperationName> = z.output<Contract[K]['response']>;

/** A handler for every operation: a missing one is a compile error. */
export type Handlers = { [K in OperationName]: (request: ParsedRequestOf<K>) => ResponseOf<K> | Promise<ResponseOf<K>> };

/** The client the renderer sees, whatever transport it runs on. */
export type Api = { [K in OperationName]: (request: RequestOf<K>) => Promise<ResponseOf<K>> };

export { operationNames } from './operationNames';

export function isOperationName(name: string): name is OperationName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Events the library emits to every open window. */
export const LibraryEvent = z.discriminatedUnion('type', [
  // What changed, so each window re-fetches only what depends on it (src/shared/api/changes.ts).
  z.object({ type: z.literal('libraryChanged'), operation: z.string(), changes: z.array(Change) }),
  z.object({
    type: z.literal('importProgress'),
    done: z.number().int(),
    total: z.number().int(),
    file: z.string(),
  }),
  // A Yjs update a window applied to a note (issue 12), for the other windows on it; `origin` is the sender's client id.
  z.object({ type: z.literal('noteUpdate'), noteId: z.number().int().positive(), update: z.string(), origin: z.string() }),
  // A marginalia:// link opened from another program (the desktop app forwards it to its window).
  z.object({ type: z.literal('openDeepLink'), url: z.string().max(200) }),
]);
export type LibraryEvent = z.infer<typeof LibraryEvent>;
