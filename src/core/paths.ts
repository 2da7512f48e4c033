import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Marginalia';
export const LIBRARY_FILE_NAME = 'library.sqlite';

/** Electron's `app.getPath('userData')` for this app, computed the same way without Electron. */
export function userDataDirectory(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), APP_NAME);
}

/** `--library FILE` first, then `MARGINALIA_LIBRARY`, then the user data directory. */
export function resolveLibraryPath(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env, userData = userDataDirectory(env)): string {
  const chosen = explicit || env.MARGINALIA_LIBRARY;
  return chosen ? path.resolve(chosen) : path.join(userData, LIBRARY_FILE_NAME);
}
