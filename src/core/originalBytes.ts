import { promisify } from 'node:util';
import zlib from 'node:zlib';

/**
 * The original bytes of an imported file are kept compressed (issue 13, item 7): they are read
 * only to export or re-check a file, while duplicate detection compares their SHA-256, so a
 * library need not hold them as they are. A zlib stream (RFC 1950, with its Adler-32 check), which
 * any tool reads (Python's `zlib.decompress`). Level 6 (the default) costs about 40 µs for a
 * 3 KB article; higher levels save little on text.
 */
export type OriginalCompression = 'zlib' | null;

/** What the row stores: the bytes, compressed or not, and which. */
export interface StoredOriginal {
  bytes: Buffer;
  compression: OriginalCompression;
}

// Already-compressed files (PDFs' streams, mostly) may not shrink: then they are kept as they are.
const smaller = (bytes: Uint8Array, compressed: Buffer): StoredOriginal =>
  compressed.length < bytes.length ? { bytes: compressed, compression: 'zlib' } : { bytes: Buffer.from(bytes), compression: null };

export function compressOriginal(bytes: Uint8Array): StoredOriginal {
  return smaller(bytes, zlib.deflateSync(bytes));
}

const deflate = promisify(zlib.deflate);

/**
 * The same, on libuv's thread pool: the importer starts it when a file is parsed and awaits it at
 * the batch's commit, so compressing overlaps reading and parsing the next files.
 */
export async function compressOriginalInBackground(bytes: Uint8Array): Promise<StoredOriginal> {
  return smaller(bytes, await deflate(bytes));
}

export function decompressOriginal(stored: Buffer, compression: string | null): Buffer {
  if (compression === null) return stored;
  if (compression === 'zlib') return zlib.inflateSync(stored);
  throw new Error(`The original bytes are stored as "${compression}", which this version of Marginalia cannot read. Update Marginalia.`);
}
