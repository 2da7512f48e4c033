import { BrowserWindow } from 'electron';
import path from 'node:path';
import { closeAfterSaving } from './closeAfterSaving';
import { askRendererToSave } from './ipc/askRendererToSave';
import { APP_ORIGIN } from './security';
import type { Bounds } from './windows/windowStates';
import { MIN_SIZE } from './windows/windowStates';

/**
 * One library window (windows/windowManager.ts opens as many as asked, each at its remembered
 * place). Its webPreferences are written out literally (not built by a helper) so that the
 * Electronegativity scan in `npm test` can see every setting. `devServer` is origins.ts's
 * devServerUrl(): set only by `npm run dev`.
 */
export async function createMainWindow(bounds: Bounds, maximized: boolean, devServer: string | undefined): Promise<BrowserWindow> {
  const window = new BrowserWindow({
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
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
  window.once('ready-to-show', () => {
    if (maximized) window.maximize();
    window.show();
  });
  // The note being typed is saved before the window closes, on quit too.
  closeAfterSaving(window, () => askRendererToSave(window.webContents));
  await window.loadURL(devServer ?? `${APP_ORIGIN}/index.html`);
  return window;
}
