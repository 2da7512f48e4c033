import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { dispatch } from '../../src/core/dispatch';
import { createHandlers } from '../../src/core/handlers';
import { Library } from '../../src/core/library';
import { createNote } from '../../src/core/notes/notes';
import type { NoteDocEditor } from '../../src/core/notes/yjs/noteDocEditor';
import { createNoteDocEditor } from '../../src/core/notes/yjs/noteDocEditor';
import { typeAtEnd } from '../../src/core/notes/yjs/testWindow';
import type { NoteDocTransport } from '../../src/renderer/src/editor/collab/NoteDocProvider';
import { NoteDocProvider } from '../../src/renderer/src/editor/collab/NoteDocProvider';
import type { LibraryEvent } from '../../src/shared/api/contract';
import { openTestLibrary, type TestLibrary } from '../support/library';

/**
 * Issue 12: the renderer's Yjs provider against the real library, through the same validating
 * dispatch the IPC and HTTP transports use, with each window's event stream simulated (and cut,
 * to check the re-sync after a reconnect). Each window's document is bound to a headless Lexical
 * editor, as the CollaborationPlugin binds the app's.
 */
let testLibrary: TestLibrary;
let library: Library;
let handlers: ReturnType<typeof createHandlers>;
const streams = new Set<{ listener: (event: LibraryEvent) => void; window: FakeWindow }>();

beforeEach(() => {
  testLibrary = openTestLibrary();
  testLibrary.db.close();
  library = Library.open(testLibrary.file);
  handlers = createHandlers(library, { emit: (event) => streams.forEach((stream) => stream.window.online && stream.listener(event)) });
});
afterEach(async () => {
  streams.clear();
  await handlers.close();
  library.close();
  testLibrary.cleanup();
});

class FakeWindow {
  online = true;
  private reconnect = new Set<() => void>();
  readonly editor: NoteDocEditor;
  readonly provider: NoteDocProvider;

  constructor(noteId: number) {
    const doc = new Y.Doc();
    this.editor = createNoteDocEditor(doc);
    const call = async (operation: 'openNoteDoc' | 'applyNoteUpdate', request: unknown) => {
      if (!this.online) throw new Error('The Marginalia server is not reachable.');
      const result = await dispatch(handlers, operation, request, (event) => streams.forEach((stream) => stream.window.online && stream.listener(event)));
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    };
    const transport: NoteDocTransport = {
      openNoteDoc: (request) => call('openNoteDoc', request) as never,
      applyNoteUpdate: (request) => call('applyNoteUpdate', request),
      subscribe: (listener) => {
        const stream = { listener, window: this };
        streams.add(stream);
        return () => streams.delete(stream);
      },
      onReconnect: (listener) => {
        this.reconnect.add(listener);
        return () => this.reconnect.delete(listener);
      },
    };
    this.provider = new NoteDocProvider(noteId, doc, transport);
  }

  /** Types at the end, in a new paragraph, through the bound editor (as a person types into the app's). */
  type(text: string): void {
    typeAtEnd(this.editor, text, { newParagraph: true });
  }

  text(): string {
    return JSON.stringify(JSON.parse(this.editor.toEditorStateJson()));
  }

  comeBack(): void {
    this.online = true;
    for (const listener of this.reconnect) listener();
  }
}

const synced = (provider: NoteDocProvider) => new Promise<void>((resolve) => (provider.isSynced ? resolve() : provider.on('sync', () => resolve())));
const plainText = (noteId: number) => (library.db.prepare('SELECT plain_text FROM notes WHERE id = ?').get(noteId) as { plain_text: string }).plain_text;
const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(check()).toBe(true);
};

describe('the note document provider', () => {
  it('says "saving" until the library has committed what was typed, then "saved"', async () => {
    const noteId = createNote(library.db, { title: 'Status' }).id;
    const window = new FakeWindow(noteId);
    window.provider.connect();
    await synced(window.provider);
    window.type('Typed words');
    expect(window.provider.saveStatus.state).toBe('saving');
    expect(plainText(noteId)).not.toContain('Typed words');
    await window.provider.flush();
    expect(window.provider.saveStatus.state).toBe('saved');
    expect(plainText(noteId)).toContain('Typed words');
  });

  it('relays one window’s typing to the other, and re-syncs a window whose event stream was cut', async () => {
    const noteId = createNote(library.db, { title: 'Relay' }).id;
    const [a, b] = [new FakeWindow(noteId), new FakeWindow(noteId)];
    a.provider.connect();
    b.provider.connect();
    await Promise.all([synced(a.provider), synced(b.provider)]);
    a.type('from a');
    await a.provider.flush();
    await until(() => b.text().includes('from a'));

    // b goes offline: it misses a's next words, and its own cannot be sent.
    b.online = false;
    a.type('a while b was away');
    await a.provider.flush();
    b.type('b while away');
    await b.provider.flush();
    expect(b.provider.saveStatus.state).toBe('failed');
    expect(b.text()).not.toContain('a while b was away');

    b.comeBack();
    await until(() => b.text().includes('a while b was away'));
    await b.provider.flush();
    await until(() => a.text().includes('b while away'));
    expect(b.provider.saveStatus.state).toBe('saved');
    for (const words of ['from a', 'a while b was away', 'b while away']) expect(plainText(noteId)).toContain(words);
    expect(a.text()).toBe(b.text());
  });
});
