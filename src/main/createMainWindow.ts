import { BrowserWindow } from 'electron';
import path from 'node:path';
import { closeAfterSaving } from './closeAfterSaving';
import { askRendererToSave } from './ipc/askRendererToSave';
import { APP_ORIGIN } from './security';

/**
 * The one window. Its webPreferences are written out literally (not built by a helper) so that
 * the Electronegativity scan in `npm test` can see every setting.
 */
export async function createMainWindow(): Promise<BrowserWindow> {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    title: 'Marginalia',
    show: false,
    webPreferences: {
      preload: path.join(import.meta.dirname, '../preload/index.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      // Middle-click would otherwise open links in new windows (Electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  // The note being typed is saved before the window closes, on quit too.
  closeAfterSaving(window, () => askRendererToSave(window.webContents));
  await window.loadURL(process.env.ELECTRON_RENDERER_URL ?? `${APP_ORIGIN}/index.html`);
  return window;
}
