import { ImportRefused } from './importRefused';
import { decodeLegacy, decodeWith, isKnownEncoding, whatwgEncoding } from './legacyEncoding';

export { ImportRefused };

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string {
  try {
    // ignoreBOM: the BOM is already cut off, and a second one would be text (U+FEFF).
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(2));
  } catch {
    throw new ImportRefused(`starts like UTF-16 text but is damaged (an odd number of bytes or a broken character). Save it again as UTF-8 and import it again.`);
  }
}

export interface DecodeOptions {
  /** The charset the file declares (an HTML `<meta charset>`); trusted over detection, as browsers do. */
  declaredCharset?: string | null;
  /** The bytes are HTML: encoding detection looks at the text between the tags. */
  markup?: boolean;
}

/**
 * Bytes to text. A BOM (UTF-8, UTF-16) decides; then valid UTF-8 is UTF-8 (ASCII is too, and reads
 * the same in every legacy encoding); then the declared charset; then a legacy 8-bit encoding when
 * chardet is confident (legacyEncoding.ts). Anything else is refused rather than stored as mojibake.
 */
export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, 'utf-16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, 'utf-16be');
  // NUL is valid UTF-8 but no article contains it; binary files (PNG, PDF, zip) do, often early.
  if (bytes.includes(0)) throw new ImportRefused('looks like a binary file, not text. Import .txt, .md, .html or .pdf articles.');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // not UTF-8: try what the file says it is, then detection
  }
  const declared = options.declaredCharset ? whatwgEncoding(options.declaredCharset) : null;
  if (declared && !declared.startsWith('utf') && isKnownEncoding(declared)) return decodeWith(bytes, declared);
  const legacy = decodeLegacy(bytes, options.markup);
  if ('refusal' in legacy) throw new ImportRefused(legacy.refusal);
  return legacy.text;
}
