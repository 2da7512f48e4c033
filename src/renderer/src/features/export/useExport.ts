import { useCallback, useState } from 'react';
import { errorMessage } from '../../api/errorMessage';
import type { DownloadableFile } from './downloadFile';
import { downloadFiles } from './downloadFile';

export interface ExportState {
  busy: boolean;
  /** What was saved, for the status line screen readers announce; null before the first export. */
  done: string | null;
  error: string | null;
  run: () => Promise<void>;
  dismissError: () => void;
}

/** Asks the library for the files (core makes every byte) and saves them; one export at a time. */
export function useExport(produce: () => Promise<DownloadableFile[]>, doing: string): ExportState {
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const files = await produce();
      await downloadFiles(files);
      setDone(`Saved ${files.map((file) => file.fileName).join(', ')}.`);
    } catch (caught) {
      setError(errorMessage(caught, doing));
    } finally {
      setBusy(false);
    }
  }, [produce, doing]);
  return { busy, done, error, run, dismissError: () => setError(null) };
}
