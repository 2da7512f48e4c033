import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from './main';

const SAMPLES = path.resolve(import.meta.dirname, '../../resources/samples');

let dir: string;
let library: string;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-cli-compare-'));
  library = path.join(dir, 'library.sqlite');
  vi.stubEnv('MARGINALIA_LIBRARY', '');
  expect((await run('import', SAMPLES)).code).toBe(0);
});
afterEach(() => {
  vi.unstubAllEnvs();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['--library', library, ...argv], { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
const json = async (...argv: string[]) => {
  const result = await run(...argv, '--json');
  expect(result.err).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.out) as unknown;
};
/** Reads CSV with Python's csv module, as a spreadsheet or script would. */
const readCsv = (text: string) => JSON.parse(execFileSync('python3', ['-c', 'import csv,json,sys; print(json.dumps(list(csv.DictReader(sys.stdin))))'], { input: text }).toString()) as Record<string, string>[];

describe('marginalia outlets, collections, codes', () => {
  it('lists, sets and merges outlets in the documented shape', async () => {
    expect(await json('outlets')).toEqual([
      { name: 'AzerNews', country: null, note: '', sourceCount: 1 },
      { name: 'UrduPoint.com', country: null, note: '', sourceCount: 1 },
    ]);
    expect((await run('outlets', 'set', 'UrduPoint.com', '--country', 'pk', '--note', 'aggregator')).code).toBe(0);
    expect(await json('outlets', 'merge', 'UrduPoint.com', 'UrduPoint')).toEqual({ name: 'UrduPoint', country: 'PK', note: 'aggregator', sourceCount: 1 });
    expect(await json('outlets')).toEqual([
      { name: 'AzerNews', country: null, note: '', sourceCount: 1 },
      { name: 'UrduPoint', country: 'PK', note: 'aggregator', sourceCount: 1 },
    ]);
    const bad = await run('outlets', 'set', 'AzerNews', '--country', 'Azerbaijan');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/ISO 3166 alpha-2/);
    expect((await run('outlets', 'set', 'Nowhere', '--country', 'AM')).code).toBe(1);
  });

  it('collects sources and lists collections', async () => {
    expect(await json('collect', 'Armenian press', '1', '3')).toEqual({ name: 'Armenian press', sourceCount: 2 });
    expect(await json('collections')).toEqual([{ name: 'Armenian press', sourceCount: 2 }]);
    expect((await run('collect', 'x', '99')).code).toBe(1);
    expect((await run('collect', 'x', 'one')).code).toBe(2);
  });
});

describe('marginalia autocode, passages, matrix, related', () => {
  it('codes by search, then lists passages and the matrix in the documented shapes', async () => {
    const coded = (await json('autocode', '"illegal blockade"', '--code', 'framing/illegal-blockade')) as { highlightId: number; sourceId: number; exact: string }[];
    expect(coded.length).toBeGreaterThan(0);
    expect(Object.keys(coded[0]!)).toEqual(['highlightId', 'sourceId', 'exact']);
    await json('autocode', 'peacekeepers', '--code', 'un/peacekeepers');

    const passages = (await json('passages', '--code', 'framing')) as Record<string, unknown>[];
    expect(passages.map((p) => p.id).sort()).toEqual(coded.map((c) => c.highlightId).sort());
    expect(Object.keys(passages[0]!)).toEqual(['id', 'sourceId', 'exact', 'codes', 'comment', 'color', 'outlet', 'country', 'publishedAt', 'title', 'orphaned', 'translation', 'translationLanguage', 'translationTool']);
    // The dated UrduPoint.com report first, undated sources after it.
    expect(passages[0]).toMatchObject({ outlet: 'UrduPoint.com', publishedAt: '2023-02-24', codes: ['framing/illegal-blockade'] });
    expect(passages.at(-1)).toMatchObject({ publishedAt: null });

    const csv = readCsv((await run('passages', '--code', 'framing', '--csv')).out);
    expect(csv.map((row) => Number(row.id))).toEqual(passages.map((p) => p.id));
    expect(csv[0]).toMatchObject({ exact: passages[0]!.exact, codes: 'framing/illegal-blockade', outlet: 'UrduPoint.com', country: '' });

    const matrix = (await json('matrix')) as { by: string; columns: string[]; rows: { code: string; passages: Record<string, number>; sources: Record<string, number> }[] };
    expect(matrix.by).toBe('outlet');
    expect(matrix.columns).toEqual(['AzerNews', 'UrduPoint.com', '(no outlet)']);
    const framing = matrix.rows.find((row) => row.code === 'framing')!;
    expect(framing.passages['UrduPoint.com']! + framing.passages['(no outlet)']! + framing.passages.AzerNews!).toBe(coded.length);
    const matrixCsv = readCsv((await run('matrix', '--csv')).out);
    expect(matrixCsv.find((row) => row.code === 'framing')!['UrduPoint.com passages']).toBe(String(framing.passages['UrduPoint.com']));
  });

  it('lists related coverage best first in the documented shape', async () => {
    const related = (await json('related', '2')) as Record<string, unknown>[];
    expect(Object.keys(related[0]!)).toEqual(['sourceId', 'title', 'outlet', 'publishedAt', 'score']);
    expect(related[0]!.sourceId).toBe(3);
  });

  it('refuses options that do not belong to the command', async () => {
    expect((await run('matrix', '--by', 'author')).code).toBe(2);
    expect((await run('list', '--code', 'x')).code).toBe(2);
    expect((await run('autocode', 'blockade')).err).toMatch(/--code/);
  });
});
