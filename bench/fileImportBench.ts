/**
 * HTML and PDF import throughput (issue 8): saved web pages through Readability on linkedom, and
 * PDFs through pdf.js, imported with importFiles as the CLI and the app do (batched, with
 * progress), beside a floor: raw batched INSERTs of the same parsed rows. The files are generated
 * (seeded) outside the timed sections. Standalone: `npx tsx bench/fileImportBench.ts [--html N] [--pdf N]`.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Db } from '../src/core/db/db';
import { openDatabase } from '../src/core/db/openDatabase';
import type { FileToImport } from '../src/core/import/importFiles';
import { importFiles } from '../src/core/import/importFiles';
import { parseFile } from '../src/core/import/parseFile';
import { makePdf } from '../tests/fixtures/import/makePdf';

export interface FileImportFigures {
  kind: 'HTML' | 'PDF';
  files: number;
  megabytes: number;
  seconds: number;
  /** Milliseconds per file, from one progress report to the next (parse + share of the commit). */
  p50: number;
  p95: number;
  /** Raw batched INSERTs of the same parsed rows. */
  floorSeconds: number;
}

const WORDS = ('corridor Lachin convoy checkpoint negotiations Brussels Stepanakert peacekeepers humanitarian access officials ' +
  'statement ceasefire border road supply gas electricity winter residents shortage medicine food Red Cross delegation ' +
  'agreement mission court order movement vehicles cargo both directions meeting minister Baku Yerevan ' +
  'переговоры коридор граница поставки жители нехватка лекарства встреча министр заявление').split(' ');

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function sentence(random: () => number): string {
  const words = Array.from({ length: 8 + Math.floor(random() * 14) }, () => WORDS[Math.floor(random() * WORDS.length)]!);
  return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
}

const paragraph = (random: () => number) => Array.from({ length: 2 + Math.floor(random() * 4) }, () => sentence(random)).join(' ');

/** A saved news page of about 60 KB: JSON-LD, Open Graph, inline scripts, navigation, 20 paragraphs, footer. */
export function benchPage(index: number): FileToImport {
  const random = seeded(index + 1);
  const links = Array.from({ length: 40 }, (_, i) => `<li><a href="/section/${i}">Section ${i}</a></li>`).join('');
  const script = `<script>var config = ${JSON.stringify({ ids: Array.from({ length: 400 }, (_, i) => i * index), page: index })};</script>`;
  const body = Array.from({ length: 20 }, () => `<p>${paragraph(random)}</p>`).join('\n');
  const jsonLd = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: `Report ${index}: ${sentence(random)}`, datePublished: '2023-01-11T09:30:00+04:00', author: { '@type': 'Person', name: 'Anna Petrosyan' }, publisher: { '@type': 'Organization', name: 'Caucasus Ledger' } });
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Report ${index} | Caucasus Ledger</title>
<meta property="og:site_name" content="Caucasus Ledger"><script type="application/ld+json">${jsonLd}</script>${script.repeat(4)}</head>
<body><header><nav><ul>${links}</ul></nav></header><div class="cookie-banner">We use cookies. <button>Accept</button></div>
<main><article><h1>Report ${index}</h1><p class="byline">By Anna Petrosyan</p>${body}</article>
<aside class="related"><ul>${links}</ul></aside></main><footer>${links}<p>© 2023 Caucasus Ledger</p></footer>${script.repeat(4)}</body></html>`;
  return { name: `page-${index}.html`, bytes: Buffer.from(html) };
}

/** A four-page PDF report of 45 wrapped lines a page, about 12 KB. */
export function benchPdf(index: number): FileToImport {
  const random = seeded(100_000 + index);
  const pages = Array.from({ length: 4 }, () => ({ lines: Array.from({ length: 45 }, (_, line) => (line % 9 === 8 ? '' : sentence(random).slice(0, 80))) }));
  return { name: `report-${index}.pdf`, bytes: makePdf({ info: { Title: `Report ${index}`, Author: 'Bench', CreationDate: 'D:20230115' }, pages }) };
}

function openLibrary(directory: string, name: string): { db: Db; file: string } {
  const file = path.join(directory, name);
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  return { db: openDatabase(file), file };
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))] ?? 0;

async function measure(kind: FileImportFigures['kind'], files: FileToImport[], directory: string): Promise<FileImportFigures> {
  const api = openLibrary(directory, `import-${kind.toLowerCase()}.db`);
  const gaps: number[] = [];
  let last = performance.now();
  const start = last;
  await importFiles(api.db, files, {
    total: files.length,
    onProgress: () => {
      const now = performance.now();
      gaps.push(now - last);
      last = now;
    },
  });
  const seconds = (performance.now() - start) / 1000;
  api.db.close();

  // The floor stores the very rows the importer stored, parsed beforehand (untimed).
  const rows = await Promise.all(files.map(async (file) => ({ file, parsed: await parseFile(file), sha256: createHash('sha256').update(file.bytes).digest('hex') })));
  const floor = openLibrary(directory, `floor-${kind.toLowerCase()}.db`);
  const insert = floor.db.prepare(`INSERT INTO sources (title, outlet, author, published_at, url, language, citekey, body, file_name, original, sha256, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const floorStart = performance.now();
  floor.db.transaction(() => {
    rows.forEach(({ file, parsed, sha256 }, i) => insert.run(parsed.title, parsed.outlet, parsed.author, parsed.publishedAt, parsed.url, parsed.language, `floor${i}`, parsed.body, file.name, file.bytes, sha256, new Date().toISOString()));
  })();
  const floorSeconds = (performance.now() - floorStart) / 1000;
  floor.db.close();
  for (const name of [api.file, floor.file]) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(name + suffix, { force: true });

  const megabytes = files.reduce((sum, file) => sum + file.bytes.length, 0) / 1048576;
  return { kind, files: files.length, megabytes, seconds, p50: percentile(gaps, 0.5), p95: percentile(gaps, 0.95), floorSeconds };
}

export async function runFileImportBench(options: { htmlFiles: number; pdfFiles: number; directory: string; log: (line: string) => void }): Promise<FileImportFigures[]> {
  fs.mkdirSync(options.directory, { recursive: true });
  const figures: FileImportFigures[] = [];
  options.log(`Generating ${options.htmlFiles} saved pages and ${options.pdfFiles} PDFs…`);
  const pages = Array.from({ length: options.htmlFiles }, (_, i) => benchPage(i));
  const pdfs = Array.from({ length: options.pdfFiles }, (_, i) => benchPdf(i));
  options.log('Importing the saved pages…');
  figures.push(await measure('HTML', pages, options.directory));
  options.log('Importing the PDFs…');
  figures.push(await measure('PDF', pdfs, options.directory));
  return figures;
}

export function formatFileImportReport(figures: FileImportFigures[]): string {
  const header = ['File import (importFiles)', 'files', 'MB', 'seconds', 'files/s', 'MB/s', 'ms/file p50', 'p95', 'floor s', 'storing share'];
  const rows = figures.map((f) => [
    f.kind === 'HTML' ? 'HTML, Readability on linkedom' : 'PDF, pdf.js (4 pages)',
    String(f.files),
    f.megabytes.toFixed(1),
    f.seconds.toFixed(2),
    (f.files / f.seconds).toFixed(0),
    (f.megabytes / f.seconds).toFixed(2),
    f.p50.toFixed(1),
    f.p95.toFixed(1),
    f.floorSeconds.toFixed(3),
    `${((f.floorSeconds / f.seconds) * 100).toFixed(1)} %`,
  ]);
  const table = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
  return table.map((row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')).join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const { values } = parseArgs({ options: { html: { type: 'string', default: '300' }, pdf: { type: 'string', default: '300' } } });
  const figures = await runFileImportBench({ htmlFiles: Number(values.html), pdfFiles: Number(values.pdf), directory: path.resolve('.bench'), log: (line) => console.error(line) });
  console.log(formatFileImportReport(figures));
}
