import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LibraryEvent } from '../../shared/api/contract';
import { createHandlers } from '../../core/handlers';
import { Library } from '../../core/library';
import { TestWindow } from '../../core/notes/yjs/testWindow';
import { fanOut } from '../ipc/fanOut';
import type { LibraryProcessTransport } from './libraryClient';
import { CRASHED_MESSAGE, LibraryClient } from './libraryClient';
import type { OpenedLibrary, ParentPortLike } from './libraryServer';
import { serveLibrary } from './libraryServer';
import type { FromLibraryProcess, LibraryProcessOptions, ToLibraryProcess } from './protocol';

// Main's client and the library process's server, joined by a channel that structured-clones each
// message and delivers it on a later turn, as Electron's port does: a real library behind the
// real dispatch, the process boundary faked at its edge.
let directory: string;
beforeEach(() => {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'library-process-'));
});
afterEach(() => fs.rmSync(directory, { recursive: true, force: true }));

async function openLibrary(options: LibraryProcessOptions, emit: (event: LibraryEvent) => void): Promise<OpenedLibrary> {
  const library = Library.open(options.libraryPath);
  const handlers = createHandlers(library, { emit });
  return {
    handlers,
    shell: { 'shell:exportAllNotes': async () => ({ folder: 'x', files: [] }), 'shell:backupIfDue': async () => false },
    close: async () => {
      await handlers.close();
      library.close();
    },
  };
}

/** One "process": the server on its side of a cloned, asynchronous channel. */
function spawnInProcess(log: { exits: number }) {
  const toServer: ((event: { data: ToLibraryProcess }) => void)[] = [];
  const toClient: ((message: FromLibraryProcess) => void)[] = [];
  const exitListeners: ((code: number | null) => void)[] = [];
  let alive = true;
  const exit = (code: number | null) => {
    if (!alive) return;
    alive = false;
    log.exits++;
    setImmediate(() => exitListeners.splice(0).forEach((listener) => listener(code)));
  };
  const port: ParentPortLike = {
    postMessage: (message) => alive && setImmediate(() => toClient.forEach((listener) => listener(structuredClone(message)))),
    on: (_event, listener) => toServer.push(listener),
  };
  serveLibrary(port, openLibrary, exit);
  const transport: LibraryProcessTransport = {
    postMessage: (message) => alive && setImmediate(() => toServer.forEach((listener) => listener({ data: structuredClone(message) }))),
    onMessage: (listener) => toClient.push(listener),
    onExit: (listener) => exitListeners.push(listener),
    kill: () => exit(null),
  };
  return transport;
}

const note = (text: string) => ({ name: `${text}.txt`, contentBase64: Buffer.from(`${text}\n\nA paragraph about the Lachin corridor and the talks that went on around it.`).toString('base64') });

describe('the library served from its own process', () => {
  it('answers contract requests through dispatch, validation errors included, and sends events', async () => {
    const log = { exits: 0 };
    const events: LibraryEvent[] = [];
    const client = new LibraryClient({ spawn: () => spawnInProcess(log), options: { libraryPath: path.join(directory, 'library.sqlite') }, onEvent: (event) => events.push(event) });
    expect(await client.start()).toBeNull();
    const [imported, invalid, unknown] = await Promise.all([client.call('importFiles', { files: [note('First article')] }), client.call('getSource', { id: 'one' }), client.call('dropEverything', {})]);
    expect(imported).toMatchObject({ ok: true, value: [{ status: 'imported' }] });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await client.call('listSources', {})).toMatchObject({ ok: true, value: { sources: [{ title: expect.stringContaining('First article') }] } });
    expect(events).toContainEqual(expect.objectContaining({ type: 'libraryChanged', operation: 'importFiles', changes: expect.arrayContaining([expect.objectContaining({ kind: 'sources' })]) }));
    await client.close();
    expect(log.exits).toBe(1);
  });

  it('keeps what was committed when the process dies, answers the lost request `unavailable`, and serves again from a new process', async () => {
    const log = { exits: 0 };
    const transports: LibraryProcessTransport[] = [];
    const client = new LibraryClient({
      spawn: () => {
        const transport = spawnInProcess(log);
        transports.push(transport);
        return transport;
      },
      options: { libraryPath: path.join(directory, 'library.sqlite') },
      onEvent: () => undefined,
    });
    await client.call('importFiles', { files: [note('Kept article')] });
    const lost = client.call('listSources', {});
    transports[0]!.kill();
    expect(await lost).toEqual({ ok: false, error: { code: 'unavailable', message: CRASHED_MESSAGE } });
    expect(await client.call('listSources', {})).toMatchObject({ ok: true, value: { sources: [{ title: expect.stringContaining('Kept article') }] } });
    expect(transports).toHaveLength(2);
    await client.close();
  });

  it('relays one window’s typing in a note to the other window on it, as a noteUpdate event over IPC (issue 12)', async () => {
    const received: Record<'first' | 'second', LibraryEvent[]> = { first: [], second: [] };
    const page = (name: 'first' | 'second') => ({ send: (_channel: string, event: LibraryEvent) => received[name].push(event), isDestroyed: () => false });
    const client = new LibraryClient({ spawn: () => spawnInProcess({ exits: 0 }), options: { libraryPath: path.join(directory, 'library.sqlite') }, onEvent: fanOut(() => [page('first'), page('second')]) });
    const created = await client.call('createNote', { title: 'Shared' });
    const noteId = (created as { ok: true; value: { id: number } }).value.id;
    const open = async (clientId: string) => {
      const state = (await client.call('openNoteDoc', { id: noteId })) as { ok: true; value: { update: string } };
      return new TestWindow(clientId, new Uint8Array(Buffer.from(state.value.update, 'base64')));
    };
    const [first, second] = [await open('first-window'), await open('second-window')];
    const relayed = (name: 'first' | 'second', from: string) =>
      received[name].flatMap((event) => (event.type === 'noteUpdate' && event.noteId === noteId && event.origin === from ? [new Uint8Array(Buffer.from(event.update, 'base64'))] : []));

    first.type('Baku calls them eco-activists.');
    expect(await client.call('applyNoteUpdate', { id: noteId, update: Buffer.from(first.takeUpdate()!).toString('base64'), clientId: first.clientId })).toMatchObject({ ok: true });
    second.type('Yerevan calls it a blockade.', { newParagraph: true });
    expect(await client.call('applyNoteUpdate', { id: noteId, update: Buffer.from(second.takeUpdate()!).toString('base64'), clientId: second.clientId })).toMatchObject({ ok: true });

    // Each window hears the other's update (and its own, which it knows by its origin and skips).
    for (const update of relayed('second', first.clientId)) second.receive(update);
    for (const update of relayed('first', second.clientId)) first.receive(update);
    for (const window of [first, second]) {
      expect(window.text()).toContain('Baku calls them eco-activists.');
      expect(window.text()).toContain('Yerevan calls it a blockade.');
    }
    expect(relayed('first', first.clientId)).toHaveLength(1);
    const saved = (await client.call('getNote', { id: noteId })) as { ok: true; value: { editorState: string } };
    expect(saved.value.editorState).toContain('Baku calls them eco-activists.');
    expect(saved.value.editorState).toContain('Yerevan calls it a blockade.');
    first.close();
    second.close();
    await client.close();
  });

  it('reports a library that cannot be opened, with the reason', async () => {
    const notALibrary = path.join(directory, 'notes.txt');
    fs.writeFileSync(notALibrary, 'just some text, not SQLite at all, long enough to have a header of sorts');
    const client = new LibraryClient({ spawn: () => spawnInProcess({ exits: 0 }), options: { libraryPath: notALibrary }, onEvent: () => undefined });
    const failure = await client.start();
    expect(failure).toMatchObject({ damaged: false, newestGoodBackup: null });
    expect(failure!.message).toContain('notes.txt');
    await client.close(50);
  });
});
