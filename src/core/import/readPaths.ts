import fs from 'node:fs';
import path from 'node:path';
import type { ImportResult } from '../../shared/domain/source';
import type { FileToImport } from './importFiles';

export interface PathScan {
  files: string[];
  /** Paths that could not be read, reported in the results like any failed file. */
  failures: ImportResult[];
}

/** Files as given, and folders recursively; hidden entries are skipped. */
export function collectFiles(paths: string[], accept: (name: string) => boolean): PathScan {
  const files: string[] = [];
  const failures: ImportResult[] = [];
  const walk = (target: string, explicit: boolean) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(target);
    } catch (error) {
      failures.push({ file: target, status: 'failed', sourceId: null, error: `${target} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}). Check the path.` });
      return;
    }
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(target).sort()) {
        if (!entry.startsWith('.')) walk(path.join(target, entry), false);
      }
    } else if (explicit || accept(target)) {
      files.push(target);
    }
  };
  for (const target of paths) walk(target, true);
  return { files, failures };
}

export function* readFiles(files: string[]): Generator<FileToImport> {
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      bytes = new Uint8Array(); // reported as empty by the importer; a vanished file has no text
    }
    yield { name: file, bytes };
  }
}
