import { utilityProcess } from 'electron';
import type { LibraryProcessTransport } from './libraryClient';
import type { FromLibraryProcess } from './protocol';

/** Starts the library process (libraryProcessEntry.ts, bundled beside main) as an Electron utilityProcess. */
export function spawnLibraryProcess(entryPath: string): LibraryProcessTransport {
  const child = utilityProcess.fork(entryPath, [], { serviceName: 'Marginalia library', stdio: 'inherit' });
  let exited = false;
  child.once('exit', () => (exited = true));
  return {
    postMessage: (message) => {
      if (!exited) child.postMessage(message);
    },
    onMessage: (listener) => child.on('message', (message: FromLibraryProcess) => listener(message)),
    onExit: (listener) => {
      if (exited) listener(null);
      else child.once('exit', (code) => listener(code));
    },
    kill: () => {
      if (!exited) child.kill();
    },
  };
}
