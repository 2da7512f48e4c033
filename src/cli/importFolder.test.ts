import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makePdf } from '../../tests/fixtures/import/makePdf';
import type { Io } from './main';
import { main } from './main';
import { IMPORT_FIXTURES } from '../../tests/fixtures/import/importFixtures';

let dir: string;
let libraryFile: string;
let folder: string;

const put = (relative: string, content: string | Buffer) => {
  const target = path.join(folder, relative);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, content);
};

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-cli-folder-'));
  libraryFile = path.join(dir, 'library.sqlite');
  folder = path.join(dir, 'saved');
  put('news/jsonld.html', fs.readFileSync(path.join(IMPORT_FIXTURES, 'news-jsonld.html')));
  put('news/title-only.HTM', fs.readFileSync(path.join(IMPORT_FIXTURES, 'news-title-only.html')));
  put('reports/report.pdf', makePdf({ info: { Title: 'Convoy report' }, pages: [{ lines: ['Convoys crossed twice a week.'] }] }));
  put('reports/scan.pdf', makePdf({ pages: [{ image: true }] }));
  put('russian.txt', fs.readFileSync(path.join(IMPORT_FIXTURES, 'russian-windows-1251.txt')));
  put('.DS_Store', 'x');
  put('.trash/old.txt', 'x');
  put('photo.jpg', 'x');
  put('reports/figures.xlsx', 'x');
  put('reports/table.xlsx', 'x');
  vi.stubEnv('MARGINALIA_LIBRARY', '');
});
afterEach(() => {
  vi.unstubAllEnvs();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function run(argv: string[], options: { terminal?: boolean; onProgress?: (text: string) => void } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const progress: string[] = [];
  const io: Io = { out: (text) => out.push(text), err: (text) => err.push(text) };
  if (options.terminal) io.progress = (text) => (progress.push(text), options.onProgress?.(text));
  const code = await main(['--library', libraryFile, ...argv], io);
  return { code, out, err, progress };
}

describe('marginalia import DIR with web pages and PDFs', () => {
  it('imports every supported file, lists the failures last, and says what it skipped', async () => {
    const { code, out } = await run(['import', folder]);
    expect(code).toBe(1);
    const shown = (name: string) => path.relative(process.cwd(), path.join(folder, name));
    expect(out).toEqual([
      `imported   ${shown('news/jsonld.html')} (source 1)`,
      `imported   ${shown('news/title-only.HTM')} (source 2)`,
      `imported   ${shown('reports/report.pdf')} (source 3)`,
      `imported   ${shown('russian.txt')} (source 4)`,
      `failed     ${shown('reports/scan.pdf')}: scan.pdf has no text layer (a scanned image?) — run OCR on it first (for example with OCRmyPDF, or "Recognize text" in your PDF reader), then import the result.`,
      'Skipped 2 hidden files or folders and 3 unsupported files (.xlsx 2, .jpg 1).',
      '4 imported, 0 duplicate, 1 failed.',
    ]);
    const listed = await run(['list', '--json']);
    expect(JSON.parse(listed.out.join('\n')).map((s: { title: string }) => s.title).sort()).toEqual(
      ['Convoy report', 'Lachin corridor talks resume in Brussels', 'UN court orders free movement through Lachin corridor', 'Переговоры о Лачинском коридоре'].sort(),
    );
  });

  it('shows progress on a terminal, one status line redrawn, cleared at the end', async () => {
    const { progress } = await run(['import', folder], { terminal: true });
    expect(progress.at(-1)).toBe('');
    expect(progress.filter(Boolean).at(-1)).toMatch(/^Importing 5\/5: \S*russian\.txt$/);
    expect(progress[0]).toMatch(/^Importing 1\/5: \S*jsonld\.html$/);
  });

  it('shows no progress with --json, even on a terminal, and prints only the JSON', async () => {
    const { progress, out, err } = await run(['--json', 'import', folder], { terminal: true });
    expect(progress).toEqual([]);
    expect(err).toEqual([]);
    expect(JSON.parse(out.join('\n'))).toHaveLength(5);
  });

  it('stops after the current file on Ctrl+C, keeps what was imported, and says how to finish', async () => {
    const { code, out, err } = await run(['import', folder], { terminal: true, onProgress: (text) => text.startsWith('Importing 1/') && process.emit('SIGINT') });
    expect(code).toBe(1);
    expect(err).toEqual(['Stopping after the current file… (Ctrl+C again to quit at once)']);
    expect(out.slice(-3)).toEqual([
      'Cancelled: 4 files not imported. Run the same command again to import them (what was imported is then reported as duplicate).',
      'Skipped 2 hidden files or folders and 3 unsupported files (.xlsx 2, .jpg 1).',
      '1 imported, 0 duplicate, 0 failed, 4 not imported.',
    ]);
    expect(process.listenerCount('SIGINT')).toBe(0);
    const again = await run(['import', folder]);
    expect(again.out.at(-1)).toBe('3 imported, 1 duplicate, 1 failed.');
  });
});
