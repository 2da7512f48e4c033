/**
 * The `marginalia` command's entry (bin/marginalia.js runs its build, out/cli/entry.js). It answers
 * `--version` before loading the rest, so that answer costs only Node's own start; everything
 * else goes to main, loaded on demand.
 */
import { VERSION } from './version';

// A reader that goes away (`marginalia list | head -3`) ends the output, not the command: what is
// left to print is dropped quietly, and a change in progress (an import) still finishes whole.
const closedReader = (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
};
process.stdout.on('error', closedReader);
process.stderr.on('error', closedReader);

const argv = process.argv.slice(2);
if (argv.length === 1 && argv[0] === '--version') {
  process.stdout.write(`${VERSION}\n`);
} else {
  const { main } = await import('./main');
  process.exitCode = await main(argv);
}
