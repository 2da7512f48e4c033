import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from './main';

let dir: string;
let libraryPath: string;
const SAMPLES = path.resolve(import.meta.dirname, '../../resources/samples');

function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return main(['--library', libraryPath, ...argv], { out: (text) => out.push(text), err: (text) => err.push(text), progress: () => {} }).then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-cli-backup-'));
  libraryPath = path.join(dir, 'library.sqlite');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('marginalia backup and restore', () => {
  it('backs up, lists, and restores the library as it was, keeping an undo copy', async () => {
    await run('import', SAMPLES);
    const made = await run('--json', 'backup');
    expect(made.code).toBe(0);
    const { file } = JSON.parse(made.out) as { file: string };
    expect(fs.existsSync(file)).toBe(true);

    const list = JSON.parse((await run('--json', 'list')).out) as { id: number }[];
    expect(list).toHaveLength(5);
    await run('import', path.join(dir, 'missing.txt'));
    fs.writeFileSync(path.join(dir, 'later.txt'), 'A later report from Stepanakert.\n');
    await run('import', path.join(dir, 'later.txt'));
    expect(JSON.parse((await run('--json', 'list')).out)).toHaveLength(6);

    const restored = await run('restore', file);
    expect(restored.code).toBe(0);
    expect(restored.out).toContain(`Restored ${libraryPath} from ${file}.`);
    expect(JSON.parse((await run('--json', 'list')).out)).toHaveLength(5);

    const backups = JSON.parse((await run('--json', 'backup', '--list')).out) as { reason: string }[];
    expect(backups.map((backup) => backup.reason)).toEqual(['before-restore', 'manual']);
  });

  it('refuses to restore a file that is not a sound library, and changes nothing', async () => {
    await run('import', SAMPLES);
    fs.writeFileSync(path.join(dir, 'not-a-backup.sqlite'), 'hello');
    const result = await run('restore', path.join(dir, 'not-a-backup.sqlite'));
    expect(result.code).toBe(1);
    expect(result.err).toContain('not-a-backup.sqlite is not a sound Marginalia library');
    expect(JSON.parse((await run('--json', 'list')).out)).toHaveLength(5);
  });

  it('needs exactly one FILE to restore', async () => {
    expect((await run('restore')).code).toBe(2);
    expect((await run('list', '--list')).code).toBe(2);
  });
});
