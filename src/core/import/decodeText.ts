/** Why a file's bytes could not become text; the message names the file and says what to do. */
export class ImportRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportRefused';
  }
}

/**
 * Bytes to text. UTF-8 (with or without BOM) and UTF-16 with a BOM are decoded; anything else is
 * refused rather than stored with replacement characters. Legacy 8-bit encodings are issue #8.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) throw new ImportRefused('looks like a binary file, not text. Import .txt or .md articles.');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ImportRefused('is not valid UTF-8 text. Open it in a text editor, save it as UTF-8, and import it again.');
  }
}
