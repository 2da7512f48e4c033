import fs from 'node:fs';
import path from 'node:path';
import type { ExportOptions, ExportStyle } from '../shared/api/export';
import { DEFAULT_EXPORT_OPTIONS, EXPORT_STYLES } from '../shared/api/export';
import type { QuoteMode } from '../shared/domain/translation';
import { QUOTE_MODES } from '../shared/domain/translation';
import type { Library } from '../core/library';

export const EXPORT_USAGE = `  export NOTE_ID [--style footnotes|pandoc] [--out FILE]
                        a note as Markdown, to stdout or FILE; the pandoc style writes
                        FILE.md with FILE.json (CSL-JSON) and FILE.bib beside it
  export --all --out DIR [--style footnotes|pandoc]
                        every note into DIR, one file each, with bibliography.json and .bib
      --no-deep-links   no "Open in Marginalia" links in citations
      --no-deleted-notes
                        no word that a cited passage or source has since been deleted
      --bibliography-heading TEXT
                        the heading over the bibliography ("Bibliography"; "" for none)
      --quotes original|translation|both
                        a quote with a translation: the original, the translation, or
                        the original then the translation in brackets (both, the default)`;

/** The options `export` adds to main's parseArgs. */
export const EXPORT_OPTIONS = {
  style: { type: 'string' },
  out: { type: 'string' },
  all: { type: 'boolean', default: false },
  'no-deep-links': { type: 'boolean', default: false },
  'no-deleted-notes': { type: 'boolean', default: false },
  'bibliography-heading': { type: 'string' },
  quotes: { type: 'string' },
} as const;

export interface ExportValues {
  style?: string;
  out?: string;
  all?: boolean;
  json?: boolean;
  'no-deep-links'?: boolean;
  'no-deleted-notes'?: boolean;
  'bibliography-heading'?: string;
  quotes?: string;
}

const isQuoteMode = (value: string): value is QuoteMode => (QUOTE_MODES as readonly string[]).includes(value);

/** The citation options from the flags; what is not given keeps its default. */
export function exportOptionsOf(values: ExportValues): ExportOptions {
  return {
    deepLinks: !values['no-deep-links'],
    deletedNotes: !values['no-deleted-notes'],
    bibliographyHeading: values['bibliography-heading'] ?? DEFAULT_EXPORT_OPTIONS.bibliographyHeading,
    quotes: values.quotes !== undefined && isQuoteMode(values.quotes) ? values.quotes : DEFAULT_EXPORT_OPTIONS.quotes,
  };
}

export interface ExportIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** The exit codes of main.ts (not imported from it: main imports this module). */
const EXIT = { ok: 0, inputFailed: 1, usage: 2 } as const;

const isStyle = (value: string): value is ExportStyle => (EXPORT_STYLES as readonly string[]).includes(value);

/** Why these arguments are not an export command, or null; main checks before opening the library. */
export function exportUsageProblem(args: readonly string[], values: ExportValues): string | null {
  if (values.style !== undefined && !isStyle(values.style)) return `--style is ${EXPORT_STYLES.join(' or ')}, got "${values.style}".`;
  if (values.quotes !== undefined && !isQuoteMode(values.quotes)) return `--quotes is ${QUOTE_MODES.join(', ')}, got "${values.quotes}".`;
  if (values.out === '') return '--out needs a file or folder name.';
  if ((values['bibliography-heading']?.length ?? 0) > 200) return '--bibliography-heading is at most 200 characters.';
  if (values.all) {
    if (args.length > 0) return `--all exports every note: give no NOTE_ID (got "${args.join(' ')}").`;
    if (values.out === undefined) return '--all needs --out DIR, the folder to write the notes into.';
    return null;
  }
  if (args.length !== 1) return 'give one NOTE_ID (see `marginalia notes`), or --all --out DIR.';
  if (!/^[1-9]\d*$/.test(args[0]!)) return `NOTE_ID is a number (see \`marginalia notes\`), got "${args[0]}".`;
  return null;
}

/** The Markdown libraries load only when exporting: every other command stays quick to start. */
const loadExport = () => import('../core/export/exportModules');

function writeFile(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

/**
 * `marginalia export`. Without --out the note goes to stdout byte for byte as the app saves it
 * (io.out adds the final newline the Markdown already ends with). With --out and the pandoc style,
 * FILE (minus a trailing .md) is the stem of FILE.md, FILE.json and FILE.bib, and the front matter
 * names FILE.json by its base name, so the three travel together. Returns the exit code.
 */
export async function runExport(library: Library, args: readonly string[], values: ExportValues, io: ExportIo): Promise<number> {
  const problem = exportUsageProblem(args, values);
  if (problem) {
    io.err(`marginalia export: ${problem}`);
    return EXIT.usage;
  }
  const style: ExportStyle = values.style !== undefined && isStyle(values.style) ? values.style : 'footnotes';
  const options = exportOptionsOf(values);
  const { exportAllNotes, exportNote } = await loadExport();
  try {
    if (values.all) {
      const result = exportAllNotes(library.db, values.out!, style, options);
      if (values.json) io.out(JSON.stringify(result, null, 2));
      else {
        const notes = result.files.filter((file) => file.noteId !== null).length;
        io.out(`Exported ${notes} note${notes === 1 ? '' : 's'} to ${result.folder}, with bibliography.json and bibliography.bib.`);
      }
      return EXIT.ok;
    }
    const noteId = Number(args[0]);
    if (values.out === undefined) {
      const exported = exportNote(library.db, noteId, { style, ...options });
      if (values.json) io.out(JSON.stringify(exported, null, 2));
      else {
        io.out(exported.markdown.replace(/\n$/, ''));
        if (exported.bibliography) io.err(`marginalia export: the front matter names ${exported.bibliography.jsonFileName}; write it with --out FILE.`);
      }
      return EXIT.ok;
    }
    const target = path.resolve(values.out);
    const stem = style === 'pandoc' ? target.replace(/\.md$/i, '') : null;
    const exported = exportNote(library.db, noteId, { style, ...options, ...(stem ? { stem: path.basename(stem) } : {}) });
    const written: string[] = [];
    const markdownFile = stem ? `${stem}.md` : target;
    writeFile(markdownFile, exported.markdown);
    written.push(markdownFile);
    if (stem && exported.bibliography) {
      for (const [extension, content] of [['.json', exported.bibliography.json], ['.bib', exported.bibliography.bib]] as const) {
        writeFile(stem + extension, content);
        written.push(stem + extension);
      }
    }
    if (values.json) io.out(JSON.stringify({ files: written }, null, 2));
    else for (const file of written) io.out(`Wrote ${file}`);
    return EXIT.ok;
  } catch (error) {
    io.err(`marginalia export: ${(error as Error).message}`);
    return EXIT.inputFailed;
  }
}
