import { app, dialog, protocol } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import type { LibraryEvent } from '../shared/api/contract';
import { restoreLibrary } from '../core/backup';
import { LIBRARY_FILE_NAME, resolveLibraryPath } from '../core/paths';
// Bundled as its own file beside this one: the search worker thread's entry (src/core/search/searchWorker.ts).
import searchWorkerPath from '../core/search/searchWorker?modulePath';
// And the import parser's (src/core/import/parseWorker.ts): HTML, PDF and Markdown parsed off the main thread.
import parseWorkerPath from '../core/import/parseWorker?modulePath';
// And the import's store worker (src/core/import/storeWorker.ts): its writes on their own connection, off the library process's thread.
import storeWorkerPath from '../core/import/storeWorker?modulePath';
// And the library's integrity check (src/core/db/integrityWorker.ts), off the start path.
import integrityWorkerPath from '../core/db/integrityWorker?modulePath';
// Likewise the library process's entry (an Electron utilityProcess).
import libraryProcessPath from './libraryProcess/libraryProcessEntry?modulePath';
import { LibraryClient } from './libraryProcess/libraryClient';
import { spawnLibraryProcess } from './libraryProcess/libraryProcess';
import { registerIpc } from './ipc/registerIpc';
import { DeepLinkQueue, deepLinkArgument, registerDeepLinkProtocol } from './deepLinks';
import { installMenu } from './menu/installMenu';
import { devServerUrl } from './origins';
import { APP_SCHEME, contentSecurityPolicy, hardenContents, hardenSession } from './security';
import { userDataForLibrary } from './windows/libraryInstance';
import { WindowManager } from './windows/windowManager';

app.setName('Marginalia');
/** `npm run dev`'s server, never in a packaged app (origins.ts). */
const devServer = devServerUrl(app.isPackaged, process.env);
registerDeepLinkProtocol();
const deepLinks = new DeepLinkQueue();
deepLinks.receive(deepLinkArgument(process.argv));
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const rendererRoot = path.join(import.meta.dirname, '../renderer');

function libraryArgument(argv: string[]): string | undefined {
  const index = argv.indexOf('--library');
  return index >= 0 ? argv[index + 1] : argv.find((arg) => arg.startsWith('--library='))?.slice('--library='.length);
}

// One instance per library: the single-instance lock belongs to userData, so a library other than
// the default one gets its own (windows/libraryInstance.ts). Set before the lock is asked for.
const defaultUserData = app.getPath('userData');
const libraryPath = resolveLibraryPath(libraryArgument(process.argv), process.env, defaultUserData);
app.setPath('userData', userDataForLibrary(libraryPath, defaultUserData, path.join(defaultUserData, LIBRARY_FILE_NAME)));

/**
 * better-sqlite3 built against Electron's ABI lives beside the Node build (see README). It is put in
 * MARGINALIA_SQLITE_BINDING so every connection core opens (backups, their checks, the search
 * worker) loads it, not only the library's own.
 */
function electronSqliteBinding(): string | undefined {
  const candidate = path.join(app.getAppPath(), '.electron-sqlite', 'build', 'Release', 'better_sqlite3.node');
  if (!process.env.MARGINALIA_SQLITE_BINDING && fs.existsSync(candidate)) process.env.MARGINALIA_SQLITE_BINDING = candidate;
  return process.env.MARGINALIA_SQLITE_BINDING;
}

const CONTENT_TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.json': 'application/json' };

/**
 * The renderer's files, read here rather than through net.fetch(file://): that would pass through
 * the webRequest filter (which allows only app://), and the CSP is set on each response, since
 * header events are not guaranteed for custom schemes.
 */
function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url).pathname);
    } catch {
      return new Response('Bad path', { status: 400 });
    }
    const file = path.resolve(rendererRoot, `.${pathname}`);
    const inside = file.startsWith(rendererRoot + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile();
    // A missing asset is a 404, not index.html (which would fail later as a wrong MIME type).
    if (!inside && path.extname(pathname) !== '' && path.extname(pathname) !== '.html') return new Response('Not found', { status: 404 });
    const target = inside ? file : path.join(rendererRoot, 'index.html');
    const body = await fs.promises.readFile(target);
    return new Response(body, { headers: { 'content-type': CONTENT_TYPES[path.extname(target)] ?? 'application/octet-stream', 'content-security-policy': contentSecurityPolicy(devServer) } });
  });
}

/**
 * Starts the library process and opens the library there; when it is damaged, offers to restore
 * the newest good backup (never writes to it otherwise). Resolves false when there is no library.
 */
async function openLibraryOrOfferBackup(client: LibraryClient): Promise<boolean> {
  const failure = await client.start();
  if (!failure) return true;
  if (failure.damaged && failure.newestGoodBackup) {
    const { response } = await dialog.showMessageBox({
      type: 'error',
      title: 'The library is damaged',
      message: 'Marginalia’s library is damaged, so it was not opened.',
      detail: `${failure.message}\n\nRestore the newest good backup now? The damaged file is kept beside it, renamed.`,
      buttons: ['Restore from backup', 'Quit'],
      defaultId: 0,
      cancelId: 1,
    });
    if (response !== 0) return false;
    await client.close();
    await restoreLibrary(libraryPath, failure.newestGoodBackup, undefined, { workerPath: integrityWorkerPath, nativeBinding: electronSqliteBinding() });
    const again = await client.reopen();
    if (!again) return true;
    dialog.showErrorBox('Marginalia cannot open its library', again.message);
    return false;
  }
  dialog.showErrorBox(
    'Marginalia cannot open its library',
    /NODE_MODULE_VERSION|better_sqlite3\.node/.test(failure.message)
      ? `SQLite has not been built for the desktop app. Run \`npm run build:electron-sqlite\` (it needs Electron's headers from electronjs.org), then start again.\n\n${failure.message}`
      : failure.message,
  );
  return false;
}

let windows: WindowManager | null = null;

async function start(): Promise<void> {
  // The library lives in its own process (libraryProcess/): a long import, restore or save there
  // never stalls a window. Main checks each IPC sender and relays requests and events.
  let emit: (event: LibraryEvent) => void = () => undefined;
  const client = new LibraryClient({
    spawn: () => spawnLibraryProcess(libraryProcessPath),
    options: { libraryPath, nativeBinding: electronSqliteBinding(), searchWorkerPath, parseWorkerPath, storeWorkerPath, integrityWorkerPath },
    onEvent: (event) => emit(event),
    onCrash: (code) => console.error(`marginalia: the library process stopped (exit code ${code}); it restarts on the next request.`),
  });
  if (!(await openLibraryOrOfferBackup(client))) {
    app.exit(1);
    return;
  }
  // The library is closed (what it is doing finished) before the app ends.
  let libraryClosed = false;
  app.on('will-quit', (event) => {
    if (libraryClosed) return;
    event.preventDefault();
    void client.close().finally(() => {
      libraryClosed = true;
      app.quit();
    });
  });
  // The daily backup runs in the background; a failure is logged, never in the user's way.
  void client.call('shell:backupIfDue', {}).then((result) => {
    if (!result.ok) console.error('marginalia: daily backup failed', result.error.message);
  });

  serveRenderer();
  hardenSession((await import('electron')).session.defaultSession, devServer);
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));

  const manager = new WindowManager(devServer);
  const call = (operation: string, payload: unknown) => client.call(operation, payload);
  emit = registerIpc(call, manager.contents, devServer);
  installMenu({ windows: manager, call, libraryPath });

  await manager.restore();
  windows = manager;
  // Links that launched the app (or arrived while it started) go to one window once it has loaded.
  deepLinks.deliverTo((url) => manager.sendTo(manager.focus(), { type: 'openDeepLink', url }));
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // A second launch (for example a marginalia:// link clicked in Obsidian) hands its link to this one.
  app.on('second-instance', (_event, argv) => {
    windows?.focus();
    deepLinks.receive(deepLinkArgument(argv));
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    deepLinks.receive(url);
  });
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      // Whatever failed at startup is said, not left as a process without a window.
      dialog.showErrorBox('Marginalia could not start', (error as Error).stack ?? String(error));
      app.exit(1);
    });
}
