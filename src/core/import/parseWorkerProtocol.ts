import type { ParsedSource } from './parseFile';

/** One file to parse, numbered so that a late answer is never taken for the next file's. */
export interface ParseWorkerRequest {
  seq: number;
  name: string;
  bytes: Uint8Array;
}

/** `refused`: an ImportRefused message (the file's own problem); `error`: anything else. */
export type ParseWorkerReply = { ready: true } | { seq: number; parsed: ParsedSource } | { seq: number; refused: string } | { seq: number; error: string };
