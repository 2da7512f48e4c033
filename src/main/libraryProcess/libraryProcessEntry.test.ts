import type { ChildProcess } from 'node:child_process';
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LibraryEvent } from '../../shared/api/contract';
import type { LibraryProcessTransport } from './libraryClient';
import { CRASHED_MESSAGE, LibraryClient } from './libraryClient';
import type { FromLibraryProcess } from './protocol';

// The real entry in a real second process. Electron's utilityProcess is not available here, so the
// process is a Node child started with tsx and a shim that gives it the `process.parentPort`
// Electron would (messages over the child-process channel): only that edge is faked.
const entry = path.join(import.meta.dirname, 'libraryProcessEntry.ts');
const shim = `data:text/javascript,${encodeURIComponent(
  "process.parentPort = { postMessage: (message) => process.send(message), on: (_event, listener) => process.on('message', (data) => listener({ data })) };",
)}`;

let directory: string;
const children: ChildProcess[] = [];
beforeEach(() => {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'library-process-entry-'));
});
afterEach(() => {
  for (const child of children) child.kill('SIGKILL');
  fs.rmSync(directory, { recursive: true, force: true });
});

function spawnChild(): LibraryProcessTransport & { child: ChildProcess } {
  const child = fork(entry, [], { execArgv: ['--import', 'tsx', '--import', shim], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  children.push(child);
  let exited = false;
  child.once('exit', () => (exited = true));
  return {
    child,
    postMessage: (message) => {
      if (!exited) child.send(message);
    },
    onMessage: (listener) => child.on('message', (message) => listener(message as FromLibraryProcess)),
    onExit: (listener) => (exited ? listener(null) : child.once('exit', (code) => listener(code))),
    kill: () => child.kill('SIGKILL'),
  };
}

const article = (title: string) => ({ name: `${title}.txt`, contentBase64: Buffer.from(`${title}\n\nA paragraph about the Lachin corridor, and the talks that went on around it.`).toString('base64') });

describe('the library process entry, as a separate process', () => {
  it('opens the library, serves the contract (search in its worker too) and sends events', async () => {
    const events: LibraryEvent[] = [];
    const client = new LibraryClient({ spawn: spawnChild, options: { libraryPath: path.join(directory, 'library.sqlite') }, onEvent: (event) => events.push(event) });
    expect(await client.start()).toBeNull();
    expect(await client.call('importFiles', { files: [article('Talks resume'), article('Corridor closed')] })).toMatchObject({ ok: true, value: [{ status: 'imported' }, { status: 'imported' }] });
    expect(events).toContainEqual(expect.objectContaining({ type: 'libraryChanged', operation: 'importFiles', changes: expect.arrayContaining([expect.objectContaining({ kind: 'sources' })]) }));
    const found = await client.call('search', { query: 'corridor' });
    expect(found).toMatchObject({ ok: true, value: { results: expect.arrayContaining([expect.objectContaining({ type: 'source' })]) } });
    expect(await client.call('shell:exportAllNotes', { folder: path.join(directory, 'export') })).toMatchObject({ ok: true, value: { files: expect.arrayContaining([expect.objectContaining({ fileName: 'bibliography.json' })]) } });
    await client.close();
  }, 60_000);

  it('killed while a 200-file import is in flight: the import is answered `unavailable`, a new process serves what was committed', async () => {
    const spawned: ReturnType<typeof spawnChild>[] = [];
    const client = new LibraryClient({
      spawn: () => {
        spawned.push(spawnChild());
        return spawned.at(-1)!;
      },
      options: { libraryPath: path.join(directory, 'library.sqlite') },
      onEvent: () => undefined,
    });
    await client.call('importFiles', { files: [article('Committed before')] });
    const lost = client.call('importFiles', { files: Array.from({ length: 200 }, (_, index) => article(`Batch article ${index}`)) });
    spawned[0]!.child.kill('SIGKILL');
    expect(await lost).toEqual({ ok: false, error: { code: 'unavailable', message: CRASHED_MESSAGE } });
    const listed = await client.call('listSources', {});
    expect(listed.ok).toBe(true);
    const titles = (listed as { value: { sources: { title: string }[] } }).value.sources.map((source) => source.title);
    expect(titles).toContain('Committed before');
    expect(spawned).toHaveLength(2);
    await client.close();
  }, 60_000);
});
