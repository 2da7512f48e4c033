import { app, BrowserWindow, dialog, net, protocol } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { HandlerOptions } from '../core/handlers';
import { createHandlers } from '../core/handlers';
import { Library } from '../core/library';
import { resolveLibraryPath } from '../core/paths';
import { registerIpc } from './ipc/registerIpc';
import { createMainWindow } from './createMainWindow';
import { APP_SCHEME, hardenContents, hardenSession } from './security';

app.setName('Marginalia');
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const rendererRoot = path.join(import.meta.dirname, '../renderer');

function libraryArgument(argv: string[]): string | undefined {
  const index = argv.indexOf('--library');
  return index >= 0 ? argv[index + 1] : argv.find((arg) => arg.startsWith('--library='))?.slice('--library='.length);
}

/** better-sqlite3 built against Electron's ABI lives beside the Node build (see README). */
function electronSqliteBinding(): string | undefined {
  const candidate = path.join(app.getAppPath(), '.electron-sqlite', 'build', 'Release', 'better_sqlite3.node');
  return process.env.MARGINALIA_SQLITE_BINDING ?? (fs.existsSync(candidate) ? candidate : undefined);
}

function serveRenderer(): void {
  protocol.handle(APP_SCHEME, (request) => {
    const { pathname } = new URL(request.url);
    const file = path.resolve(rendererRoot, `.${decodeURIComponent(pathname)}`);
    const inside = file.startsWith(rendererRoot + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile();
    return net.fetch(pathToFileURL(inside ? file : path.join(rendererRoot, 'index.html')).toString());
  });
}

async function start(): Promise<void> {
  const libraryPath = resolveLibraryPath(libraryArgument(process.argv), process.env, app.getPath('userData'));
  let library: Library;
  try {
    library = Library.open(libraryPath, { nativeBinding: electronSqliteBinding() });
  } catch (error) {
    dialog.showErrorBox('Marginalia cannot open its library', (error as Error).message);
    app.exit(1);
    return;
  }
  app.on('will-quit', () => library.close());

  serveRenderer();
  hardenSession((await import('electron')).session.defaultSession);
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));

  const handlerOptions: HandlerOptions = {};
  const windows = () => BrowserWindow.getAllWindows().map((window) => window.webContents);
  handlerOptions.emit = registerIpc(createHandlers(library, handlerOptions), windows);

  await createMainWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(start);
}
