/** A multiple of 3, so each chunk encodes to whole base64 quads and the chunks can be joined. */
const CHUNK_BYTES = 3 * 8192;

/**
 * Base64 of any number of bytes. Chunked because `String.fromCharCode(...bytes)` over a whole
 * multi-megabyte file overflows the call stack, and one giant binary string doubles peak memory.
 */
export function encodeBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let offset = 0; offset < bytes.length; offset += CHUNK_BYTES) {
    const chunk = bytes.subarray(offset, offset + CHUNK_BYTES);
    parts.push(btoa(String.fromCharCode.apply(null, chunk as unknown as number[])));
  }
  return parts.join('');
}
