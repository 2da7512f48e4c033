import type { Envelope } from '../../shared/api/bridge';
import type { LibraryEvent } from '../../shared/api/contract';
import type { FromLibraryProcess, LibraryProcessOptions, OpenFailure, ToLibraryProcess } from './protocol';

/** One running library process, as main sees it: Electron's utilityProcess in the app, a fake in tests. */
export interface LibraryProcessTransport {
  postMessage(message: ToLibraryProcess): void;
  onMessage(listener: (message: FromLibraryProcess) => void): void;
  /** Called once when the process ends, however it ends. */
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

/** Restarts allowed within RESTART_WINDOW_MS before the client gives up (a library that crashes on open would loop). */
export const MAX_RESTARTS = 3;
export const RESTART_WINDOW_MS = 60_000;

export const CRASHED_MESSAGE = 'The library process stopped while doing this, and was restarted. What was saved before is kept; try again.';
export const GAVE_UP_MESSAGE = 'The library process keeps stopping, so the library is not available. Quit and start Marginalia again; if it goes on, restore a backup.';

interface Pending {
  resolve: (envelope: Envelope) => void;
}

export interface LibraryClientOptions {
  spawn: () => LibraryProcessTransport;
  options: LibraryProcessOptions;
  /** Every event from the library (main fans it out to every window). */
  onEvent: (event: LibraryEvent) => void;
  /** The process stopped unexpectedly (logged by main). */
  onCrash?: (code: number | null) => void;
  now?: () => number;
}

/**
 * Main's side of the library process: requests get ids and are answered by id, in whatever order
 * the process answers; events go to onEvent. When the process stops unexpectedly, every request in
 * flight is answered `unavailable` with a sentence saying so (a request may have been half done:
 * the library's transactions make it all or nothing), and the next request starts a new process
 * (at most MAX_RESTARTS a minute, then every request is answered `unavailable` with GAVE_UP_MESSAGE).
 */
export class LibraryClient {
  private transport: LibraryProcessTransport | null = null;
  private ready: Promise<OpenFailure | null> | null = null;
  private pending = new Map<number, Pending>();
  private nextId = 1;
  private restarts: number[] = [];
  private closing = false;

  constructor(private readonly settings: LibraryClientOptions) {}

  /** Starts the process and opens the library; resolves null when open, else why it could not be. */
  start(): Promise<OpenFailure | null> {
    if (this.ready) return this.ready;
    const transport = this.settings.spawn();
    this.transport = transport;
    let opened: (failure: OpenFailure | null) => void = () => undefined;
    this.ready = new Promise((resolve) => (opened = resolve));
    transport.onMessage((message) => {
      if (this.transport !== transport) return;
      if (message.type === 'ready') opened(null);
      else if (message.type === 'openFailed') opened(message.failure);
      else if (message.type === 'event') this.settings.onEvent(message.event);
      else if (message.type === 'response') {
        const request = this.pending.get(message.id);
        this.pending.delete(message.id);
        request?.resolve(message.envelope);
      }
    });
    transport.onExit((code) => {
      if (this.transport !== transport) return;
      this.transport = null;
      this.ready = null;
      opened({ message: `The library process stopped before the library was open (exit code ${code}).`, damaged: false, newestGoodBackup: null });
      if (!this.closing) {
        this.settings.onCrash?.(code);
        this.restarts.push(this.now());
      }
      this.answerAll(this.closing ? 'Marginalia is closing.' : CRASHED_MESSAGE);
    });
    transport.postMessage({ type: 'open', options: this.settings.options });
    return this.ready;
  }

  /** One request through the library's dispatch, answered with its envelope (never rejects). */
  async call(operation: string, payload: unknown): Promise<Envelope> {
    if (this.closing) return unavailable('Marginalia is closing.');
    if (!this.transport) {
      if (this.gaveUp()) return unavailable(GAVE_UP_MESSAGE);
      this.start();
    }
    const failure = await this.ready;
    const transport = this.transport;
    if (failure || !transport) return unavailable(failure?.message ?? CRASHED_MESSAGE);
    const id = this.nextId++;
    return new Promise<Envelope>((resolve) => {
      this.pending.set(id, { resolve });
      transport.postMessage({ type: 'request', id, operation, payload });
    });
  }

  /** Asks the process to close the library (it finishes what it is doing first), waiting at most `timeoutMs`. */
  async close(timeoutMs = 5000): Promise<void> {
    this.closing = true;
    const transport = this.transport;
    if (!transport) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        transport.kill();
        resolve();
      }, timeoutMs);
      transport.onExit(() => {
        clearTimeout(timer);
        resolve();
      });
      transport.postMessage({ type: 'close' });
    });
  }

  /** Restarts the process now (after main restored a backup over the library file, say). */
  restart(): Promise<OpenFailure | null> {
    const transport = this.transport;
    this.transport = null;
    this.ready = null;
    transport?.kill();
    this.answerAll(CRASHED_MESSAGE);
    return this.start();
  }

  /** Starts a new process after close(): main restored a backup over the library file, say. */
  reopen(): Promise<OpenFailure | null> {
    this.closing = false;
    this.restarts = [];
    return this.start();
  }

  private gaveUp(): boolean {
    const since = this.now() - RESTART_WINDOW_MS;
    this.restarts = this.restarts.filter((at) => at >= since);
    return this.restarts.length > MAX_RESTARTS;
  }

  private answerAll(message: string): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const request of pending) request.resolve(unavailable(message));
  }

  private now(): number {
    return (this.settings.now ?? Date.now)();
  }
}

const unavailable = (message: string): Envelope => ({ ok: false, error: { code: 'unavailable', message } });
