// Starts a TypeScript worker entry from the sources: a worker thread inherits no module loader,
// so tsx is registered inside it first. (Resolved from here, 'tsx/esm/api' finds the project's tsx.)
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.tsxEntry);
