import { useCallback, useRef, useState } from 'react';
import type { ImportResult } from '../../../../shared/domain/source';
import { MAX_IMPORT_BYTES } from '../../../../shared/domain/source';
import { api } from '../../api/client';
import { errorMessage } from '../../api/errorMessage';
import { markLibraryChanged, subscribeLibraryEvents } from '../../api/libraryEvents';
import { encodeBase64 } from './encodeBase64';
import { planBatches } from './importBatches';

export type ImportState =
  | { phase: 'idle' }
  | { phase: 'running'; label: string; done: number; total: number; current: string | null }
  | { phase: 'done'; label: string; results: ImportResult[] };

export interface Importer {
  state: ImportState;
  importFiles(files: readonly File[]): Promise<void>;
  importSampleLibrary(): Promise<void>;
  dismiss(): void;
}

const megabytes = (bytes: number) => (bytes / 1048576).toFixed(1);

function failed(file: string, error: string): ImportResult {
  return { file, status: 'failed', sourceId: null, error };
}

/** Too big to be worth reading into memory: refused here with the importer's own wording. */
function refuseOversize(file: File): ImportResult | null {
  if (file.size <= MAX_IMPORT_BYTES) return null;
  return failed(file.name, `${file.name} is ${megabytes(file.size)} MB, over the ${MAX_IMPORT_BYTES / 1048576} MB limit for one article. Split it or import only the article text.`);
}

async function importBatch(batch: readonly File[]): Promise<ImportResult[]> {
  const encoded: { name: string; contentBase64: string }[] = [];
  const unreadable: ImportResult[] = [];
  for (const file of batch) {
    try {
      encoded.push({ name: file.name, contentBase64: encodeBase64(new Uint8Array(await file.arrayBuffer())) });
    } catch (error) {
      unreadable.push(failed(file.name, `${file.name} could not be read (${errorMessage(error, 'read it')}). Check that it still exists and try again.`));
    }
  }
  if (encoded.length === 0) return unreadable;
  try {
    return [...(await api.importFiles({ files: encoded })), ...unreadable];
  } catch (error) {
    const reason = errorMessage(error, 'import');
    return [...encoded.map((file) => failed(file.name, `${file.name} was not imported: ${reason}`)), ...unreadable];
  }
}

/**
 * Imports files chosen or dropped by the user, in batches small enough for any transport, and
 * keeps one summary of the outcome. A failing file or batch never stops the others.
 */
export function useImport(): Importer {
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const running = useRef(false);

  const run = useCallback(async (label: string, total: number, work: (progress: (done: number, current: string | null) => void) => Promise<ImportResult[]>) => {
    if (running.current) return;
    running.current = true;
    setState({ phase: 'running', label, done: 0, total, current: null });
    const progress = (done: number, current: string | null) => setState({ phase: 'running', label, done, total, current });
    try {
      const results = await work(progress);
      setState({ phase: 'done', label, results });
    } finally {
      running.current = false;
      markLibraryChanged();
    }
  }, []);

  const importFiles = useCallback(
    (files: readonly File[]) =>
      run(files.length === 1 ? `Importing ${files[0]?.name}` : `Importing ${files.length} files`, files.length, async (progress) => {
        const results: ImportResult[] = [];
        const readable: File[] = [];
        for (const file of files) {
          const refused = refuseOversize(file);
          if (refused) results.push(refused);
          else readable.push(file);
        }
        for (const batch of planBatches(readable)) {
          const before = results.length;
          progress(before, batch[0]?.name ?? null);
          // The library reports each file of the batch as it goes.
          const unsubscribe = subscribeLibraryEvents((event) => {
            if (event.type === 'importProgress') progress(before + event.done, event.file);
          });
          try {
            results.push(...(await importBatch(batch)));
          } finally {
            unsubscribe();
          }
        }
        return results;
      }),
    [run],
  );

  const importSampleLibrary = useCallback(
    () =>
      run('Loading the sample library', 0, async () => {
        try {
          return await api.importSampleLibrary({});
        } catch (error) {
          return [failed('Sample library', errorMessage(error, 'load the sample library'))];
        }
      }),
    [run],
  );

  const dismiss = useCallback(() => setState((current) => (current.phase === 'done' ? { phase: 'idle' } : current)), []);

  return { state, importFiles, importSampleLibrary, dismiss };
}
