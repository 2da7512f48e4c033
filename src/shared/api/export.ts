import { z } from 'zod';
import { NoteId } from '../domain/note';
import { SourceId } from '../domain/source';
import { QuoteMode } from '../domain/translation';
import { query } from './operation';

/**
 * Markdown export (issue 5). Core builds every byte from the saved note, so the app, the browser
 * host and `marginalia export` produce the same files; the renderer only saves what it is given.
 */
export const EXPORT_STYLES = ['footnotes', 'pandoc'] as const;
export const ExportStyle = z.enum(EXPORT_STYLES);
export type ExportStyle = z.infer<typeof ExportStyle>;

/**
 * What a citation carries besides the source (issue 15), the same in the app and the CLI: links
 * back into Marginalia, a word that a cited source or passage has since been deleted, and the
 * heading over the bibliography (Pandoc's `reference-section-title`; the footnotes style lists the
 * cited sources under it). An empty heading means no bibliography section in the footnotes style
 * and no heading in the pandoc one. `quotes` (issue 14): a quote with a translation is written as
 * the original, the translation, or both (the original, then the translation in brackets).
 */
export const ExportOptions = z.object({
  deepLinks: z.boolean().default(true),
  deletedNotes: z.boolean().default(true),
  bibliographyHeading: z.string().max(200).default('Bibliography'),
  quotes: QuoteMode.default('both'),
});
export type ExportOptions = z.output<typeof ExportOptions>;
export const DEFAULT_EXPORT_OPTIONS: ExportOptions = { deepLinks: true, deletedNotes: true, bibliographyHeading: 'Bibliography', quotes: 'both' };

/** The bibliography saved beside a Pandoc-style export: the Markdown's front matter names `jsonFileName`. */
export const ExportedBibliography = z.object({
  jsonFileName: z.string(),
  /** CSL-JSON, one entry per cited source, id = citekey. */
  json: z.string(),
  bibFileName: z.string(),
  /** The same entries as BibTeX. */
  bib: z.string(),
});
export type ExportedBibliography = z.infer<typeof ExportedBibliography>;

export const NoteExport = z.object({
  /** A name safe on every OS, ending in .md. */
  fileName: z.string(),
  markdown: z.string(),
  /** Present for the pandoc style; null for footnotes (its footnotes carry the sources). */
  bibliography: ExportedBibliography.nullable(),
});
export type NoteExport = z.infer<typeof NoteExport>;

export const HighlightsExport = z.object({ fileName: z.string(), markdown: z.string() });
export type HighlightsExport = z.infer<typeof HighlightsExport>;

export const exportOperations = {
  /** One note as Markdown in the chosen style, with its bibliography for the pandoc style. */
  exportNote: query(z.object({ noteId: NoteId, style: ExportStyle.default('footnotes'), ...ExportOptions.shape }), NoteExport),
  /** One source's highlights as Markdown: quote (and translation, by `quotes`), comment, tags and a link back to each passage. */
  exportSourceHighlights: query(z.object({ sourceId: SourceId, quotes: QuoteMode.default('both') }), HighlightsExport),
};

export type ExportOperations = typeof exportOperations;

/** Implementations, typed from the schemas as the contract's Handlers are (async: export loads its libraries on first use). */
export type ExportHandlers = {
  [K in keyof ExportOperations]: (request: z.output<ExportOperations[K]['request']>) => Promise<z.output<ExportOperations[K]['response']>>;
};

/** What the renderer calls, typed as the contract's Api is. */
export type ExportApi = {
  [K in keyof ExportOperations]: (request: z.input<ExportOperations[K]['request']>) => Promise<z.output<ExportOperations[K]['response']>>;
};
