import fs from 'node:fs';
import path from 'node:path';
import type { ImportResult } from '../../shared/domain/source';
import { MAX_IMPORT_BYTES } from '../../shared/domain/source';
import type { FileToImport } from './importFiles';
import { tooLargeMessage } from './importFiles';

export interface PathScan {
  files: string[];
  /** Paths that could not be read, reported in the results like any failed file. */
  failures: ImportResult[];
}

function unreadable(target: string, error: unknown): ImportResult {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  return { file: target, status: 'failed', sourceId: null, error: `${target} cannot be read (${code}). Check the path and its permissions.` };
}

/** Files as given, and folders recursively; hidden entries are skipped. */
export function collectFiles(paths: string[], accept: (name: string) => boolean): PathScan {
  const files: string[] = [];
  const failures: ImportResult[] = [];
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
        if (!entry.startsWith('.')) walk(path.join(target, entry), false);
      }
    } else if (explicit || accept(target)) {
      files.push(target);
    }
  };
  for (const target of paths) walk(target, true);
  return { files, failures };
}

function readFile(file: string): FileToImport {
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_IMPORT_BYTES) return { name: file, bytes: new Uint8Array(), unreadable: tooLargeMessage(size) };
    return { name: file, bytes: fs.readFileSync(file) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return { name: file, bytes: new Uint8Array(), unreadable: `cannot be read (${code}). Check that it still exists and that you may read it.` };
  }
}

/** Reads files lazily, one at a time; a file over the size limit is refused without reading it. */
export function* readFiles(files: string[]): Generator<FileToImport> {
  for (const file of files) yield readFile(file);
}
