/** Why a file's bytes could not become text; the message names the file and says what to do. */
export class ImportRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportRefused';
  }
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string {
  try {
    // ignoreBOM: the BOM is already cut off, and a second one would be text (U+FEFF).
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(2));
  } catch {
    throw new ImportRefused(`starts like UTF-16 text but is damaged (an odd number of bytes or a broken character). Save it again as UTF-8 and import it again.`);
  }
}

/**
 * Bytes to text. UTF-8 (with or without BOM) and UTF-16 with a BOM are decoded; anything else is
 * refused rather than stored with replacement characters. Legacy 8-bit encodings are issue #8.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, 'utf-16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, 'utf-16be');
  // NUL is valid UTF-8 but no article contains it; binary files (PNG, PDF, zip) do, often early.
  if (bytes.includes(0)) throw new ImportRefused('looks like a binary file, not text. Import .txt or .md articles.');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ImportRefused('is not valid UTF-8 text. Open it in a text editor, save it as UTF-8, and import it again.');
  }
}
