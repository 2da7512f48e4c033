import { z } from 'zod';
import { ReanchorReport } from '../domain/highlight';
import { ImportResult, MAX_IMPORT_BYTES, Source, SourceId, SourceMetadataPatch, SourceSort, SourceSummary } from '../domain/source';
import { mutation, query } from './operation';

/** base64 grows bytes by 4/3; the limit leaves room so the importer, not the transport, reports oversize files. */
const MAX_BASE64_CHARS = Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 1024;

export const ImportFile = z.object({
  name: z.string().min(1).max(1024),
  contentBase64: z.string().max(MAX_BASE64_CHARS * 2),
});
export type ImportFile = z.infer<typeof ImportFile>;

export const libraryOperations = {
  listSources: query(
    z.object({ sort: SourceSort.default('date'), outlet: z.string().nullable().default(null) }),
    z.array(SourceSummary),
  ),
  listOutlets: query(z.object({}), z.array(z.string())),
  getSource: query(z.object({ id: SourceId }), Source),
  importFiles: mutation(z.object({ files: z.array(ImportFile).min(1).max(1000) }), z.array(ImportResult)),
  importSampleLibrary: mutation(z.object({}), z.array(ImportResult)),
  /** Stops every running importFiles after the file in hand; `cancelled` says whether one was running. */
  cancelImport: mutation(z.object({}), z.object({ cancelled: z.boolean() })),
  updateSource: mutation(z.object({ id: SourceId, patch: SourceMetadataPatch }), Source),
  /**
   * Re-imports a corrected version of the article onto a source: parsed as an import is, then its
   * text, original file and sha-256 are replaced and its highlights re-anchored, all at once; the
   * metadata is kept. Refused (library unchanged) for a file that cannot be imported or is another source's.
   */
  replaceSourceText: mutation(z.object({ sourceId: SourceId, file: ImportFile }), ReanchorReport),
  deleteSource: mutation(z.object({ id: SourceId }), z.object({ deleted: z.boolean() })),
  /**
   * `readOnly`: the library could not be opened for writing (a file, folder or mount this user may
   * not write); reading, searching and exporting work, every change answers `unavailable` saying why.
   * `readOnlyReason` is that why, e.g. "the file /media/usb/library.sqlite is not writable by you (permission denied)".
   */
  libraryInfo: query(
    z.object({}),
    z.object({ path: z.string(), sourceCount: z.number().int(), schemaVersion: z.number().int(), readOnly: z.boolean(), readOnlyReason: z.string().nullable() }),
  ),
};
