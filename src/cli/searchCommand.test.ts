import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from './main';

let dir: string;
const SAMPLES = path.resolve(import.meta.dirname, '../../resources/samples');

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['--library', path.join(dir, 'library.sqlite'), ...argv], { out: (text) => out.push(text), err: (text) => err.push(text), progress: () => {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-cli-search-'));
  await run('import', SAMPLES);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('marginalia search', () => {
  it('gives the documented JSON shape, best first, with the matched words in the snippet', async () => {
    const { code, out } = await run('--json', 'search', 'Peskov');
    expect(code).toBe(0);
    const results = JSON.parse(out) as { type: string; id: number; sourceId: number; title: string; snippet: string }[];
    expect(results.length).toBeGreaterThan(0);
    expect(Object.keys(results[0]!).sort()).toEqual(['id', 'snippet', 'sourceId', 'title', 'type']);
    expect(results[0]).toMatchObject({ type: 'source', title: expect.stringContaining('The sending of UN peacekeepers') });
    expect(results[0]!.snippet).toContain('Peskov');
  });

  it('gives [] and exit 0 when nothing matches', async () => {
    const { code, out } = await run('--json', 'search', 'zzzyxnotaword');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual([]);
  });

  it('honours --limit and refuses a bad one', async () => {
    const { out } = await run('--json', 'search', 'Lachin', '--limit', '2');
    expect((JSON.parse(out) as unknown[]).length).toBe(2);
    expect((await run('search', 'Lachin', '--limit', '0')).code).toBe(2);
    expect((await run('search')).code).toBe(2);
  });

  it('falls back to plain words on a malformed query, and says so', async () => {
    const { code, err } = await run('--json', 'search', '"unclosed phrase Lachin');
    expect(code).toBe(0);
    expect(err).toMatch(/marginalia search: /);
  });
});
