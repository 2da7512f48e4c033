import { createHash } from 'node:crypto';
import path from 'node:path';

/**
 * The userData folder of the instance that has `libraryPath` open. Electron's single-instance lock
 * (and the windows file, and the pages' local storage) belong to userData, so one folder per
 * library gives one instance per library: a second launch on the same library focuses the first,
 * a launch on another library opens beside it. The default library keeps userData itself, so
 * nothing moves for the common case.
 */
export function userDataForLibrary(libraryPath: string, userData: string, defaultLibraryPath: string): string {
  const same = (a: string, b: string) => (process.platform === 'win32' || process.platform === 'darwin' ? a.toLowerCase() === b.toLowerCase() : a === b);
  if (same(path.resolve(libraryPath), path.resolve(defaultLibraryPath))) return userData;
  const key = createHash('sha256').update(path.resolve(libraryPath)).digest('hex').slice(0, 16);
  return path.join(userData, 'Libraries', key);
}
