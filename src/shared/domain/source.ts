import { z } from 'zod';
import { isCalendarDate } from '../text/calendarDate';

/** A calendar date as the article gives it: YYYY-MM-DD, or null when the text does not say. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use the form YYYY-MM-DD')
  .refine(isCalendarDate, 'Not a real calendar date');

export const SourceId = z.number().int().positive();

export const SourceSummary = z.object({
  id: SourceId,
  title: z.string(),
  outlet: z.string().nullable(),
  author: z.string().nullable(),
  publishedAt: IsoDate.nullable(),
  url: z.string().nullable(),
  language: z.string().nullable(),
  citekey: z.string(),
  /** The file had no title: this one was made from the first sentence, and is marked so (exported in [brackets]). */
  titleDerived: z.boolean(),
});
export type SourceSummary = z.infer<typeof SourceSummary>;

export const Source = SourceSummary.extend({
  body: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  importedAt: z.string(),
  /** The researcher chose the citekey; an unpinned one follows the author, outlet, year and title. */
  citekeyPinned: z.boolean(),
});
export type Source = z.infer<typeof Source>;

const optionalText = (max: number) => z.string().trim().max(max).nullable();

/** Fields a researcher may correct. Empty strings mean "unknown" and are stored as null. */
export const SourceMetadataPatch = z
  .object({
    title: z.string().trim().min(1, 'A title cannot be empty').max(500),
    outlet: optionalText(200),
    author: optionalText(300),
    publishedAt: IsoDate.nullable(),
    url: z
      .string()
      .trim()
      .max(2000)
      .refine((value) => /^https?:\/\//i.test(value), 'A URL must start with http:// or https://')
      .nullable(),
    language: optionalText(35),
    citekey: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_][A-Za-z0-9_:.-]*$/, 'A citekey uses letters, digits and _ : . - only')
      .max(100),
    /**
     * false: generate the key from the details again (and follow them from now on); true: keep the
     * key as it is. A typed citekey is pinned without it, and cannot be sent with false.
     */
    citekeyPinned: z.boolean(),
  })
  .partial()
  .refine((patch) => !(patch.citekey !== undefined && patch.citekeyPinned === false), {
    message: 'A typed citekey is kept as typed: send either a citekey or citekeyPinned false, not both',
    path: ['citekeyPinned'],
  });
export type SourceMetadataPatch = z.infer<typeof SourceMetadataPatch>;

export const SourceSort = z.enum(['date', 'title']);
export type SourceSort = z.infer<typeof SourceSort>;

export const ImportStatus = z.enum(['imported', 'duplicate', 'failed']);
export const ImportResult = z.object({
  file: z.string(),
  status: ImportStatus,
  sourceId: SourceId.nullable(),
  error: z.string().nullable(),
});
export type ImportResult = z.infer<typeof ImportResult>;

// The importer's file types and size limit, in a module of their own that loads no zod: the parse
// worker reads them, and zod was a tenth of what its thread took to start.
export { importExtension, isSupportedImportName, MAX_IMPORT_BYTES, SUPPORTED_IMPORT_EXTENSIONS, type SupportedImportExtension } from './importFormats';

/** How a file left out by a cancelled import is reported (after its name), by core and by the app alike. */
export const IMPORT_CANCELLED_MESSAGE = 'was not imported: the import was cancelled.';

export function isCancelledImport(result: ImportResult): boolean {
  return result.status === 'failed' && result.error?.endsWith(IMPORT_CANCELLED_MESSAGE) === true;
}
