/**
 * The `marginalia` command's entry (bin/marginalia.js runs its build, out/cli/entry.js). It answers
 * `--version` before loading the rest, so that answer costs only Node's own start; everything
 * else goes to main, loaded on demand.
 */
import { VERSION } from './version';

const argv = process.argv.slice(2);
if (argv.length === 1 && argv[0] === '--version') {
  process.stdout.write(`${VERSION}\n`);
} else {
  const { main } = await import('./main');
  process.exitCode = await main(argv);
}
