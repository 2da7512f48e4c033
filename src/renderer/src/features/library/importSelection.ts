import type { ImportResult } from '../../../../shared/domain/source';
import { importExtension, isSupportedImportName } from '../../../../shared/domain/source';

/** One file to send, with the name it is reported under: its path inside a chosen folder, else its own name. */
export interface ImportItem {
  file: File;
  name: string;
}

/** What a folder walk passed over, so the summary can say so (the CLI counts the same way). */
export interface SkippedFiles {
  /** Hidden files and folders (a name starting with "."), each counted once, not their contents. */
  hidden: number;
  /** Files of a type the importer does not read, by extension ("" for none), e.g. { ".jpg": 2 }. */
  unsupported: Record<string, number>;
}

export interface ImportSelection {
  items: ImportItem[];
  skipped: SkippedFiles;
  /** Entries that could not even be listed or opened, reported like any failed file. */
  failures: ImportResult[];
}

/** Files chosen or dropped one by one, or a selection still to be gathered (walking a dropped folder takes a while). */
export type ImportRequest = readonly File[] | ImportSelection | (() => Promise<ImportSelection>);

export const noneSkipped = (): SkippedFiles => ({ hidden: 0, unsupported: {} });

export const isHiddenName = (name: string): boolean => name.startsWith('.');

export function countUnsupported(skipped: SkippedFiles, name: string): void {
  const extension = importExtension(name);
  skipped.unsupported[extension] = (skipped.unsupported[extension] ?? 0) + 1;
}

export function skippedCount(skipped: SkippedFiles): number {
  return skipped.hidden + Object.values(skipped.unsupported).reduce((sum, count) => sum + count, 0);
}

/**
 * Files the user picked by name are all sent, whatever their type: the importer then says why one
 * is refused, which helps more than silently leaving out a file that was asked for.
 */
export function selectChosenFiles(files: readonly File[]): ImportSelection {
  return { items: files.map((file) => ({ file, name: file.name })), skipped: noneSkipped(), failures: [] };
}

/** What a folder input (`webkitdirectory`) yields: every file below the folder, with its path from the folder's name down. */
export interface FolderInputFile {
  name: string;
  webkitRelativePath: string;
}

/**
 * The articles in a chosen folder, in path order (as the CLI walks a folder): hidden files and
 * everything in hidden folders are skipped (a hidden folder is counted once), and so are types the
 * importer does not read. The chosen folder itself may be hidden: the user asked for it.
 */
export function selectFolderFiles<T extends FolderInputFile>(files: readonly T[]): { items: { file: T; name: string }[]; skipped: SkippedFiles } {
  const skipped = noneSkipped();
  const hiddenPaths = new Set<string>();
  const items: { file: T; name: string }[] = [];
  for (const file of files) {
    const path = file.webkitRelativePath || file.name;
    const segments = path.split('/');
    const hiddenAt = segments.findIndex((segment, index) => index > 0 && isHiddenName(segment));
    if (hiddenAt !== -1) hiddenPaths.add(segments.slice(0, hiddenAt + 1).join('/'));
    else if (!isSupportedImportName(path)) countUnsupported(skipped, path);
    else items.push({ file, name: path });
  }
  skipped.hidden = hiddenPaths.size;
  items.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { items, skipped };
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** "Skipped 1 hidden file or folder and 2 unsupported files (.jpg 1, .docx 1)." or null when nothing was. */
export function describeSkipped(skipped: SkippedFiles): string | null {
  const types = Object.entries(skipped.unsupported).sort(([, a], [, b]) => b - a);
  const unsupported = types.reduce((sum, [, count]) => sum + count, 0);
  const parts = [
    skipped.hidden > 0 ? plural(skipped.hidden, 'hidden file or folder', 'hidden files or folders') : null,
    unsupported > 0 ? `${plural(unsupported, 'unsupported file', 'unsupported files')} (${types.map(([extension, count]) => `${extension || 'no extension'} ${count}`).join(', ')})` : null,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? `Skipped ${parts.join(' and ')}.` : null;
}
