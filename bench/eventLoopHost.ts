/**
 * The browser host as `marginalia serve` builds it (createHandlers + startHost, parsing, import
 * writes and search in worker threads), in a child process of eventLoopBench.ts, with its event-loop delay monitored.
 * Prints `{ "port" }` when listening; on a line "report" on stdin, prints the delay histogram and
 * resets it; "exit" ends it. `--store-in-thread` stores imported files on the host's own connection
 * (in its thread); `--in-thread` parses there too (as before issue 12).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import readline from 'node:readline';
import { createHandlers } from '../src/core/handlers';
import { Library } from '../src/core/library';
import { startHost } from '../src/host/server';

const [libraryPath, token, mode] = process.argv.slice(2) as [string, string, string | undefined];
const library = Library.open(libraryPath);
const handlers = createHandlers(library, { searchInWorker: true, parseInWorker: mode !== '--in-thread', storeInWorker: mode !== '--in-thread' && mode !== '--store-in-thread' });
const host = await startHost({ handlers, staticDirectory: fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-bench-static-')), token });
const delay = monitorEventLoopDelay({ resolution: 10 });
// CPU time of the whole host process (its worker threads included) since the last report.
let cpuSince = process.cpuUsage();
delay.enable();
const ms = (nanoseconds: number) => Math.round(nanoseconds / 1e4) / 100;
console.log(JSON.stringify({ port: host.port }));
readline.createInterface({ input: process.stdin }).on('line', async (line) => {
  if (line === 'report') {
    const cpu = process.cpuUsage(cpuSince);
    cpuSince = process.cpuUsage();
    console.log(JSON.stringify({ p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max), samples: delay.count, cpuSeconds: (cpu.user + cpu.system) / 1e6 }));
    delay.reset();
  } else if (line === 'exit') {
    delay.disable();
    await host.close();
    await handlers.close();
    library.close();
    process.exit(0);
  }
});
