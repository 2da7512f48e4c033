/** What the integrity worker (integrityWorker.ts) is started with. */
export interface IntegrityWorkerData {
  file: string;
  /** better-sqlite3 built for Electron's ABI, as the main connection uses (see README). */
  nativeBinding?: string;
  /** quick_check for the library at start; integrity_check (also checks indexes' contents) for a backup. */
  check: 'quick_check' | 'integrity_check';
}

/** `sound` with SQLite's first answer line; `error` when the check could not run at all. */
export type IntegrityWorkerReply = { sound: boolean; detail: string } | { error: string };
