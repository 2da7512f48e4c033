/** What closeAfterSaving needs of a BrowserWindow: structural, so it is tested without Electron. */
export interface ClosableWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  close(): void;
  isDestroyed(): boolean;
}

/**
 * How long a close waits for the page to save. A save is a few milliseconds of SQLite; this only
 * bounds a page that hangs or never answers, so the window still closes.
 */
export const SAVE_BEFORE_CLOSE_TIMEOUT_MS = 2000;

/**
 * Closing the window (its ×, Ctrl/Cmd+W, or quitting, which closes every window) first lets the
 * page save the note being typed, then closes for real (issue 4: nothing typed is lost on close
 * or quit). The page's own `beforeunload` flush is not enough in Electron: by then the page is
 * being torn down, and a save that must wait for an earlier one still travelling over IPC never
 * gets sent. So the first `close` is cancelled, `save` asks the page to flush and resolves when it
 * has (or after `timeoutMs`), and the window is closed again, this time let through. A cancelled
 * close also cancels a quit in progress; the second close ends the last window, and the app's
 * `window-all-closed` handler quits. A failed save does not keep the window open: the page shows
 * the failure, and a window that cannot be closed would be worse.
 */
export function closeAfterSaving(window: ClosableWindow, save: () => Promise<void>, timeoutMs = SAVE_BEFORE_CLOSE_TIMEOUT_MS): void {
  let phase: 'open' | 'saving' | 'saved' = 'open';
  window.on('close', (event) => {
    if (phase === 'saved') return;
    event.preventDefault();
    // Closing again while saving (a second click on ×) just waits for the same save.
    if (phase === 'saving') return;
    phase = 'saving';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    const saved = save().catch((error: unknown) => console.error('marginalia: saving before the window closed failed', error));
    void Promise.race([saved, timeout]).then(() => {
      clearTimeout(timer);
      phase = 'saved';
      if (!window.isDestroyed()) window.close();
    });
  });
}
