import zlib from 'node:zlib';

/**
 * The original bytes of an imported file are kept compressed (issue 13, item 7): they are read
 * only to export or re-check a file, while duplicate detection compares their SHA-256, so a
 * library need not hold them as they are.
 *
 * A zlib stream (RFC 1950, with its Adler-32 check) whose preset dictionary is the source's body
 * as UTF-8 ('zlib-body'). The body is most of what a text, Markdown or even HTML file says, so the
 * original shrinks to what the body does not hold (front matter, markup): measured on the bench's
 * Markdown files, 40 times smaller instead of 2 times without the dictionary. The price is that
 * the original can be read only with the body it was compressed against; so the body changes only
 * through setSourceBody (sources.ts), which re-encodes the original in the same statement, and a
 * trigger (migration 19) refuses a change to the body of such a row that changes the dictionary and
 * leaves the original as it was. Other tools read it
 * too: Python's `zlib.decompressobj(zdict=body.encode()).decompress(original)`.
 */
export type OriginalCompression = 'zlib-body' | 'zlib' | null;

/** What the row stores: the bytes, compressed or not, and which. */
export interface StoredOriginal {
  bytes: Buffer;
  compression: OriginalCompression;
}

// Already-compressed files (PDFs' streams, mostly) may not shrink: then they are kept as they are.
const smaller = (bytes: Uint8Array, compressed: Buffer): StoredOriginal =>
  compressed.length < bytes.length ? { bytes: compressed, compression: 'zlib-body' } : { bytes: Buffer.from(bytes), compression: null };

/** The body's last 32 KB of UTF-8: zlib's window, so a longer dictionary adds nothing (and other tools take the same bytes). */
function dictionary(body: string): Buffer {
  const bytes = Buffer.from(body, 'utf8');
  return bytes.length > 32_768 ? bytes.subarray(bytes.length - 32_768) : bytes;
}

/**
 * Synchronous on purpose: about 80 µs for a 4 KB article. Node's async zlib costs more than that on
 * the main thread in stream machinery alone (measured in a whole-process import profile).
 */
export function compressOriginal(bytes: Uint8Array, body: string): StoredOriginal {
  return smaller(bytes, zlib.deflateSync(bytes, { dictionary: dictionary(body) }));
}

/** The original bytes of a row, given the body stored beside them. */
export function decompressOriginal(stored: Buffer, compression: string | null, body: string): Buffer {
  if (compression === null) return stored;
  if (compression === 'zlib-body') return zlib.inflateSync(stored, { dictionary: dictionary(body) });
  if (compression === 'zlib') return zlib.inflateSync(stored);
  throw new Error(`The original bytes are stored as "${compression}", which this version of Marginalia cannot read. Update Marginalia.`);
}
