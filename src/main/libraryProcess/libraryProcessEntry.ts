/**
 * The library process's entry (an Electron utilityProcess started by libraryProcess.ts): opens the
 * library and serves the contract to main over process.parentPort (libraryServer.ts). Plain Node
 * with core; nothing of Electron but the port.
 */
import type { HandlerOptions } from '../../core/handlers';
import { createHandlers } from '../../core/handlers';
import { BackupCancelled, backupIfDue, DAILY_BACKUP_LULL } from '../../core/backup';
import { exportAllNotes } from '../../core/export/exportFolder';
import { Library } from '../../core/library';
import type { ParentPortLike } from './libraryServer';
import { serveLibrary } from './libraryServer';

const port = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
if (!port) throw new Error('libraryProcessEntry runs as an Electron utilityProcess (see libraryProcess.ts), not on its own.');

serveLibrary(
  port,
  async (options, emit) => {
    const library = Library.open(options.libraryPath, { nativeBinding: options.nativeBinding });
    const handlerOptions: HandlerOptions = {
      emit,
      searchInWorker: { workerPath: options.searchWorkerPath, nativeBinding: options.nativeBinding },
      parseInWorker: { workerPath: options.parseWorkerPath },
      storeInWorker: { workerPath: options.storeWorkerPath, nativeBinding: options.nativeBinding },
      backfillLanguages: true,
      // The quick check runs in its own thread; writes wait for it (integrityCheck.ts).
      integrityCheck: { workerPath: options.integrityWorkerPath, nativeBinding: options.nativeBinding },
    };
    const handlers = createHandlers(library, handlerOptions);
    // Closing cancels a daily backup still copying (quietly: nothing is reported) and waits for it.
    const closing = new AbortController();
    let backups: Promise<unknown> = Promise.resolve();
    return {
      handlers,
      shell: {
        'shell:exportAllNotes': async (payload) => exportAllNotes(library.db, (payload as { folder: string }).folder, 'footnotes'),
        'shell:backupIfDue': async () => {
          // After the integrity check: a damaged library is not backed up (its writes are refused, saying so).
          if (!(await handlers.integrityChecked().then(() => true, () => false))) return false;
          // …and once the windows have gone quiet: opening the library and its first views come first.
          await handlers.lull(DAILY_BACKUP_LULL.quietMs, DAILY_BACKUP_LULL.latestMs);
          if (closing.signal.aborted) return false;
          const running = backupIfDue(library.db, library.path, new Date(), closing.signal, { workerPath: options.integrityWorkerPath, nativeBinding: options.nativeBinding });
          backups = running.catch(() => undefined);
          try {
            return (await running) !== null;
          } catch (error) {
            if (error instanceof BackupCancelled) return false;
            throw error;
          }
        },
      },
      close: async () => {
        closing.abort();
        await handlers.close();
        await backups;
        library.close();
      },
    };
  },
  (code) => process.exit(code),
);
