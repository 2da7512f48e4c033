import type { ImportFile } from '../../../../shared/api/library';
import type { ImportResult } from '../../../../shared/domain/source';
import { IMPORT_CANCELLED_MESSAGE, MAX_IMPORT_BYTES } from '../../../../shared/domain/source';
import { encodeBase64 } from './encodeBase64';
import { planBatches } from './importBatches';
import type { ImportItem } from './importSelection';

/** The library operations an import needs (the API client in the app, a fake in tests). */
export interface ImportTransport {
  importFiles(files: ImportFile[]): Promise<ImportResult[]>;
  cancelImport(): Promise<unknown>;
  /** Progress the library reports for the batch in flight: files done of the batch's total. */
  onProgress(listener: (progress: { done: number; total: number; file: string }) => void): () => void;
}

export interface ImportRun {
  /** Asked before each batch is sent: true once the user cancelled. */
  isCancelled(): boolean;
  /** Files handled so far, of all the items, and the one being handled. */
  onProgress(done: number, current: string | null): void;
}

const baseName = (name: string) => name.slice(name.lastIndexOf('/') + 1);
const megabytes = (bytes: number) => (bytes / 1048576).toFixed(1);

export function failed(file: string, error: string): ImportResult {
  return { file, status: 'failed', sourceId: null, error };
}

/** In the library's own words, so the summary counts the app's and the library's cancelled files alike. */
export const notImported = (name: string): ImportResult => failed(name, `${baseName(name)} ${IMPORT_CANCELLED_MESSAGE}`);

/** Too big to be worth reading into memory: refused here with the importer's own wording. */
function refuseOversize(item: ImportItem): ImportResult | null {
  if (item.file.size <= MAX_IMPORT_BYTES) return null;
  return failed(item.name, `${baseName(item.name)} is ${megabytes(item.file.size)} MB, over the ${MAX_IMPORT_BYTES / 1048576} MB limit for one article. Split it or import only the article text.`);
}

async function encode(batch: readonly ImportItem[]): Promise<{ encoded: ImportFile[]; unreadable: ImportResult[] }> {
  const encoded: ImportFile[] = [];
  const unreadable: ImportResult[] = [];
  for (const { file, name } of batch) {
    try {
      encoded.push({ name, contentBase64: encodeBase64(new Uint8Array(await file.arrayBuffer())) });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      unreadable.push(failed(name, `${baseName(name)} could not be read (${reason}). Check that it still exists and try again.`));
    }
  }
  return { encoded, unreadable };
}

/**
 * Sends the items to the library in batches small enough for any transport, one batch at a time,
 * and returns a result for every item. A failing batch never stops the others. Once cancelled, no
 * further batch is sent (its files are reported as not imported) and the batch in flight is asked
 * to stop; what the library already committed stays.
 */
export async function importInBatches(items: readonly ImportItem[], transport: ImportTransport, run: ImportRun): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  const readable: ImportItem[] = [];
  for (const item of items) {
    const refused = refuseOversize(item);
    if (refused) results.push(refused);
    else readable.push(item);
  }
  const batches = planBatches(readable.map((item) => ({ ...item, size: item.file.size })));
  for (const [index, batch] of batches.entries()) {
    const { encoded, unreadable } = await encode(batch);
    // Checked after encoding, right before sending: a Cancel clicked meanwhile must still stop this batch.
    if (run.isCancelled()) {
      for (const rest of batches.slice(index)) results.push(...rest.map((item) => notImported(item.name)));
      break;
    }
    results.push(...unreadable);
    if (encoded.length === 0) continue;
    const before = results.length;
    run.onProgress(before, encoded[0]?.name ?? null);
    let cancelResent = false;
    let reported = 0;
    const unsubscribe = transport.onProgress((progress) => {
      // Events from another window's import (another total), or late ones from the last batch, are not ours.
      if (progress.total !== encoded.length || progress.done <= reported) return;
      reported = progress.done;
      run.onProgress(before + progress.done, progress.file);
      // A cancel that reached the library before this batch had started found nothing to stop: ask again.
      if (run.isCancelled() && !cancelResent) {
        cancelResent = true;
        void transport.cancelImport().catch(() => undefined);
      }
    });
    try {
      results.push(...(await transport.importFiles(encoded)));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      results.push(...encoded.map((file) => failed(file.name, `${baseName(file.name)} was not imported: ${reason}`)));
    } finally {
      unsubscribe();
    }
    run.onProgress(results.length, null);
  }
  return results;
}
