import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from './main';

const SAMPLES = path.resolve(import.meta.dirname, '../../resources/samples');

let dir: string;
let libraryFile: string;
let articles: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-cli-'));
  libraryFile = path.join(dir, 'library.sqlite');
  articles = path.join(dir, 'articles');
  fs.cpSync(SAMPLES, path.join(articles, 'seeds'), { recursive: true });
  vi.stubEnv('MARGINALIA_LIBRARY', '');
});
afterEach(() => {
  vi.unstubAllEnvs();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs the CLI in-process, as a user would from a shell, and captures what it prints. */
async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
const json = async (...argv: string[]) => {
  const result = await run(...argv);
  return { ...result, data: JSON.parse(result.out) as Record<string, unknown>[] };
};

describe('marginalia import', () => {
  it('imports folders recursively, skipping hidden files, and prints the --json results', async () => {
    fs.writeFileSync(path.join(articles, '.DS_Store.txt'), 'hidden');
    fs.mkdirSync(path.join(articles, '.cache'));
    fs.writeFileSync(path.join(articles, '.cache', 'old.txt'), 'hidden');
    fs.writeFileSync(path.join(articles, 'cover.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]));
    const { code, data, err } = await json('--library', libraryFile, '--json', 'import', articles);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(data).toHaveLength(5);
    for (const row of data) {
      expect(Object.keys(row)).toEqual(['file', 'status', 'sourceId', 'error']);
      expect(row).toMatchObject({ status: 'imported', sourceId: expect.any(Number), error: null });
    }
    expect(data.map((row) => path.basename(row.file as string))).toEqual(fs.readdirSync(SAMPLES).sort());
  });

  it('reports a bad file, imports the rest, and exits 1', async () => {
    const bad = path.join(dir, 'photo.txt');
    fs.writeFileSync(bad, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    const missing = path.join(dir, 'missing.md');
    const { code, data } = await json('--library', libraryFile, '--json', 'import', bad, missing, articles);
    expect(code).toBe(1);
    expect(data.filter((row) => row.status === 'imported')).toHaveLength(5);
    expect(data.find((row) => row.file === bad)).toEqual({ file: bad, status: 'failed', sourceId: null, error: 'photo.txt looks like a binary file, not text. Import .txt, .md, .html or .pdf articles.' });
    expect(data.find((row) => row.file === missing)).toMatchObject({ status: 'failed', error: expect.stringContaining('missing.md cannot be read (ENOENT)') });
  });

  it('prints one line per file and a summary; a second import reports duplicates and exits 0', async () => {
    const first = await run('--library', libraryFile, 'import', articles);
    const lines = first.out.split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(/^imported {3}\S*000_656c5c92263c5c44\.txt \(source 1\)$/);
    expect(lines[5]).toBe('5 imported, 0 duplicate, 0 failed.');
    const second = await run('--library', libraryFile, 'import', path.join(articles, 'seeds', '001_3f563855fa8c88f3.txt'));
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/^duplicate {2}\S*001_3f563855fa8c88f3\.txt \(source 2\)\n0 imported, 1 duplicate, 0 failed\.$/);
  });

  it('prints a failed file with its reason', async () => {
    const empty = path.join(dir, 'empty.txt');
    fs.writeFileSync(empty, '');
    const { code, out } = await run('--library', libraryFile, 'import', empty);
    expect(code).toBe(1);
    expect(out).toMatch(/^failed {5}\S*empty\.txt: empty\.txt is empty\. There is no text to import\.\n0 imported, 0 duplicate, 1 failed\.$/);
  });

  it('says so when a folder holds no articles, and exits 1', async () => {
    const emptyFolder = path.join(dir, 'nothing');
    fs.mkdirSync(emptyFolder);
    fs.writeFileSync(path.join(emptyFolder, 'notes.docx'), 'x');
    fs.writeFileSync(path.join(emptyFolder, '.notes.txt'), 'x');
    const { code, err } = await run('--library', libraryFile, 'import', emptyFolder);
    expect(code).toBe(1);
    expect(err).toBe(`marginalia import: no .txt, .text, .md, .markdown, .html, .htm, .pdf files found in ${emptyFolder}. Skipped 1 hidden file or folder and 1 unsupported file (.docx 1).`);
  });
});

describe('marginalia list and show', () => {
  beforeEach(async () => {
    expect((await run('--library', libraryFile, 'import', articles)).code).toBe(0);
  });

  it('list --json gives summaries sorted by date, undated last', async () => {
    const { code, data } = await json('--library', libraryFile, 'list', '--json');
    expect(code).toBe(0);
    expect(Object.keys(data[0]!)).toEqual(['id', 'title', 'outlet', 'author', 'publishedAt', 'url', 'language', 'citekey', 'titleDerived']);
    expect(data[0]).toEqual({
      id: 2,
      title: 'Pashinyan, Guterres Agree To Continue Talks On UN Mission To Nagorno-Karabakh - Yerevan',
      outlet: 'UrduPoint.com',
      author: null,
      publishedAt: '2023-02-24',
      url: null,
      language: 'en',
      citekey: 'urdupoint2023pashinyan',
      titleDerived: false,
    });
    expect(data.map((row) => row.publishedAt)).toEqual(['2023-02-24', '2023-01-11', null, null, null]);
  });

  it('list prints an aligned table', async () => {
    const { code, out } = await run('--library', libraryFile, 'list');
    expect(code).toBe(0);
    const [header, ...rows] = out.split('\n');
    expect(header).toBe('ID  DATE        OUTLET         AUTHOR           TITLE');
    expect(rows).toHaveLength(5);
    const titleColumn = header!.indexOf('TITLE');
    expect(rows[0]!.slice(titleColumn)).toBe('Pashinyan, Guterres Agree To Continue Talks On UN Mission T…'); // cut at 60 characters
    expect(rows[1]!.slice(0, titleColumn)).toBe('5   2023-01-11  AzerNews       Fatima Hasanova  ');
    expect(rows[4]!.slice(0, titleColumn)).toBe('1   —           —              —                ');
    for (const row of rows) expect(row.slice(titleColumn - 2, titleColumn)).toBe('  ');
  });

  it('show ID --json adds the body', async () => {
    const { code, data } = await json('--library', libraryFile, '--json', 'show', '5');
    expect(code).toBe(0);
    const source = data as unknown as Record<string, unknown>;
    expect(Object.keys(source)).toEqual(['id', 'title', 'outlet', 'author', 'publishedAt', 'url', 'language', 'citekey', 'body']);
    expect(source).toMatchObject({ id: 5, author: 'Fatima Hasanova', outlet: 'AzerNews', citekey: 'hasanova2023sending' });
    expect(source.body).toMatch(/^The sending of UN peacekeepers[\s\S]*Lachin-Khankandi road\.$/);
  });

  it('show prints the title, the facts and the text', async () => {
    const { out } = await run('--library', libraryFile, 'show', '5');
    expect(out.split('\n').slice(0, 3)).toEqual(['The sending of UN peacekeepers to Karabakh is up to Baku and Yerevan, Spokesperson…', 'AzerNews · Fatima Hasanova · 2023-01-11', '']);
  });

  it('detect-languages gives a language to sources imported without one, once', async () => {
    const library = new Database(libraryFile);
    library.prepare('UPDATE sources SET language = NULL WHERE id IN (1, 2)').run();
    library.close();
    expect((await run('--library', libraryFile, 'detect-languages')).out).toBe('Detected the language of 2 of 2 sources without one.');
    expect((await json('--library', libraryFile, 'list', '--json')).data.map((row) => row.language)).toEqual(['en', 'en', 'en', 'en', 'en']);
    expect((await run('--library', libraryFile, 'detect-languages')).out).toBe('Every source has a language.');
  });

  it('show of a missing source exits 1 with a clear message', async () => {
    const { code, err } = await run('--library', libraryFile, 'show', '99');
    expect(code).toBe(1);
    expect(err).toMatch(/^marginalia show: Source 99 was not found/);
  });
});

describe('choosing the library', () => {
  it('uses MARGINALIA_LIBRARY, and --library over it', async () => {
    const fromEnv = path.join(dir, 'env.sqlite');
    vi.stubEnv('MARGINALIA_LIBRARY', fromEnv);
    await run('import', path.join(articles, 'seeds', '001_3f563855fa8c88f3.txt'));
    expect((await json('list', '--json')).data).toHaveLength(1);
    expect(fs.existsSync(fromEnv)).toBe(true);
    expect((await json('--library', libraryFile, 'list', '--json')).data).toHaveLength(0);
  });

  it('refuses a library from a newer version with exit 1', async () => {
    const db = new Database(libraryFile);
    db.pragma('user_version = 999');
    db.close();
    const { code, err } = await run('--library', libraryFile, 'list');
    expect(code).toBe(1);
    expect(err).toMatch(/was written by a newer version of Marginalia .* It has not been changed\./);
  });
});

describe('usage errors exit 2 with the usage text', () => {
  it.each([
    [['frobnicate'], 'marginalia frobnicate: unknown command "frobnicate".'],
    [[], 'Usage: marginalia'],
    [['import'], 'marginalia import: give at least one file or folder to import.'],
    [['show'], 'marginalia show: give one numeric SOURCE_ID'],
    [['show', 'abc'], 'marginalia show: give one numeric SOURCE_ID'],
    [['list', 'extra'], 'marginalia list: takes no arguments, got "extra".'],
    [['list', '--port', '80'], '--port takes a number from 0 to 65535, with serve.'],
    [['list', '--bogus'], "marginalia: Unknown option '--bogus'"],
    [['--library'], "marginalia: Option '--library <value>' argument missing"],
  ])('%j', async (argv, message) => {
    const { code, err, out } = await run(...argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(message);
    expect(err).toContain('Usage: marginalia [--library FILE] [--json] COMMAND');
    expect(fs.existsSync(libraryFile)).toBe(false);
  });

  it('--help prints the usage on stdout and exits 0', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    expect(out).toMatch(/^Usage: marginalia/);
  });
});

describe('a reader that stops reading', () => {
  it('`marginalia show ID | head -1` prints the first line and ends quietly, with no stack trace', async () => {
    // A text far longer than a pipe's buffer (64 KB), so most of it is written after the reader has gone.
    const paragraphs = Array.from({ length: 2000 }, (_, n) => `Paragraph ${n}. ${'Trucks waited at the checkpoint. '.repeat(8)}`);
    fs.writeFileSync(path.join(articles, 'long-report.txt'), `A long report from the corridor\n\n${paragraphs.join('\n\n')}\n`);
    expect((await run('--library', libraryFile, 'import', articles)).code).toBe(0);
    const bin = path.resolve(import.meta.dirname, '../../bin/marginalia.js');
    const { spawnSync } = await import('node:child_process');
    // bash, for PIPESTATUS: the status of marginalia itself, not of head.
    const result = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" --library "${libraryFile}" show 1 | head -1; echo "status \${PIPESTATUS[0]}"`], { encoding: 'utf8', timeout: 60_000 });
    const [first, status] = result.stdout.trim().split('\n');
    expect(first).toContain('A long report from the corridor');
    expect(result.stderr).toBe('');
    expect(status).toBe('status 0');
  });
});
