/**
 * File names made from note and source titles, safe on Windows, macOS and Linux alike: an export
 * folder is carried between machines (a synced vault, a zip, a USB stick). The name is a single
 * path segment by construction: no separator, no "." or "..", nothing a shell or an OS reads
 * specially. Folder containment is also checked when writing (exportFolder.ts), since this is
 * the kind of function that gets changed one day.
 */

/** Windows refuses these as names, with any extension, in any case (CON.md, con.txt). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/iu;

/** Path separators and the colon (a drive, or an NTFS stream) read as a dash: "Lachin: day 8" -> "Lachin - day 8". */
const SEPARATORS = /\s*[:/\\|]+\s*/gu;

/**
 * Dropped: the rest of what Windows forbids (< > ? * and the " that becomes '), control
 * characters (C0, DEL, C1: the NUL that ends a C string among them), and the invisible characters
 * that make a name read as something it is not (bidirectional overrides and marks, zero-width
 * space, BOM). Zero-width (non-)joiners stay: Persian words and emoji need them.
 */
// eslint-disable-next-line no-control-regex -- control characters are what this removes
const FORBIDDEN = /[<>?*\u0000-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu;

/**
 * 255 bytes is the limit of ext4 and APFS for one name (NTFS: 255 UTF-16 units). The stem stays
 * well under it, leaving room for " (12)" and ".json" and for a folder path on Windows, where a
 * whole path is often limited to 260 characters.
 */
export const MAX_STEM_BYTES = 120;

const utf8Length = (text: string): number => new TextEncoder().encode(text).length;

/** Cut at a grapheme boundary, so an Armenian letter with its mark or an emoji is never split. */
function truncateToBytes(text: string, maxBytes: number): string {
  if (utf8Length(text) <= maxBytes) return text;
  let out = '';
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) {
    if (utf8Length(out + segment) > maxBytes) break;
    out += segment;
  }
  return out;
}

/**
 * Trailing dots and spaces are dropped by Windows; leading dots hide the file on Unix ("..",
 * ".bashrc"); a leading dash reads as an option to every command given the name.
 */
const trimEdges = (text: string): string => text.replace(/^[\s.-]+/u, '').replace(/[\s.-]+$/u, '');

/** A file name stem (no extension) for this title; `fallback` when nothing usable is left. */
export function safeFileStem(title: string, fallback = 'Untitled'): string {
  let stem = title.normalize('NFC').replace(SEPARATORS, ' - ').replace(/\s+/gu, ' ').replaceAll('"', "'").replace(FORBIDDEN, '');
  stem = trimEdges(truncateToBytes(trimEdges(stem), MAX_STEM_BYTES));
  if (stem === '') stem = fallback;
  // The part before the first dot is what Windows compares ("CON.backup.md" is reserved too).
  if (WINDOWS_RESERVED.test(stem.split('.')[0]!.trim())) stem = `${stem}_`;
  return stem;
}

/**
 * Case-insensitive and normalization-insensitive: Windows and macOS treat "Note" and "note", and
 * the NFC and NFD spellings of "Ağdam", as one file.
 */
const collisionKey = (name: string): string => name.normalize('NFC').toLowerCase();

/**
 * Hands out names that differ from every name handed out before, whatever the file system:
 * "Lachin", "Lachin (2)", "Lachin (3)". `reserve` claims a name up front (the shared bibliography).
 */
export class FileNamer {
  private readonly taken = new Set<string>();

  reserve(name: string): void {
    this.taken.add(collisionKey(name));
  }

  /** A free stem for this title, such that every `stem + extension` is free; claims them all. */
  claim(title: string, extensions: readonly string[], fallback?: string): string {
    const base = safeFileStem(title, fallback);
    for (let n = 1; ; n++) {
      const stem = n === 1 ? base : `${base} (${n})`;
      if (extensions.every((extension) => !this.taken.has(collisionKey(stem + extension)))) {
        for (const extension of extensions) this.taken.add(collisionKey(stem + extension));
        return stem;
      }
    }
  }
}
