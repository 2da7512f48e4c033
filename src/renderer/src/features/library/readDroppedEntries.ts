import { isSupportedImportName } from '../../../../shared/domain/source';
import type { ImportItem, ImportSelection } from './importSelection';
import { countUnsupported, isHiddenName, noneSkipped } from './importSelection';

/** The parts of the File and Directory Entries API a drop gives us (typed narrowly, so tests can fake them). */
export interface DroppedFileEntry {
  isFile: true;
  isDirectory: false;
  name: string;
  fullPath: string;
  file(success: (file: File) => void, failure: (error: unknown) => void): void;
}
export interface DroppedDirectoryEntry {
  isFile: false;
  isDirectory: true;
  name: string;
  fullPath: string;
  createReader(): { readEntries(success: (entries: DroppedEntry[]) => void, failure: (error: unknown) => void): void };
}
export type DroppedEntry = DroppedFileEntry | DroppedDirectoryEntry;

const fileOf = (entry: DroppedFileEntry) => new Promise<File>((resolve, reject) => entry.file(resolve, reject));

/** A directory's children. readEntries hands them over in chunks (100 at a time in Chromium) until it returns none. */
async function readChildren(directory: DroppedDirectoryEntry): Promise<DroppedEntry[]> {
  const reader = directory.createReader();
  const children: DroppedEntry[] = [];
  for (;;) {
    const chunk = await new Promise<DroppedEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (chunk.length === 0) return children;
    children.push(...chunk);
  }
}

const pathOf = (entry: DroppedEntry) => entry.fullPath.replace(/^\/+/, '') || entry.name;

const describeError = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The articles in what was dropped: dropped files as they are (the user chose them), dropped folders
 * recursively in path order, leaving out hidden entries (a hidden folder counted once, its contents
 * not walked) and types the importer does not read.
 */
export async function readDroppedEntries(entries: readonly DroppedEntry[]): Promise<ImportSelection> {
  const selection: ImportSelection = { items: [], skipped: noneSkipped(), failures: [] };
  const addFile = async (entry: DroppedFileEntry) => {
    try {
      selection.items.push({ file: await fileOf(entry), name: pathOf(entry) } satisfies ImportItem);
    } catch (error) {
      selection.failures.push(unreadable(pathOf(entry), describeError(error)));
    }
  };
  const walk = async (directory: DroppedDirectoryEntry): Promise<void> => {
    let children: DroppedEntry[];
    try {
      children = await readChildren(directory);
    } catch (error) {
      selection.failures.push(unreadable(pathOf(directory), describeError(error)));
      return;
    }
    children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const child of children) {
      if (isHiddenName(child.name)) selection.skipped.hidden++;
      else if (child.isDirectory) await walk(child);
      else if (isSupportedImportName(child.name)) await addFile(child);
      else countUnsupported(selection.skipped, child.name);
    }
  };
  for (const entry of entries) {
    if (entry.isDirectory) await walk(entry);
    else await addFile(entry);
  }
  return selection;
}

function unreadable(name: string, reason: string) {
  return { file: name, status: 'failed' as const, sourceId: null, error: `${name} could not be read (${reason}). Check that it still exists and that you may read it.` };
}
