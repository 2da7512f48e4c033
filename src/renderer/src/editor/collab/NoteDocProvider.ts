import type { Provider, ProviderAwareness } from '@lexical/yjs';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { LibraryEvent } from '../../../../shared/api/contract';
import type { NoteDocState } from '../../../../shared/api/notes';
import { base64ToBytes, bytesToBase64 } from '../../../../shared/notes/base64';

/** How long a window gathers keystrokes into one update before sending it: off the keystroke path, well within a second. */
export const SEND_DELAY_MS = 80;

/** What the provider needs of the library: the two note operations and the event stream. */
export interface NoteDocTransport {
  openNoteDoc(request: { id: number; stateVector?: string }): Promise<NoteDocState>;
  applyNoteUpdate(request: { id: number; update: string; clientId: string }): Promise<unknown>;
  /** Library events; returns the unsubscribe. */
  subscribe(listener: (event: LibraryEvent) => void): () => void;
  /** Called after the event stream reconnected (updates may have been missed); returns the unsubscribe. */
  onReconnect(listener: () => void): () => void;
}

/** Whether everything typed is in the library: what the note's "Saved / Saving… / Not saved" says. */
export type NoteDocStatus = { state: 'saved' } | { state: 'saving' } | { state: 'failed'; message: string };

type Listener = (...args: never[]) => void;

function randomClientId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return bytesToBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * A Yjs provider for @lexical/yjs over Marginalia's own transport (IPC or the browser host), not a
 * websocket: it loads the note's document from the library, sends this window's updates in
 * batches (each acknowledged once the library has committed it), and applies the other windows'
 * updates, relayed as `noteUpdate` events, with itself as origin, so the Yjs UndoManager (which
 * tracks only the binding's own changes) never undoes another window's typing. After the event
 * stream reconnects it re-syncs both ways by state vector. Cursors are not shared (awareness is local).
 */
export class NoteDocProvider implements Provider {
  readonly clientId = randomClientId();
  readonly awareness: ProviderAwareness;
  private readonly yAwareness: Awareness;
  private readonly listeners = new Map<string, Set<Listener>>();
  private connected = false;
  private synced = false;
  private unsubscribe: (() => void)[] = [];
  /** Updates of this window not yet acknowledged, oldest first. */
  private queue: Uint8Array[] = [];
  private sending: Promise<void> | null = null;
  /** Requests sent by sendNow() still travelling. */
  private urgent = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private status: NoteDocStatus = { state: 'saved' };
  private readonly statusListeners = new Set<(status: NoteDocStatus) => void>();

  /**
   * `initial` is the document as the note view loaded it (openNoteDoc), applied on the first
   * connect without another request, so the editor shows the note the moment it mounts.
   */
  constructor(
    readonly noteId: number,
    readonly doc: Y.Doc,
    private readonly transport: NoteDocTransport,
    private initial: NoteDocState | null = null,
  ) {
    this.yAwareness = new Awareness(doc);
    this.awareness = this.yAwareness as unknown as ProviderAwareness;
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this) return;
      this.queue.push(update);
      this.setStatus({ state: 'saving' });
      if (this.timer === undefined) this.timer = setTimeout(() => void this.send(), SEND_DELAY_MS);
    });
  }

  on(type: string, listener: Listener): void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener);
  }

  off(type: string, listener: Listener): void {
    this.listeners.get(type)?.delete(listener);
  }

  private fire(type: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(type) ?? []) (listener as (...a: unknown[]) => void)(...args);
  }

  connect(): void {
    if (this.connected) return;
    this.connected = true;
    // Subscribed before asking for the document: an update relayed meanwhile is applied (twice is harmless).
    this.unsubscribe = [
      this.transport.subscribe((event) => {
        if (event.type === 'noteUpdate' && event.noteId === this.noteId && event.origin !== this.clientId && this.connected) {
          Y.applyUpdate(this.doc, base64ToBytes(event.update), this);
        }
      }),
      this.transport.onReconnect(() => void this.sync()),
    ];
    this.fire('status', { status: 'connecting' });
    if (this.initial) {
      Y.applyUpdate(this.doc, base64ToBytes(this.initial.update), this);
      this.initial = null;
      this.markSynced();
    } else {
      void this.sync();
    }
  }

  get isSynced(): boolean {
    return this.synced;
  }

  private markSynced(): void {
    this.synced = true;
    this.fire('status', { status: 'connected' });
    this.fire('sync', true);
  }

  /** Loads what the library has that this window lacks, then sends what the library lacks. */
  private async sync(): Promise<void> {
    const hadContent = this.synced;
    let state: NoteDocState;
    try {
      state = await this.transport.openNoteDoc({ id: this.noteId, ...(hadContent ? { stateVector: bytesToBase64(Y.encodeStateVector(this.doc)) } : {}) });
    } catch (error) {
      this.setStatus({ state: 'failed', message: `The note could not be loaded: ${(error as Error).message}` });
      return;
    }
    if (!this.connected) return;
    Y.applyUpdate(this.doc, base64ToBytes(state.update), this);
    if (hadContent) {
      const missing = Y.encodeStateAsUpdate(this.doc, base64ToBytes(state.stateVector));
      // An update with no structs and no deletions is two zero bytes: nothing to send.
      if (missing.length > 2) {
        this.queue.push(missing);
        void this.send();
      }
    }
    this.markSynced();
  }

  /**
   * Stops applying other windows' updates. What this window typed is still sent: the editor
   * disconnects when the note closes, and its last words must reach the library.
   */
  disconnect(): void {
    if (!this.connected) return;
    this.connected = false;
    for (const stop of this.unsubscribe) stop();
    this.unsubscribe = [];
    this.fire('status', { status: 'disconnected' });
    void this.flush();
  }

  /** Ends the provider for good (the note view unmounted): sends what is left, then frees the awareness timer. */
  destroy(): Promise<void> {
    this.disconnect();
    return this.flush().finally(() => this.yAwareness.destroy());
  }

  /** Sends now whatever is queued; resolves when the library has everything typed so far (or a send failed). */
  async flush(): Promise<void> {
    await this.send();
  }

  /**
   * Sends what is queued at once, beside any request still travelling (the page is closing: no
   * time to wait for it). Safe because Yjs updates commute and applying one twice changes nothing.
   */
  sendNow(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.queue.length === 0) return;
    const batch = this.queue;
    this.queue = [];
    const update = batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch);
    this.urgent += 1;
    void this.transport.applyNoteUpdate({ id: this.noteId, update: bytesToBase64(update), clientId: this.clientId }).then(
      () => {
        this.urgent -= 1;
        if (!this.hasUnsaved()) this.setStatus({ state: 'saved' });
      },
      (error: unknown) => {
        this.urgent -= 1;
        this.queue.unshift(update);
        this.setStatus({ state: 'failed', message: (error as Error).message });
      },
    );
  }

  get saveStatus(): NoteDocStatus {
    return this.status;
  }

  hasUnsaved(): boolean {
    return this.queue.length > 0 || this.sending !== null || this.urgent > 0;
  }

  onStatus(listener: (status: NoteDocStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  private setStatus(status: NoteDocStatus): void {
    const same = status.state === this.status.state && (status.state !== 'failed' || (this.status.state === 'failed' && status.message === this.status.message));
    if (same) return;
    this.status = status;
    for (const listener of this.statusListeners) listener(status);
  }

  /** One request at a time, in order; the queue sent as one merged update, kept for the next try if it fails. */
  private async send(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.sending) await this.sending;
    if (this.queue.length === 0) return;
    const batch = this.queue;
    this.queue = [];
    const update = batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch);
    this.sending = this.transport.applyNoteUpdate({ id: this.noteId, update: bytesToBase64(update), clientId: this.clientId }).then(
      () => {
        if (this.queue.length === 0 && this.urgent === 0) this.setStatus({ state: 'saved' });
      },
      (error: unknown) => {
        // Still unsaved: kept first in line, sent again with the next change, on blur, or on "Try again".
        this.queue.unshift(update);
        this.setStatus({ state: 'failed', message: (error as Error).message });
      },
    );
    try {
      await this.sending;
    } finally {
      this.sending = null;
    }
  }
}
