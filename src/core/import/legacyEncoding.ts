import { analyse } from 'chardet';
import iconv from 'iconv-lite';

/**
 * Legacy 8-bit encodings (issue 8): the pre-UTF-8 encodings of the outlets our users read
 * (Russian, Armenian/Azerbaijani sites in Russian, Western European). Anything else chardet
 * proposes (Shift_JIS, Big5…) is refused rather than guessed: we could not test it.
 */
const ACCEPTED = /^(?:windows-125[0-8]|ISO-8859-(?:[1-9]|1[0-6])|KOI8-[RU])$/i;

/**
 * Browsers decode these labels as the Windows superset (WHATWG Encoding): the 0x80–0x9F bytes
 * of real files are curly quotes and dashes, never the C1 control characters ISO-8859 puts there.
 */
const WINDOWS_SUPERSET: Record<string, string> = { 'iso-8859-1': 'windows-1252', 'us-ascii': 'windows-1252', ascii: 'windows-1252', latin1: 'windows-1252', 'iso-8859-9': 'windows-1254' };

/**
 * Thresholds measured on chardet 2.2.0 (0–100 scale): one Russian paragraph scores 40 with the
 * runner-up at 5–18; a French paragraph 63 against 27; "Café talks." ties 25/25 between Turkish
 * and Lithuanian, which is exactly the case to refuse.
 */
const MIN_CONFIDENCE = 30;
const MIN_MARGIN = 15;
/** Detection reads the start only; a 20 MB file in one encoding says so in its first 256 KB. */
const SAMPLE_BYTES = 256 * 1024;

/** Control characters no article contains; after a wrong 8-bit decoding they are the tell-tale. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const STRAY_CONTROLS = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/;

export function whatwgEncoding(label: string): string {
  const lower = label.trim().toLowerCase();
  return WINDOWS_SUPERSET[lower] ?? lower;
}

export function decodeWith(bytes: Uint8Array, label: string): string {
  return iconv.decode(bytes, whatwgEncoding(label));
}

export function isKnownEncoding(label: string): boolean {
  return iconv.encodingExists(whatwgEncoding(label));
}

export type LegacyDecoding = { text: string; encoding: string } | { refusal: string };

/** The second byte's range after each lead (Unicode Table 3-7): what excludes overlong forms, surrogates and code points past U+10FFFF. */
function secondByteRange(lead: number): [number, number] {
  if (lead === 0xe0) return [0xa0, 0xbf];
  if (lead === 0xed) return [0x80, 0x9f];
  if (lead === 0xf0) return [0x90, 0xbf];
  if (lead === 0xf4) return [0x80, 0x8f];
  return [0x80, 0xbf];
}

/** Why the sequence at a lead byte is not UTF-8, in words. */
function whatIsWrong(bytes: Uint8Array, i: number, length: number): string {
  const lead = bytes[i]!;
  const second = bytes[i + 1];
  if (lead >= 0x80 && lead <= 0xbf) return 'a continuation byte with no character before it';
  if (lead === 0xc0 || lead === 0xc1 || (lead === 0xe0 && second !== undefined && second < 0xa0) || (lead === 0xf0 && second !== undefined && second < 0x90)) return 'an overlong encoding';
  if (lead === 0xed && second !== undefined && second >= 0xa0 && second <= 0xbf) return 'an encoded UTF-16 surrogate, which UTF-8 does not allow';
  if (lead >= 0xf5 || (lead === 0xf4 && second !== undefined && second >= 0x90)) return 'a code point beyond U+10FFFF';
  return i + length > bytes.length ? 'a character cut off by the end of the file' : 'a character cut short';
}

export interface Utf8Damage {
  sequences: number;
  damaged: number;
  /** Byte offset of the first byte that is not well-formed UTF-8, -1 when none is. */
  firstDamaged: number;
  /** That place, for a message: "byte 12, ED A0 80: an encoded UTF-16 surrogate, which UTF-8 does not allow". */
  firstDamage: string | null;
}

/**
 * Counts, among bytes >= 0x80, those that form well-formed UTF-8 sequences and those that do not
 * (strictly: overlong forms, encoded surrogates and code points past U+10FFFF are damage, as for
 * TextDecoder). Text in an 8-bit encoding has almost no well-formed sequences (a Cyrillic letter is
 * followed by another letter, not by a continuation byte); UTF-8 with a few damaged bytes has mostly them.
 */
export function utf8Damage(bytes: Uint8Array): Utf8Damage {
  let sequences = 0;
  let damaged = 0;
  let firstDamaged = -1;
  let firstDamage: string | null = null;
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= bytes.length;
    const [low, high] = secondByteRange(lead);
    if (ok) ok = bytes[i + 1]! >= low && bytes[i + 1]! <= high;
    for (let k = 2; ok && k < length; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      sequences++;
      i += length;
    } else {
      if (firstDamaged < 0) {
        firstDamaged = i;
        // The lead and the continuation bytes after it: what a hex editor would show at that place.
        let end = i + 1;
        while (end < Math.min(bytes.length, i + Math.max(length, lead === 0xc0 || lead === 0xc1 ? 2 : 1)) && bytes[end]! >= 0x80 && bytes[end]! <= 0xbf) end++;
        const shown = Array.from(bytes.subarray(i, end), (byte) => byte.toString(16).toUpperCase().padStart(2, '0')).join(' ');
        firstDamage = `byte ${i}, ${shown}: ${whatIsWrong(bytes, i, length)}`;
      }
      damaged++;
      i++;
    }
  }
  return { sequences, damaged, firstDamaged, firstDamage };
}

const REFUSE_TAIL = 'Open it in a text editor, save it as UTF-8, and import it again.';

/** The bytes outside `<…>` tags and `<script>`/`<style>` content: markup is ASCII and only dilutes the letters chardet weighs. */
function textBytes(bytes: Uint8Array): Uint8Array {
  const html = Buffer.from(bytes).toString('latin1').replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ').replace(/<[^>]*>/g, ' ');
  return Buffer.from(html, 'latin1');
}

/** Decodes bytes that are not valid UTF-8, or explains why it will not guess. `markup`: the bytes are HTML. */
export function decodeLegacy(bytes: Uint8Array, markup = false): LegacyDecoding {
  const damage = utf8Damage(bytes);
  if (damage.sequences > damage.damaged) {
    return {
      refusal: `is not valid UTF-8 text: most of it is UTF-8, but ${damage.damaged} byte${damage.damaged === 1 ? ' is' : 's are'} damaged (the first at ${damage.firstDamage}). ${REFUSE_TAIL}`,
    };
  }
  const sample = (markup ? textBytes(bytes.subarray(0, 4 * SAMPLE_BYTES)) : bytes).subarray(0, SAMPLE_BYTES);
  // chardet also proposes UTF-8 and ASCII for mostly-ASCII text; neither can be right here.
  const candidates = analyse(sample).filter((match) => !/^(?:UTF-8|ASCII)$/i.test(match.name));
  const best = candidates[0];
  const unsure = (detail: string) => ({ refusal: `is not valid UTF-8 text (from ${damage.firstDamage}), and its encoding cannot be told with confidence (${detail}). ${REFUSE_TAIL}` });
  if (!best) return unsure('no encoding fits it');
  if (!ACCEPTED.test(best.name)) return unsure(`it looks most like ${best.name}, which Marginalia does not decode`);
  if (best.confidence < MIN_CONFIDENCE) return unsure(`at best ${best.name}, ${best.confidence} % sure`);
  const text = decodeWith(sample, best.name);
  // A runner-up that reads the same bytes the same way (windows-1252 beside ISO-8859-1 for text
  // without 0x80–0x9F bytes) agrees with the winner rather than competing with it.
  const rival = candidates.slice(1).find((match) => !isKnownEncoding(match.name) || decodeWith(sample, match.name) !== text);
  if (rival && best.confidence - rival.confidence < MIN_MARGIN) return unsure(`${best.name} ${best.confidence} % or ${rival.name} ${rival.confidence} %`);
  const full = decodeWith(bytes, best.name);
  if (STRAY_CONTROLS.test(full)) return unsure(`as ${best.name} it would contain control characters`);
  return { text: full, encoding: whatwgEncoding(best.name) };
}
