import type { ImportResult } from '../../shared/domain/source';
import type { StoreItem } from './storeBatch';

/** What the store worker is started with. */
export interface StoreWorkerData {
  libraryPath: string;
  /** better-sqlite3 built for Electron's ABI, as the main connection uses (see README). */
  nativeBinding?: string;
}

export interface StoreWorkerRequest {
  seq: number;
  items: StoreItem[];
}

export type StoreWorkerReply = { ready: true } | { seq: number; results: ImportResult[] } | { seq: number; error: string };
