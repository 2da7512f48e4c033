// Type-checks every layer with only its own platform's types (so `Buffer` in the renderer or
// `document` in core fails to compile), then the tests, benches and scripts. Two at a time.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const projects = [
  ['src/shared', 'shared: no DOM, no Node'],
  ['src/renderer', 'renderer: DOM, no Node'],
  ['src/preload', 'preload: DOM and Electron'],
  ['tsconfig.node.json', 'core, main, host, cli: Node, no DOM'],
  ['tsconfig.json', 'tests, bench, scripts'],
];

function check([project, label]) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, '--noEmit', '-p', project], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ project, label, code, output }));
  });
}

const queue = [...projects];
const results = [];
await Promise.all(
  [0, 1].map(async () => {
    for (let next = queue.shift(); next; next = queue.shift()) results.push(await check(next));
  }),
);
let failed = 0;
for (const { project, label, code, output } of results) {
  console.log(`${code === 0 ? 'ok  ' : 'FAIL'} ${project} (${label})`);
  if (code !== 0) {
    failed++;
    process.stdout.write(output);
  }
}
process.exit(failed === 0 ? 0 : 1);
