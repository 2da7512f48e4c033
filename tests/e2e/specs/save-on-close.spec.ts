import Database from 'better-sqlite3';
import { expect, test } from '../fixtures';
import { NotesPage } from '../pages/NotesPage';

declare global {
  interface Window {
    /** The save the page registered with the bridge below, as main's close handler would run it. */
    saveBeforeClose?: () => Promise<void>;
  }
}

test.beforeEach(({ app: _app }, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'Stands in for the preload with a bridge over HTTP, which the real preload in Electron does not allow.');
});

/**
 * The desktop window's close, without Electron: a stand-in preload bridge (every operation over
 * the browser host, as the real one goes over IPC) that keeps the page's onSaveBeforeClose, so the
 * test can call it as main does when the window is closing (src/main/closeAfterSaving.ts).
 */
test('the desktop window saves the words typed last before it closes', async ({ app }) => {
  await app.page.addInitScript(() => {
    const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? sessionStorage.getItem('marginalia-token') ?? '';
    const call = async (operation: string, request: unknown) => {
      const response = await fetch(`/api/${operation}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(request ?? {}) });
      const body = (await response.json()) as { value?: unknown; error?: unknown };
      return response.ok ? { ok: true, value: body.value } : { ok: false, error: body.error };
    };
    const on = (listener: (event: unknown) => void) => {
      const events = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
      events.onmessage = (message) => listener(JSON.parse(message.data as string));
      return () => events.close();
    };
    const onSaveBeforeClose = (save: () => Promise<void>) => {
      window.saveBeforeClose = save;
      return () => undefined;
    };
    // Typed loosely on purpose: this stands in for the preload, whose type the page checks.
    (window as unknown as { marginalia: unknown }).marginalia = new Proxy(
      {},
      { get: (_target, name: string) => (name === 'on' ? on : name === 'onSaveBeforeClose' ? onSaveBeforeClose : (request: unknown) => call(name, request)) },
    );
  });
  await app.page.reload();
  const notes = new NotesPage(app.page);
  await notes.newNote('Closing time');
  await notes.type('The last words');
  // Closed at once, well inside the autosave's pause, and read at once: the close waited for the save.
  await app.page.evaluate(() => window.saveBeforeClose!());
  const library = new Database(app.libraryPath, { readonly: true });
  try {
    expect(library.prepare('SELECT title, plain_text AS text FROM notes').all()).toEqual([{ title: 'Closing time', text: 'The last words' }]);
  } finally {
    library.close();
  }
});
