import fs from 'node:fs';
import path from 'node:path';

/**
 * A worker thread's entry named `name`, beside the module that starts it (`dirname` is that
 * module's import.meta.dirname): the built `NAME.js` where there is one (the CLI's build puts each
 * worker beside its bundle, scripts/build-cli.mjs), else the `NAME.ts` source (run through tsx).
 */
export function workerEntry(dirname: string, name: string): string {
  const built = path.join(dirname, `${name}.js`);
  return fs.existsSync(built) ? built : path.join(dirname, `${name}.ts`);
}
