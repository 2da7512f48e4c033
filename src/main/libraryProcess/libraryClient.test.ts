import { describe, expect, it } from 'vitest';
import type { LibraryEvent } from '../../shared/api/contract';
import type { LibraryProcessTransport } from './libraryClient';
import { CRASHED_MESSAGE, GAVE_UP_MESSAGE, LibraryClient, MAX_RESTARTS } from './libraryClient';
import type { FromLibraryProcess, ToLibraryProcess } from './protocol';
import { fanOut } from '../ipc/fanOut';

/** A library process faked at the transport: it records what main sends and answers when told. */
class FakeProcess implements LibraryProcessTransport {
  sent: ToLibraryProcess[] = [];
  killed = false;
  private messageListeners: ((message: FromLibraryProcess) => void)[] = [];
  private exitListeners: ((code: number | null) => void)[] = [];
  postMessage(message: ToLibraryProcess) {
    this.sent.push(structuredClone(message));
  }
  onMessage(listener: (message: FromLibraryProcess) => void) {
    this.messageListeners.push(listener);
  }
  onExit(listener: (code: number | null) => void) {
    this.exitListeners.push(listener);
  }
  kill() {
    this.killed = true;
    this.exit(null);
  }
  send(message: FromLibraryProcess) {
    for (const listener of this.messageListeners) listener(structuredClone(message));
  }
  exit(code: number | null) {
    const listeners = this.exitListeners;
    this.exitListeners = [];
    for (const listener of listeners) listener(code);
  }
  requests() {
    return this.sent.filter((message): message is Extract<ToLibraryProcess, { type: 'request' }> => message.type === 'request');
  }
}

function setup(now = () => 0) {
  const processes: FakeProcess[] = [];
  const events: LibraryEvent[] = [];
  const crashes: (number | null)[] = [];
  const client = new LibraryClient({
    spawn: () => {
      const child = new FakeProcess();
      processes.push(child);
      return child;
    },
    options: { libraryPath: '/tmp/library.sqlite', searchWorkerPath: '/app/out/main/searchWorker.js' },
    onEvent: (event) => events.push(event),
    onCrash: (code) => crashes.push(code),
    now,
  });
  return { client, processes, events, crashes };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('main talking to the library process', () => {
  it('opens the library first, then sends requests, and answers each by its id in whatever order they come back', async () => {
    const { client, processes } = setup();
    const started = client.start();
    const first = client.call('listSources', {});
    const second = client.call('getSource', { id: 2 });
    const [child] = processes;
    expect(child!.sent).toEqual([{ type: 'open', options: { libraryPath: '/tmp/library.sqlite', searchWorkerPath: '/app/out/main/searchWorker.js' } }]);
    child!.send({ type: 'ready' });
    expect(await started).toBeNull();
    await tick();
    const [a, b] = child!.requests();
    expect([a!.operation, b!.operation]).toEqual(['listSources', 'getSource']);
    expect(a!.id).not.toBe(b!.id);
    child!.send({ type: 'response', id: b!.id, envelope: { ok: true, value: { id: 2 } } });
    child!.send({ type: 'response', id: a!.id, envelope: { ok: true, value: [] } });
    expect(await first).toEqual({ ok: true, value: [] });
    expect(await second).toEqual({ ok: true, value: { id: 2 } });
  });

  it('passes on every event the library sends', () => {
    const { client, processes, events } = setup();
    void client.start();
    processes[0]!.send({ type: 'event', event: { type: 'importProgress', done: 1, total: 3, file: 'a.txt' } });
    processes[0]!.send({ type: 'event', event: { type: 'libraryChanged', operation: 'importFiles', changes: [] } });
    expect(events).toEqual([
      { type: 'importProgress', done: 1, total: 3, file: 'a.txt' },
      { type: 'libraryChanged', operation: 'importFiles', changes: [] },
    ]);
  });

  it('answers the requests in flight `unavailable` when the process crashes, and the next request starts a new one', async () => {
    const { client, processes, crashes } = setup();
    void client.start();
    processes[0]!.send({ type: 'ready' });
    const inFlight = client.call('importFiles', { files: [] });
    await tick();
    processes[0]!.exit(134);
    expect(await inFlight).toEqual({ ok: false, error: { code: 'unavailable', message: CRASHED_MESSAGE } });
    expect(crashes).toEqual([134]);

    const after = client.call('listSources', {});
    expect(processes).toHaveLength(2);
    processes[1]!.send({ type: 'ready' });
    await tick();
    const [request] = processes[1]!.requests();
    processes[1]!.send({ type: 'response', id: request!.id, envelope: { ok: true, value: ['still here'] } });
    expect(await after).toEqual({ ok: true, value: ['still here'] });
  });

  it('ignores a late answer from a process that was replaced', async () => {
    const { client, processes } = setup();
    void client.start();
    processes[0]!.send({ type: 'ready' });
    const call = client.call('listSources', {});
    await tick();
    const [request] = processes[0]!.requests();
    void client.restart();
    expect(await call).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    processes[0]!.send({ type: 'response', id: request!.id, envelope: { ok: true, value: 'stale' } });
    expect(processes[0]!.killed).toBe(true);
    expect(processes).toHaveLength(2);
  });

  it('says why when the library cannot be opened, to the caller of start and to every request', async () => {
    const { client, processes } = setup();
    const started = client.start();
    const call = client.call('listSources', {});
    processes[0]!.send({ type: 'openFailed', failure: { message: 'The library /x is damaged…', damaged: true, newestGoodBackup: '/x/backups/1.sqlite' } });
    expect(await started).toEqual({ message: 'The library /x is damaged…', damaged: true, newestGoodBackup: '/x/backups/1.sqlite' });
    expect(await call).toEqual({ ok: false, error: { code: 'unavailable', message: 'The library /x is damaged…' } });
  });

  it('stops restarting a process that keeps crashing, and says so', async () => {
    let clock = 0;
    const { client, processes } = setup(() => clock);
    for (let crash = 0; crash <= MAX_RESTARTS; crash++) {
      const call = client.call('listSources', {});
      processes.at(-1)!.exit(1);
      expect(await call).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      clock += 1000;
    }
    const spawned = processes.length;
    expect(await client.call('listSources', {})).toEqual({ ok: false, error: { code: 'unavailable', message: GAVE_UP_MESSAGE } });
    expect(processes).toHaveLength(spawned);
    // A minute later it tries again.
    clock += 61_000;
    void client.call('listSources', {});
    expect(processes).toHaveLength(spawned + 1);
  });

  it('closes by asking the process, which finishes first; a process that does not answer is killed', async () => {
    const { client, processes } = setup();
    void client.start();
    processes[0]!.send({ type: 'ready' });
    const closed = client.close(50);
    expect(processes[0]!.sent.at(-1)).toEqual({ type: 'close' });
    await closed;
    expect(processes[0]!.killed).toBe(true);
    expect(await client.call('listSources', {})).toEqual({ ok: false, error: { code: 'unavailable', message: 'Marginalia is closing.' } });
  });
});

describe('events from the library process in every window', () => {
  it('reaches each open window, not a closed one', () => {
    const received: Record<string, LibraryEvent[]> = { first: [], second: [], closed: [] };
    const window = (name: string, destroyed = false) => ({ send: (_channel: string, event: LibraryEvent) => received[name]!.push(event), isDestroyed: () => destroyed });
    const windows = [window('first'), window('second'), window('closed', true)];
    const processes: FakeProcess[] = [];
    const client = new LibraryClient({
      spawn: () => {
        processes.push(new FakeProcess());
        return processes.at(-1)!;
      },
      options: { libraryPath: '/tmp/library.sqlite' },
      onEvent: fanOut(() => windows),
    });
    void client.start();
    processes[0]!.send({ type: 'event', event: { type: 'libraryChanged', operation: 'saveNote', changes: [] } });
    expect(received).toEqual({ first: [{ type: 'libraryChanged', operation: 'saveNote', changes: [] }], second: [{ type: 'libraryChanged', operation: 'saveNote', changes: [] }], closed: [] });
  });
});

describe('reopening after a restore', () => {
  it('starts a new process after close, which serves requests again', async () => {
    const { client, processes } = setup();
    void client.start();
    processes[0]!.send({ type: 'ready' });
    const closed = client.close();
    processes[0]!.exit(0);
    await closed;
    const reopened = client.reopen();
    expect(processes).toHaveLength(2);
    processes[1]!.send({ type: 'ready' });
    expect(await reopened).toBeNull();
    const call = client.call('listSources', {});
    await tick();
    processes[1]!.send({ type: 'response', id: processes[1]!.requests()[0]!.id, envelope: { ok: true, value: [] } });
    expect(await call).toEqual({ ok: true, value: [] });
  });
});
