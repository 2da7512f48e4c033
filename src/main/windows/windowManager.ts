import type { WebContents } from 'electron';
import { app, BrowserWindow, ipcMain, screen } from 'electron';
import path from 'node:path';
import { IPC_EVENT_CHANNEL, IPC_VIEW_CHANNEL } from '../../shared/api/bridge';
import type { LibraryEvent } from '../../shared/api/contract';
import { sourceDeepLink } from '../../shared/text/deepLink';
import { createMainWindow } from '../createMainWindow';
import { acceptViewReport } from '../ipc/handleIpcMessage';
import { describeSender } from '../ipc/registerIpc';
import type { WindowState } from './windowStates';
import { cascade, placeOnScreen, readWindowStates, WINDOW_STATES_FILE, WindowStateStore, writeWindowStates } from './windowStates';

/** Moves and resizes come in bursts; the file is written this long after the last one (and at once on close). */
const SAVE_DELAY_MS = 500;

/**
 * The library's windows: reopened as they were (windowStates.ts decides what is kept), "New
 * window" beside the focused one, each window's place and open article remembered. Every window
 * is a full client of the same library (registerIpc sends events to all of them).
 */
export class WindowManager {
  private readonly store = new WindowStateStore();
  private readonly file = path.join(app.getPath('userData'), WINDOW_STATES_FILE);
  private saveTimer: NodeJS.Timeout | undefined;

  constructor(private readonly devServer: string | undefined) {
    app.on('before-quit', () => this.store.quit());
    ipcMain.on(IPC_VIEW_CHANNEL, (event, payload: unknown) => {
      const view = acceptViewReport(describeSender(event, this.contents), payload, this.devServer);
      const window = BrowserWindow.fromWebContents(event.sender);
      if (!view || !window) return;
      this.store.changed(window.id, view);
      this.scheduleSave();
    });
  }

  /** Every window's page, for events and the IPC sender check. */
  readonly contents = (): WebContents[] => BrowserWindow.getAllWindows().map((window) => window.webContents);

  /** The windows saved last time, or one window. */
  async restore(): Promise<void> {
    const saved = readWindowStates(this.file);
    const areas = this.workAreas();
    if (saved.length === 0) await this.open({ bounds: placeOnScreen(null, areas), maximized: false, sourceId: null });
    for (const state of saved) await this.open({ ...state, bounds: placeOnScreen(state.bounds, areas) });
  }

  /** File → New Window: a library window beside the focused one. */
  async openNew(): Promise<void> {
    const from = this.focused();
    await this.open({ bounds: from ? cascade(from.getBounds(), this.workAreas()) : placeOnScreen(null, this.workAreas()), maximized: false, sourceId: null });
  }

  /** The window to act in: the focused one, else the one used last. */
  focused(): BrowserWindow | null {
    return BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows().at(-1) ?? null;
  }

  /** A second launch (or a deep link) brings the app forward. */
  focus(): BrowserWindow | null {
    const window = this.focused();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
    return window;
  }

  /** An event for one window only (a deep link opens in one window, not in all). */
  sendTo(window: BrowserWindow | null, event: LibraryEvent): void {
    if (window && !window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, event);
  }

  private async open(state: WindowState): Promise<BrowserWindow> {
    const window = await createMainWindow(state.bounds, state.maximized, this.devServer);
    const id = window.id;
    this.store.opened(id, state);
    const track = () => {
      if (window.isDestroyed() || window.isMinimized() || window.isFullScreen()) return;
      const maximized = window.isMaximized();
      // A maximized window keeps the place it had before, to go back to when unmaximized.
      this.store.changed(id, maximized ? { maximized } : { maximized, bounds: window.getBounds() });
      this.scheduleSave();
    };
    for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event as 'resize', track);
    window.on('closed', () => this.save(this.store.closed(id)));
    // The article it showed, through the same path as a deep link (the preload holds it until the page listens).
    if (state.sourceId !== null) this.sendTo(window, { type: 'openDeepLink', url: sourceDeepLink(state.sourceId) });
    return window;
  }

  private workAreas() {
    const primary = screen.getPrimaryDisplay();
    return [primary, ...screen.getAllDisplays().filter((display) => display.id !== primary.id)].map((display) => display.workArea);
  }

  private scheduleSave(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.save(this.store.states()), SAVE_DELAY_MS);
  }

  private save(states: WindowState[]): void {
    clearTimeout(this.saveTimer);
    try {
      writeWindowStates(this.file, states);
    } catch (error) {
      // Only layout: a failure is logged, never in the user's way.
      console.error('marginalia: could not remember the windows', error);
    }
  }
}
