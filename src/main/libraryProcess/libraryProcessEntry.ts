/**
 * The library process's entry (an Electron utilityProcess started by libraryProcess.ts): opens the
 * library and serves the contract to main over process.parentPort (libraryServer.ts). Plain Node
 * with core; nothing of Electron but the port.
 */
import type { HandlerOptions } from '../../core/handlers';
import { createHandlers } from '../../core/handlers';
import { backupIfDue } from '../../core/backup';
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
    const handlerOptions: HandlerOptions = { emit, searchInWorker: { workerPath: options.searchWorkerPath, nativeBinding: options.nativeBinding }, parseInWorker: { workerPath: options.parseWorkerPath }, storeInWorker: { workerPath: options.storeWorkerPath, nativeBinding: options.nativeBinding }, backfillLanguages: true };
    const handlers = createHandlers(library, handlerOptions);
    return {
      handlers,
      shell: {
        'shell:exportAllNotes': async (payload) => exportAllNotes(library.db, (payload as { folder: string }).folder, 'footnotes'),
        'shell:backupIfDue': async () => (await backupIfDue(library.db, library.path)) !== null,
      },
      close: async () => {
        await handlers.close();
        library.close();
      },
    };
  },
  (code) => process.exit(code),
);
