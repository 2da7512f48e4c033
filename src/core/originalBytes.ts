import zlib from 'node:zlib';

/**
 * The original bytes of an imported file are kept compressed (issue 13, item 7): they are read
 * only to export or re-check a file, while duplicate detection compares their SHA-256, so a
 * library need not hold them as they are. A zlib stream (RFC 1950, with its Adler-32 check), which
 * any tool reads (Python's `zlib.decompress`). Level 6 (the default) costs about 40 µs for a
 * 3 KB article; higher levels save little on text.
 */
export type OriginalCompression = 'zlib' | null;

export function compressOriginal(bytes: Uint8Array): { bytes: Buffer; compression: OriginalCompression } {
  const compressed = zlib.deflateSync(bytes);
  // Already-compressed files (PDFs' streams, mostly) may not shrink: then they are kept as they are.
  return compressed.length < bytes.length ? { bytes: compressed, compression: 'zlib' } : { bytes: Buffer.from(bytes), compression: null };
}

export function decompressOriginal(stored: Buffer, compression: string | null): Buffer {
  if (compression === null) return stored;
  if (compression === 'zlib') return zlib.inflateSync(stored);
  throw new Error(`The original bytes are stored as "${compression}", which this version of Marginalia cannot read. Update Marginalia.`);
}
