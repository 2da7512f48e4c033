import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Corpus } from './corpus';
import { generateArticle } from './corpus';
import { removeLibrary } from './benchLibrary';

/**
 * `marginalia import FOLDER` as a whole process (issue 13, item 4): Node starting, the CLI
 * loading, every file read, checked, hashed, parsed, folded, compressed and committed, beside the
 * raw floor (rawImportFloor.mjs: the same files into one table and one FTS5 index in one
 * transaction, in a Node process of its own). Both run `runs` times, alternating; the medians are
 * reported, with the CPU time of the same processes (bash's `time`), steadier on a shared machine.
 */
export interface ProcessImportFigures {
  files: number;
  megabytes: number;
  seconds: number;
  cpuSeconds: number;
  floorSeconds: number;
  floorCpuSeconds: number;
}

const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * Article i as a Markdown file with YAML front matter, as a researcher's export tool writes them.
 * With `markup`, its first paragraph opens with an emphasised word and ends with a link, so that
 * every file takes micromark's whole parse (plain prose is read without it: markdownToText.ts).
 */
function articleFile(corpus: Corpus, index: number, markup: boolean): string {
  const generated = generateArticle(corpus, index);
  const article = markup ? { ...generated, body: generated.body.replace(/^(\S+)([^\n]*)/, `*$1*$2 ([source](${generated.url}))`) } : generated;
  const yaml = (value: string) => JSON.stringify(value);
  const fields = [
    `title: ${yaml(article.title)}`,
    `outlet: ${yaml(article.outlet!)}`,
    article.author ? `author: ${yaml(article.author)}` : null,
    article.publishedAt ? `date: ${article.publishedAt}` : null,
    `url: ${article.url}`,
    `language: ${article.language}`,
  ].filter((line) => line !== null);
  return `---\n${fields.join('\n')}\n---\n\n${article.body}\n`;
}

/** Wall and CPU seconds of one command, timed by bash around the whole process. */
function timeProcess(command: string[]): { seconds: number; cpuSeconds: number; stdout: string } {
  const script = `TIMEFORMAT='%R %U %S'; { time "$@" > "$BENCH_STDOUT" ; } 2>&1`;
  const stdoutFile = path.join(path.dirname(command.at(-1)!), 'stdout.txt');
  const result = spawnSync('bash', ['-c', script, 'bash', ...command], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, BENCH_STDOUT: stdoutFile } });
  const last = result.stdout.trim().split('\n').at(-1) ?? '';
  const [real, user, sys] = last.split(' ').map(Number);
  if (result.status !== 0 || !Number.isFinite(real)) throw new Error(`${command.join(' ')} failed: ${result.stdout}${result.stderr}`);
  const stdout = fs.readFileSync(stdoutFile, 'utf8');
  fs.rmSync(stdoutFile);
  return { seconds: real!, cpuSeconds: user! + sys!, stdout };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export function runProcessImportBench(corpus: Corpus, files: number, directory: string, log: (line: string) => void, { runs = 3, markup = false } = {}): ProcessImportFigures {
  const folder = path.join(directory, 'articles');
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < files; i++) {
    const text = articleFile(corpus, i, markup);
    bytes += Buffer.byteLength(text);
    fs.writeFileSync(path.join(folder, `article-${String(i).padStart(6, '0')}.md`), text);
  }
  const library = path.join(directory, 'process-import.db');
  const floorLibrary = path.join(directory, 'process-floor.db');
  const api: { seconds: number; cpuSeconds: number }[] = [];
  const floor: { seconds: number; cpuSeconds: number }[] = [];
  for (let run = 0; run < runs; run++) {
    log(`  whole-process import${markup ? ' (markup in every file)' : ''}, run ${run + 1} of ${runs}…`);
    removeLibrary(floorLibrary);
    floor.push(timeProcess(['node', path.join(ROOT, 'bench/rawImportFloor.mjs'), folder, floorLibrary]));
    removeLibrary(library);
    const timed = timeProcess(['node', path.join(ROOT, 'bin/marginalia.js'), '--library', library, '--json', 'import', folder]);
    const results = JSON.parse(timed.stdout) as { status: string }[];
    const imported = results.filter((result) => result.status === 'imported').length;
    if (imported !== files) throw new Error(`marginalia import stored ${imported} of ${files} files`);
    api.push(timed);
  }
  removeLibrary(library);
  removeLibrary(floorLibrary);
  fs.rmSync(folder, { recursive: true, force: true });
  return {
    files,
    megabytes: bytes / 1048576,
    seconds: median(api.map((t) => t.seconds)),
    cpuSeconds: median(api.map((t) => t.cpuSeconds)),
    floorSeconds: median(floor.map((t) => t.seconds)),
    floorCpuSeconds: median(floor.map((t) => t.cpuSeconds)),
  };
}

export function formatProcessImportReport(f: ProcessImportFigures, budget: number, marked?: ProcessImportFigures): string {
  const speed = f.floorSeconds / f.seconds;
  const cpuSpeed = f.floorCpuSeconds / f.cpuSeconds;
  return [
    `Whole-process import: \`marginalia import FOLDER\` of ${f.files.toLocaleString('en')} Markdown files (${f.megabytes.toFixed(1)} MB), median of 3`,
    `  marginalia import  ${f.seconds.toFixed(2)} s (CPU ${f.cpuSeconds.toFixed(2)} s), ${Math.round(f.files / f.seconds)} files/s`,
    `  raw floor          ${f.floorSeconds.toFixed(2)} s (CPU ${f.floorCpuSeconds.toFixed(2)} s): one table, one FTS5 index, one transaction`,
    `  speed vs floor     ${(speed * 100).toFixed(0)} % (CPU ${(cpuSpeed * 100).toFixed(0)} %); budget >= ${budget * 100} % ${speed >= budget ? 'ok' : 'OVER'}`,
    ...(marked
      ? [
          `  the same files, each with an emphasised word and a link (every file parsed by micromark; no budget):`,
          `  marginalia import  ${marked.seconds.toFixed(2)} s (CPU ${marked.cpuSeconds.toFixed(2)} s), floor ${marked.floorSeconds.toFixed(2)} s: ${((marked.floorSeconds / marked.seconds) * 100).toFixed(0)} % of the floor's speed`,
        ]
      : []),
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const { createCorpus } = await import('./corpus');
  const files = Number(process.argv[2] ?? 3000);
  const log = (line: string) => console.error(line);
  const { buildCli } = await import('../scripts/build-cli.mjs');
  await buildCli(); // what a user runs, not the sources compiled on every run (bin/marginalia.js)
  const figures = runProcessImportBench(createCorpus(42), files, path.resolve('.bench'), log);
  const marked = runProcessImportBench(createCorpus(42), files, path.resolve('.bench'), log, { markup: true });
  console.log(formatProcessImportReport(figures, 0.5, marked));
}
