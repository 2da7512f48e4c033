import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/core/import/importFiles';
import { Library } from '../../src/core/library';
import { createNote } from '../../src/core/notes/notes';

/**
 * A library this user may not write opens read-only: reading, searching and exporting work, every
 * write says the library is read-only and why, and the file is never changed. Root may write any
 * file, so as root the CLI runs as `nobody` (setpriv); as any other user, as that user.
 */
const root = path.resolve(import.meta.dirname, '../..');
const isRoot = process.getuid?.() === 0;
const setprivWorks = isRoot && spawnSync('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', 'node', '-e', 'fs.accessSync(process.argv[1])', path.join(root, 'bin/marginalia.js')]).status === 0;
const skipReason = process.platform === 'win32' ? 'POSIX permissions only' : isRoot && !setprivWorks ? 'running as root without setpriv, or user nobody cannot read the checkout' : null;

function asUser(command: string, args: string[]) {
  const argv = isRoot ? ['--reuid=nobody', '--regid=nogroup', '--clear-groups', command, ...args] : args;
  return spawnSync(isRoot ? 'setpriv' : command, argv, { cwd: root, encoding: 'utf8', env: { ...process.env, HOME: os.tmpdir() }, timeout: 120_000 });
}
const cli = (...args: string[]) => asUser(process.execPath, [path.join(root, 'bin/marginalia.js'), ...args]);
const readOnlyMessage = (reason: string) => `The library is read-only (${reason}), so nothing can be changed. Reading, searching and exporting still work; to make changes, open a copy you can write to.`;
const nobody = { uid: Number(spawnSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).stdout.trim() || 65534), gid: Number(spawnSync('id', ['-g', 'nobody'], { encoding: 'utf8' }).stdout.trim() || 65534) };
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

let base: string;
beforeAll(async () => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-read-only-test-'));
  fs.chmodSync(base, 0o755);
  const seed = path.join(base, 'seed.sqlite');
  const library = Library.open(seed);
  await importFile(library.db, { name: 'corridor.txt', bytes: Buffer.from('Report on the Lachin corridor.\n\nTrucks passed the checkpoint in the morning.\n') });
  createNote(library.db, { title: 'Corridor notes' });
  library.close();
});
afterAll(() => {
  for (const dir of fs.readdirSync(base)) fs.chmodSync(path.join(base, dir), 0o755);
  fs.rmSync(base, { recursive: true, force: true });
});

/** A copy of the seed library whose file (and, for 'folder', its folder) this user may not write. */
function lockedLibrary(what: 'file' | 'folder'): string {
  const folder = fs.mkdtempSync(path.join(base, `${what}-`));
  const file = path.join(folder, 'library.sqlite');
  fs.copyFileSync(path.join(base, 'seed.sqlite'), file);
  if (what === 'file') {
    // The file is read-only; its folder is writable by all (as /tmp).
    fs.chmodSync(file, 0o444);
    fs.chmodSync(folder, 0o1777);
  } else {
    // The user owns the file, but not the folder, which is read-only.
    if (isRoot) fs.chownSync(file, nobody.uid, nobody.gid);
    fs.chmodSync(folder, 0o555);
  }
  return file;
}

describe.skipIf(skipReason !== null)(`a read-only library${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  for (const what of ['file', 'folder'] as const) {
    it(`whose ${what} is not writable: the CLI lists, searches and exports; an import says read-only and why; nothing changes`, { timeout: 120_000 }, () => {
      const file = lockedLibrary(what);
      const before = sha(file);
      const list = cli('--library', file, '--json', 'list');
      expect(list.stderr).toBe('');
      expect((JSON.parse(list.stdout) as { title: string }[]).map((source) => source.title)).toEqual(['Report on the Lachin corridor']);
      const search = cli('--library', file, '--json', 'search', 'checkpoint');
      expect(search.status).toBe(0);
      expect(JSON.parse(search.stdout)).toHaveLength(1);
      const out = fs.mkdtempSync(path.join(base, 'out-'));
      fs.chmodSync(out, 0o777);
      const exported = cli('--library', file, 'export', '--all', '--out', path.join(out, 'notes'));
      expect(exported.stderr).toBe('');
      expect(fs.readdirSync(path.join(out, 'notes'))).toContain('Corridor notes.md');

      const article = path.join(out, 'new.txt');
      fs.writeFileSync(article, 'A new article about the corridor.\n');
      fs.chmodSync(article, 0o644);
      const imported = cli('--library', file, 'import', article);
      expect(imported.status).toBe(1);
      const reason = what === 'file' ? `the file ${file} is not writable by you (permission denied)` : `the folder ${path.dirname(file)} is not writable by you (permission denied)`;
      expect(imported.stderr.trim()).toBe(`marginalia import: ${readOnlyMessage(reason)}`);
      expect(imported.stderr).not.toContain('Is it a Marginalia library?');
      expect(sha(file)).toBe(before);
      // (Beside a read-only file in a writable folder SQLite may keep its -wal and -shm while reading.)
      if (what === 'folder') expect(fs.readdirSync(path.dirname(file))).toEqual(['library.sqlite']);
    });
  }

  it('tells the app it is read-only, and every write through the contract answers unavailable saying why', { timeout: 120_000 }, () => {
    const file = lockedLibrary('folder');
    const before = sha(file);
    const probe = asUser(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'readOnlyProbe.ts'), file]);
    expect(probe.stderr).toBe('');
    const out = JSON.parse(probe.stdout) as Record<string, { ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } }> & { writes: Record<string, { ok: boolean; error?: { code: string; message: string } }> };
    const reason = `the folder ${path.dirname(file)} is not writable by you (permission denied)`;
    expect(out.info).toMatchObject({ ok: true, value: { readOnly: true, readOnlyReason: reason, sourceCount: 1 } });
    expect(out.search).toMatchObject({ ok: true, value: { results: [{ type: 'source', title: 'Report on the Lachin corridor' }, { type: 'note', title: 'Corridor notes' }] } });
    expect(out.notes).toMatchObject({ ok: true, value: [{ title: 'Corridor notes' }] });
    expect(out.noteDoc).toMatchObject({ ok: true, value: { update: expect.any(String), stateVector: expect.any(String) } });
    for (const [operation, result] of Object.entries(out.writes)) {
      expect(result, operation).toEqual({ ok: false, error: { code: 'unavailable', message: readOnlyMessage(reason) } });
    }
    expect(sha(file)).toBe(before);
  });
});

/**
 * The third kind: a library on a read-only mount (a bind mount remounted read-only, which binds root
 * too). Needs root and a kernel that lets it mount; skipped, saying so, elsewhere.
 */
function readOnlyMount(): { file: string; unmount: () => void } | null {
  if (!isRoot || process.platform !== 'linux') return null;
  const folder = fs.mkdtempSync(path.join(base, 'mounted-'));
  const target = fs.mkdtempSync(path.join(base, 'mount-'));
  fs.copyFileSync(path.join(base, 'seed.sqlite'), path.join(folder, 'library.sqlite'));
  if (spawnSync('mount', ['--bind', folder, target]).status !== 0) return null;
  const unmount = () => void spawnSync('umount', [target]);
  if (spawnSync('mount', ['-o', 'remount,ro,bind', target]).status !== 0) {
    unmount();
    return null;
  }
  return { file: path.join(target, 'library.sqlite'), unmount };
}

it('a library on a read-only mount: the CLI lists and searches; an import says it is on a read-only mount; nothing changes', { timeout: 120_000 }, (context) => {
  const mounted = readOnlyMount();
  if (!mounted) return context.skip('needs root and permission to mount (a read-only bind mount)');
  try {
    const run = (...args: string[]) => spawnSync(process.execPath, [path.join(root, 'bin/marginalia.js'), '--library', mounted.file, ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    const before = sha(mounted.file);
    const list = run('--json', 'list');
    expect(list.stderr).toBe('');
    expect((JSON.parse(list.stdout) as { title: string }[]).map((source) => source.title)).toEqual(['Report on the Lachin corridor']);
    expect(JSON.parse(run('--json', 'search', 'checkpoint').stdout)).toHaveLength(1);
    const article = path.join(base, 'mounted-new.txt');
    fs.writeFileSync(article, 'A new article about the corridor.\n');
    const imported = run('import', article);
    expect(imported.status).toBe(1);
    expect(imported.stderr.trim()).toBe(`marginalia import: ${readOnlyMessage(`the file ${mounted.file} is on a read-only disk or mount`)}`);
    expect(sha(mounted.file)).toBe(before);
  } finally {
    mounted.unmount();
  }
});
