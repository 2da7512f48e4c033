/**
 * The child of crash.test.ts: imports and edits as fast as it can and reports every write on
 * stdout (synchronously) the moment the library acknowledges it, until it is killed.
 */
import { writeSync } from 'node:fs';
import { importFile } from '../../src/core/import/importFiles';
import { Library } from '../../src/core/library';
import { updateSource } from '../../src/core/sources';
import { articleText } from './articleText';

const [libraryPath, run] = process.argv.slice(2) as [string, string];
const library = Library.open(libraryPath);
const say = (line: string) => writeSync(1, `${line}\n`);
say('ready');
for (let step = 0; ; step++) {
  const label = `${run}-${step}`;
  const result = await importFile(library.db, { name: `crash-${label}.txt`, bytes: Buffer.from(articleText(label)) });
  if (result.status !== 'imported') throw new Error(`import ${label}: ${result.error}`);
  say(`imported ${result.sourceId} ${label}`);
  const outlet = `Outlet ${label}`;
  say(`updating ${result.sourceId} ${outlet}`);
  updateSource(library.db, result.sourceId!, { outlet });
  say(`updated ${result.sourceId} ${outlet}`);
}
