import { z } from 'zod';
import { ReanchorReport } from '../domain/highlight';
import { ImportResult, MAX_IMPORT_BYTES, Source, SourceId, SourceMetadataPatch } from '../domain/source';
import { Collection, CollectionName } from '../domain/compare';
import { SourcePage, SourcePageRequest, SourceSelection } from '../domain/sourceList';
import type { Change } from './changes';
import { mutation, query } from './operation';

/** base64 grows bytes by 4/3; the limit leaves room so the importer, not the transport, reports oversize files. */
const MAX_BASE64_CHARS = Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 1024;

export const ImportFile = z.object({
  name: z.string().min(1).max(1024),
  contentBase64: z.string().max(MAX_BASE64_CHARS * 2),
});
export type ImportFile = z.infer<typeof ImportFile>;

/** The sources an import added (duplicates and failures change nothing). */
function importedIds(results: readonly ImportResult[]): number[] {
  return results.flatMap((result) => (result.status === 'imported' && result.sourceId !== null ? [result.sourceId] : []));
}

/** A source deleted or brought back takes its highlights and what cites it along. */
export function sourcesGone(ids?: number[]): Change[] {
  return [
    { kind: 'sources', ids },
    { kind: 'highlights', ids },
    { kind: 'citations', ids },
    { kind: 'tags' },
  ];
}

export const libraryOperations = {
  /** One page of the library list, sorted and filtered in SQL (keyset paging), with its counts. */
  listSources: query(SourcePageRequest, SourcePage),
  listLanguages: query(z.object({}), z.array(z.string())),
  listOutlets: query(z.object({}), z.array(z.string())),
  getSource: query(z.object({ id: SourceId }), Source),
  importFiles: mutation(z.object({ files: z.array(ImportFile).min(1).max(1000) }), z.array(ImportResult), (request, results) => [{ kind: 'sources', ids: importedIds(results) }]),
  importSampleLibrary: mutation(z.object({}), z.array(ImportResult), (request, results) => [{ kind: 'sources', ids: importedIds(results) }]),
  /** Stops every running importFiles after the file in hand; `cancelled` says whether one was running. */
  cancelImport: mutation(z.object({}), z.object({ cancelled: z.boolean() }), []),
  updateSource: mutation(z.object({ id: SourceId, patch: SourceMetadataPatch }), Source, ({ id }) => [{ kind: 'sources', ids: [id] }]),
  /**
   * Re-imports a corrected version of the article onto a source: parsed as an import is, then its
   * text, original file and sha-256 are replaced and its highlights re-anchored, all at once; the
   * metadata is kept. Refused (library unchanged) for a file that cannot be imported or is another source's.
   */
  replaceSourceText: mutation(z.object({ sourceId: SourceId, file: ImportFile }), ReanchorReport, ({ sourceId }) => [
    { kind: 'sources', ids: [sourceId] },
    { kind: 'highlights', ids: [sourceId] },
  ]),
  deleteSource: mutation(z.object({ id: SourceId }), z.object({ deleted: z.boolean() }), ({ id }) => sourcesGone([id])),
  /**
   * Deletes every selected source with its highlights; `restoreSources` with the token undoes it
   * (the last bulk delete only, while the library stays open).
   */
  deleteSources: mutation(z.object({ selection: SourceSelection }), z.object({ deleted: z.number().int(), undoToken: z.string() }), () => sourcesGone()),
  restoreSources: mutation(z.object({ undoToken: z.string().max(100) }), z.object({ restored: z.number().int(), skipped: z.number().int() }), () => sourcesGone()),
  /** Sets the outlet of every selected source (blank or null: unknown). */
  setSourcesOutlet: mutation(z.object({ selection: SourceSelection, outlet: z.string().max(200).nullable() }), z.object({ updated: z.number().int() }), [{ kind: 'sources' }]),
  /** Adds every selected source to a collection, creating it when new (the library's bulk bar; the reader adds one with addToCollection). */
  addSourcesToCollection: mutation(z.object({ selection: SourceSelection, name: CollectionName }), Collection, [{ kind: 'collections' }]),
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
