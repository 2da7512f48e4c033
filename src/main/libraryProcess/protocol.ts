// The messages between Electron's main process and the library process (a utilityProcess that
// holds the library and serves the contract through dispatch, so a long import, restore or save
// never stalls a window). Structured-cloned by Electron; no Electron import, tested on Node.
import type { Envelope } from '../../shared/api/bridge';
import type { LibraryEvent } from '../../shared/api/contract';

/** What the library process needs to open the library, sent as its first message. */
export interface LibraryProcessOptions {
  libraryPath: string;
  nativeBinding?: string;
  searchWorkerPath?: string;
  /** The import parser's worker entry (src/core/import/parseWorker.ts, bundled beside main). */
  parseWorkerPath?: string;
  /** The import's store worker entry (src/core/import/storeWorker.ts, bundled beside main). */
  storeWorkerPath?: string;
  /** The integrity check's worker entry (src/core/db/integrityWorker.ts, bundled beside main). */
  integrityWorkerPath?: string;
}

/** Operations main asks for that are not in the contract (the page cannot reach them: registerIpc registers contract operations only). */
export const SHELL_OPERATIONS = ['shell:exportAllNotes', 'shell:backupIfDue'] as const;
export type ShellOperation = (typeof SHELL_OPERATIONS)[number];

export type ToLibraryProcess = { type: 'open'; options: LibraryProcessOptions } | { type: 'request'; id: number; operation: string; payload: unknown } | { type: 'close' };

/** Why the library could not be opened; `newestGoodBackup` when it is damaged and a backup can restore it. */
export interface OpenFailure {
  message: string;
  damaged: boolean;
  newestGoodBackup: string | null;
}

export type FromLibraryProcess = { type: 'ready' } | { type: 'openFailed'; failure: OpenFailure } | { type: 'response'; id: number; envelope: Envelope } | { type: 'event'; event: LibraryEvent } | { type: 'closed' };
