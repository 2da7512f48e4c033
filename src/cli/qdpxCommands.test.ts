import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Library } from '../core/library';
import { main } from './main';
import { buildQdpxLibrary } from '../../tests/support/qdpx';

let dir: string;
let out: string[];
let err: string[];
const io = { out: (text: string) => out.push(text), err: (text: string) => err.push(text) };

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-qdpx-cli-'));
  const library = Library.open(path.join(dir, 'library.sqlite'));
  buildQdpxLibrary(library.db);
  library.close();
  out = [];
  err = [];
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const lib = (name = 'library.sqlite') => ['--library', path.join(dir, name)];

describe('marginalia export --qdpx and import FILE.qdpx', () => {
  it('exports the library and imports it into another, printing what each did', async () => {
    const file = path.join(dir, 'out', 'lachin.qdpx');
    expect(await main([...lib(), 'export', '--qdpx', file], io)).toBe(0);
    expect(out.join('\n')).toContain(`Exported 4 sources, 4 codes, 3 coded passages and 2 notes to ${file}.`);
    expect(out.join('\n')).toContain('Skipped لاچین: “ناکہ بندی”: the highlight is orphaned');
    expect(fs.existsSync(file)).toBe(true);
    out = [];
    expect(await main([...lib('other.sqlite'), '--json', 'import', file], io)).toBe(0);
    expect(JSON.parse(out.join('\n'))).toEqual({ sources: 4, codes: 4, selections: 3, notes: 2, skipped: [] });
    out = [];
    // The same project again: every source is already there, and says so.
    expect(await main([...lib('other.sqlite'), '--json', 'import', file], io)).toBe(0);
    const again = JSON.parse(out.join('\n')) as { sources: number; skipped: { reason: string }[] };
    expect(again.sources).toBe(0);
    expect(again.skipped.every((item) => item.reason.startsWith('the same text is already in the library'))).toBe(true);
  });

  it('refuses a collection while the library has none, and bad combinations, clearly', async () => {
    expect(await main([...lib(), 'export', '--qdpx', path.join(dir, 'x.qdpx'), '--collection', 'Lachin'], io)).toBe(1);
    expect(err.join('\n')).toContain('no such collection "Lachin"');
    expect(await main([...lib(), 'export', '1', '--qdpx', path.join(dir, 'x.qdpx')], io)).toBe(2);
    expect(await main([...lib(), 'import', 'a.qdpx', 'b.txt'], io)).toBe(2);
    expect(err.join('\n')).toContain('import .qdpx projects on their own');
    expect(await main([...lib(), 'list', '--collection', 'x'], io)).toBe(2);
    expect(await main([...lib(), 'import', path.join(dir, 'library.sqlite').replace(/sqlite$/, 'qdpx')], io)).toBe(1);
  });
});
