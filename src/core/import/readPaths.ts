import fs from 'node:fs';
import path from 'node:path';
import type { ImportResult } from '../../shared/domain/source';
import { MAX_IMPORT_BYTES } from '../../shared/domain/source';
import type { FileToImport, LazyFile } from './importFiles';
import { tooLargeMessage } from './importFiles';

export interface PathScan {
  files: string[];
  /** Paths that could not be read, reported in the results like any failed file. */
  failures: ImportResult[];
  /** What a folder walk passed over, so the user hears that it did. */
  skipped: {
    /** Hidden files and folders (a name starting with "."), each counted once, not their contents. */
    hidden: number;
    /** Files of a type Marginalia does not import, by extension ("" for none), e.g. { ".docx": 2 }. */
    unsupported: Record<string, number>;
  };
}

function unreadable(target: string, error: unknown): ImportResult {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  return { file: target, status: 'failed', sourceId: null, error: `${target} cannot be read (${code}). Check the path and its permissions.` };
}

/** Files as given, and folders recursively; hidden entries are skipped. */
export function collectFiles(paths: string[], accept: (name: string) => boolean): PathScan {
  const files: string[] = [];
  const failures: ImportResult[] = [];
  const skipped: PathScan['skipped'] = { hidden: 0, unsupported: {} };
  // Real paths of folders already walked: a symlink to a parent folder would otherwise never end.
  const visited = new Set<string>();
  const walk = (target: string, explicit: boolean) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(target);
    } catch (error) {
      failures.push(unreadable(target, error));
      return;
    }
    if (stat.isDirectory()) {
      let entries: string[];
      try {
        const real = fs.realpathSync(target);
        if (visited.has(real)) return;
        visited.add(real);
        entries = fs.readdirSync(target).sort();
      } catch (error) {
        failures.push(unreadable(target, error));
        return;
      }
      for (const entry of entries) {
        if (entry.startsWith('.')) skipped.hidden++;
        else walk(path.join(target, entry), false);
      }
    } else if (explicit || accept(target)) {
      files.push(target);
    } else {
      const extension = path.extname(target).toLowerCase();
      skipped.unsupported[extension] = (skipped.unsupported[extension] ?? 0) + 1;
    }
  };
  for (const target of paths) walk(target, true);
  return { files, failures, skipped };
}

/** Files up to this size are read synchronously: a few tens of microseconds, less than the promises of an async read cost. */
const SYNC_READ_BYTES = 1024 * 1024;

/** Async for large files, so reading one never holds up the event loop (the Electron main process serves the UI). */
async function readFile(file: string): Promise<FileToImport> {
  try {
    const size = fs.statSync(file).size;
    if (size <= SYNC_READ_BYTES) return { name: file, bytes: fs.readFileSync(file) };
    // One open file for the size check and the read: each call is a trip to the thread pool.
    const handle = await fs.promises.open(file, 'r');
    try {
      const size = (await handle.stat()).size;
      if (size > MAX_IMPORT_BYTES) return { name: file, bytes: new Uint8Array(), unreadable: tooLargeMessage(size) };
      return { name: file, bytes: await handle.readFile() };
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return { name: file, bytes: new Uint8Array(), unreadable: `cannot be read (${code}). Check that it still exists and that you may read it.` };
  }
}

/** Files to be read one at a time, when the importer reaches each; a file over the size limit is refused without reading it. */
export function readFiles(files: string[]): LazyFile[] {
  return files.map((file) => ({ name: file, read: () => readFile(file) }));
}
