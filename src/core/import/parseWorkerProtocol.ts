import type { ParsedSource } from './parseFile';

/** One file to parse, numbered so that a late answer is never taken for the next file's. */
export interface ParseWorkerRequest {
  seq: number;
  name: string;
  bytes: Uint8Array;
}

/**
 * `ready: false` while the thread loads the language detector for a file (its clock stops), `ready:
 * true` when it can parse; `refused`: an ImportRefused message (the file's own problem); `error`:
 * anything else.
 */
export type ParseWorkerReply = { ready: boolean } | { seq: number; parsed: ParsedSource } | { seq: number; refused: string } | { seq: number; error: string };
