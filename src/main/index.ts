import { app, dialog, protocol } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import type { HandlerOptions } from '../core/handlers';
import { createHandlers } from '../core/handlers';
import { backupIfDue, restoreLibrary } from '../core/backup';
import { LibraryDamagedError } from '../core/db/openDatabase';
import { Library } from '../core/library';
import { LIBRARY_FILE_NAME, resolveLibraryPath } from '../core/paths';
// Bundled as its own file beside this one: the search worker thread's entry (src/core/search/searchWorker.ts).
import searchWorkerPath from '../core/search/searchWorker?modulePath';
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

/** Opens the library; when it is damaged, offers to restore the newest good backup (never writes to it otherwise). */
async function openLibraryOrOfferBackup(libraryPath: string): Promise<Library | null> {
  const nativeBinding = electronSqliteBinding();
  try {
    return Library.open(libraryPath, { nativeBinding });
  } catch (error) {
    if (error instanceof LibraryDamagedError && error.newestGoodBackup) {
      const { response } = await dialog.showMessageBox({
        type: 'error',
        title: 'The library is damaged',
        message: 'Marginalia’s library is damaged, so it was not opened.',
        detail: `${error.message}\n\nRestore the newest good backup now? The damaged file is kept beside it, renamed.`,
        buttons: ['Restore from backup', 'Quit'],
        defaultId: 0,
        cancelId: 1,
      });
      if (response !== 0) return null;
      await restoreLibrary(libraryPath, error.newestGoodBackup);
      return Library.open(libraryPath, { nativeBinding });
    }
    const message = (error as Error).message;
    dialog.showErrorBox(
      'Marginalia cannot open its library',
      /NODE_MODULE_VERSION|better_sqlite3\.node/.test(message)
        ? `SQLite has not been built for the desktop app. Run \`npm run build:electron-sqlite\` (it needs Electron's headers from electronjs.org), then start again.\n\n${message}`
        : message,
    );
    return null;
  }
}

let windows: WindowManager | null = null;

async function start(): Promise<void> {
  const library = await openLibraryOrOfferBackup(libraryPath);
  if (!library) {
    app.exit(1);
    return;
  }
  app.on('will-quit', () => library.close());
  // The daily backup runs in the background; a failure is logged, never in the user's way.
  backupIfDue(library.db, library.path).catch((error: unknown) => console.error('marginalia: daily backup failed', error));

  serveRenderer();
  hardenSession((await import('electron')).session.defaultSession, devServer);
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));

  const manager = new WindowManager(devServer);
  const handlerOptions: HandlerOptions = { searchInWorker: { workerPath: searchWorkerPath, nativeBinding: electronSqliteBinding() } };
  const handlers = createHandlers(library, handlerOptions);
  app.on('will-quit', () => void handlers.close());
  const emit = registerIpc(handlers, manager.contents, devServer);
  handlerOptions.emit = emit;
  installMenu({ windows: manager, handlers, emit, library });

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
