import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportResult } from '../../../../shared/domain/source';
import { isCancelledImport } from '../../../../shared/domain/source';
import { mutate } from '../../api/mutate';
import { errorMessage } from '../../api/errorMessage';
import { subscribeLibraryEvents } from '../../api/libraryEvents';
import type { ImportTransport } from './importInBatches';
import { failed, importInBatches } from './importInBatches';
import type { ImportRequest, ImportSelection, SkippedFiles } from './importSelection';
import { noneSkipped, selectChosenFiles } from './importSelection';

export type ImportState =
  | { phase: 'idle' }
  | {
      phase: 'running';
      label: string;
      done: number;
      /** 0 while the total is not known yet (reading a dropped folder, the sample library). */
      total: number;
      current: string | null;
      /** Null when this import cannot be cancelled (the sample library). */
      cancel: (() => void) | null;
      cancelling: boolean;
    }
  | { phase: 'done'; title: string; results: ImportResult[]; skipped: SkippedFiles };

export interface Importer {
  state: ImportState;
  /** Files chosen or dropped, a chosen folder's selection, or a dropped folder still to be read. */
  importFiles(request: ImportRequest): Promise<void>;
  importSampleLibrary(): Promise<void>;
  dismiss(): void;
}

const transport: ImportTransport = {
  importFiles: (files) => mutate('importFiles', { files }),
  cancelImport: () => mutate('cancelImport', {}),
  onProgress: (listener) =>
    subscribeLibraryEvents((event) => {
      if (event.type === 'importProgress') listener(event);
    }),
};

type Running = Extract<ImportState, { phase: 'running' }>;

function stopFrames(frame: { current: number }): void {
  cancelAnimationFrame(frame.current);
  frame.current = 0;
}

const noneSelected: ImportSelection = { items: [], skipped: noneSkipped(), failures: [] };
const toSelection = (request: Exclude<ImportRequest, () => unknown>): ImportSelection => ('items' in request ? request : selectChosenFiles(request));

const labelFor = (selection: ImportSelection) =>
  selection.items.length === 1 ? `Importing ${selection.items[0]?.name}` : `Importing ${selection.items.length} files`;

/**
 * Imports what the user chose or dropped and keeps one summary of the outcome. Progress arrives
 * for every file (hundreds a second); it is drawn at most once a frame, so a 1,000-file import
 * never floods React with renders.
 */
export function useImport(): Importer {
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const running = useRef(false);
  const frame = useRef(0);
  useEffect(() => () => stopFrames(frame), []);

  const importFiles = useCallback(async (request: ImportRequest) => {
    if (running.current) return;
    running.current = true;
    let cancelled = false;
    // A dropped folder is read first (that takes a moment for thousands of files); the rest is known now.
    const gather = typeof request === 'function' ? request : null;
    const ready = typeof request === 'function' ? null : toSelection(request);
    let shown: Running = { phase: 'running', label: ready ? labelFor(ready) : 'Reading the folder', done: 0, total: ready?.items.length ?? 0, current: null, cancel: null, cancelling: false };
    const show = (next: Running, now = false) => {
      shown = next;
      if (now) {
        stopFrames(frame);
        setState(shown);
      } else if (frame.current === 0) {
        frame.current = requestAnimationFrame(() => {
          frame.current = 0;
          setState(shown);
        });
      }
    };
    const cancel = () => {
      if (cancelled) return;
      cancelled = true;
      show({ ...shown, cancelling: true }, true);
      // The batch in flight stops after its current file; no further batch is sent (importInBatches asks isCancelled).
      void mutate('cancelImport', {}).catch(() => undefined);
    };
    show({ ...shown, cancel }, true);
    try {
      let selection = ready ?? noneSelected;
      if (gather) {
        selection = await gather();
        show({ ...shown, label: labelFor(selection), total: selection.items.length }, true);
      }
      const results = [
        ...selection.failures,
        ...(await importInBatches(selection.items, transport, {
          isCancelled: () => cancelled,
          onProgress: (done, current) => show({ ...shown, done, current: current ?? shown.current }),
        })),
      ];
      stopFrames(frame);
      // A Cancel clicked after the last batch was sent stopped nothing: the import finished.
      const title = results.some(isCancelledImport) ? 'Import cancelled' : results.length === 0 ? 'No articles found' : 'Import finished';
      setState({ phase: 'done', title, results, skipped: selection.skipped });
    } catch (error) {
      stopFrames(frame);
      setState({ phase: 'done', title: 'Import failed', results: [failed('Import', errorMessage(error, 'read what was dropped'))], skipped: noneSkipped() });
    } finally {
      running.current = false;
    }
  }, []);

  const importSampleLibrary = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    setState({ phase: 'running', label: 'Loading the sample library', done: 0, total: 0, current: null, cancel: null, cancelling: false });
    let results: ImportResult[];
    try {
      results = await mutate('importSampleLibrary', {});
    } catch (error) {
      results = [failed('Sample library', errorMessage(error, 'load the sample library'))];
    } finally {
      running.current = false;
    }
    setState({ phase: 'done', title: 'Sample library', results, skipped: noneSkipped() });
  }, []);

  const dismiss = useCallback(() => setState((current) => (current.phase === 'done' ? { phase: 'idle' } : current)), []);

  return { state, importFiles, importSampleLibrary, dismiss };
}
