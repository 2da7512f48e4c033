import type { Handlers, LibraryEvent } from '../../shared/api/contract';
import { dispatch } from '../../core/dispatch';
import { LibraryDamagedError } from '../../core/db/openDatabase';
import type { FromLibraryProcess, LibraryProcessOptions, OpenFailure, ShellOperation, ToLibraryProcess } from './protocol';
import { SHELL_OPERATIONS } from './protocol';

/** The library process's end of the channel: Electron's `process.parentPort` there, a fake in tests. */
export interface ParentPortLike {
  postMessage(message: FromLibraryProcess): void;
  on(event: 'message', listener: (event: { data: ToLibraryProcess }) => void): void;
}

/** What opening the library gives the server. */
export interface OpenedLibrary {
  handlers: Handlers;
  /** main's own operations (protocol.ts SHELL_OPERATIONS), outside the contract. */
  shell: Record<ShellOperation, (payload: unknown) => Promise<unknown>>;
  close(): Promise<void>;
}

export function describeOpenFailure(error: unknown): OpenFailure {
  if (error instanceof LibraryDamagedError) return { message: error.message, damaged: true, newestGoodBackup: error.newestGoodBackup ?? null };
  return { message: error instanceof Error ? error.message : String(error), damaged: false, newestGoodBackup: null };
}

/**
 * Serves the library over `port`: the first message opens it (`open` is given the event sender,
 * for import progress and the like), then each request goes through dispatch, the same validating
 * path as IPC and HTTP, and is answered with its id; events are posted as they happen. `exit` ends
 * the process once the library is closed.
 */
export function serveLibrary(port: ParentPortLike, open: (options: LibraryProcessOptions, emit: (event: LibraryEvent) => void) => Promise<OpenedLibrary>, exit: (code: number) => void): void {
  const emit = (event: LibraryEvent) => port.postMessage({ type: 'event', event });
  let library: Promise<OpenedLibrary | null> | null = null;
  let inFlight = 0;
  let closing: (() => void) | null = null;

  const answer = async (id: number, operation: string, payload: unknown) => {
    const opened = await library;
    if (!opened) return port.postMessage({ type: 'response', id, envelope: { ok: false, error: { code: 'unavailable', message: 'The library is not open.' } } });
    if ((SHELL_OPERATIONS as readonly string[]).includes(operation)) {
      try {
        return port.postMessage({ type: 'response', id, envelope: { ok: true, value: await opened.shell[operation as ShellOperation](payload) } });
      } catch (error) {
        return port.postMessage({ type: 'response', id, envelope: { ok: false, error: { code: 'internal', message: (error as Error).message } } });
      }
    }
    port.postMessage({ type: 'response', id, envelope: await dispatch(opened.handlers, operation, payload, emit) });
  };

  port.on('message', ({ data: message }) => {
    if (message.type === 'open' && !library) {
      library = open(message.options, emit).then(
        (opened) => {
          port.postMessage({ type: 'ready' });
          return opened;
        },
        (error: unknown) => {
          port.postMessage({ type: 'openFailed', failure: describeOpenFailure(error) });
          return null;
        },
      );
    } else if (message.type === 'request') {
      inFlight++;
      void answer(message.id, message.operation, message.payload).finally(() => {
        inFlight--;
        if (inFlight === 0) closing?.();
      });
    } else if (message.type === 'close') {
      // What is being done is finished and answered first, then the library is closed.
      const finish = async () => {
        await (await library)?.close();
        port.postMessage({ type: 'closed' });
        exit(0);
      };
      if (inFlight === 0) void finish();
      else closing = () => void finish();
    }
  });
}
