import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackupCancelled, backupBeforeMigration, backupIfDue, backupLibrary, KEEP_BACKUPS, listBackups, newestGoodBackup, restoreLibrary } from './backup';
import { importFile } from './import/importFiles';
import { Library } from './library';
import { listSources, updateSource } from './sources';

let dir: string;
let libraryPath: string;
let library: Library;

const article = (text: string) => ({ name: `${text}.txt`, bytes: Buffer.from(`${text} on the Lachin corridor.\n`) });

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-backup-'));
  libraryPath = path.join(dir, 'library.sqlite');
  library = Library.open(libraryPath);
});

afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backups', () => {
  it('writes a verified copy beside the library that holds what was saved', async () => {
    await importFile(library.db, article('First report'));
    const backup = await backupLibrary(library.db, libraryPath, 'manual');
    expect(path.dirname(backup.file)).toBe(path.join(dir, 'backups'));
    expect(backup.reason).toBe('manual');
    const copy = Library.open(backup.file, { readonly: true });
    expect(listSources(copy.db).map((source) => source.title)).toEqual(['First report on the Lachin corridor']);
    copy.close();
  });

  it('each backup is one self-contained file: no -wal or -shm beside it after it is checked, restored or rotated', async () => {
    await importFile(library.db, article('First report'));
    const first = await backupLibrary(library.db, libraryPath, 'manual', new Date(Date.UTC(2026, 0, 1)));
    backupBeforeMigration(library.db, libraryPath, new Date(Date.UTC(2026, 0, 2)));
    await restoreLibrary(libraryPath, first.file, library.db);
    for (let day = 3; day < 3 + KEEP_BACKUPS; day++) await backupLibrary(library.db, libraryPath, 'manual', new Date(Date.UTC(2026, 0, day)));
    const files = fs.readdirSync(path.join(dir, 'backups'));
    expect(files.filter((name) => !name.endsWith('.sqlite'))).toEqual([]);
    expect(files).toHaveLength(KEEP_BACKUPS);
  });

  it('a daily backup cancelled by the library closing stops at once and leaves no partial copy', async () => {
    for (let n = 0; n < 40; n++) await importFile(library.db, { name: `${n}.txt`, bytes: Buffer.from(`Report ${n} on the Lachin corridor.\n${'A sentence of the report. '.repeat(400)}\n`) });
    const closing = new AbortController();
    const backup = backupIfDue(library.db, libraryPath, new Date(), closing.signal);
    // Closed while the copy is being written (SQLite's backup makes the file at its first step).
    const backups = path.join(dir, 'backups');
    while (!fs.existsSync(backups) || fs.readdirSync(backups).length === 0) await new Promise((resolve) => setImmediate(resolve));
    closing.abort();
    await expect(backup).rejects.toBeInstanceOf(BackupCancelled);
    expect(fs.readdirSync(backups)).toEqual([]);
    // The next day's first start backs up as usual.
    expect((await backupIfDue(library.db, libraryPath))?.reason).toBe('daily');
  });

  it(`keeps the newest ${KEEP_BACKUPS}`, async () => {
    for (let n = 0; n < KEEP_BACKUPS + 3; n++) await backupLibrary(library.db, libraryPath, 'manual', new Date(Date.UTC(2026, 0, 1, 0, n)));
    const kept = listBackups(libraryPath);
    expect(kept).toHaveLength(KEEP_BACKUPS);
    expect(kept[0]!.createdAt).toBe('2026-01-01T00:12:00.000Z');
    expect(kept.at(-1)!.createdAt).toBe('2026-01-01T00:03:00.000Z');
  });

  it('makes a daily backup once a day', async () => {
    const day = new Date(Date.UTC(2026, 10, 1, 9));
    expect(await backupIfDue(library.db, libraryPath, day)).not.toBeNull();
    expect(await backupIfDue(library.db, libraryPath, new Date(day.getTime() + 3_600_000))).toBeNull();
    expect(await backupIfDue(library.db, libraryPath, new Date(day.getTime() + 25 * 3_600_000))).not.toBeNull();
    expect(listBackups(libraryPath)).toHaveLength(2);
  });

  it('makes a verified copy before a migration', async () => {
    await importFile(library.db, article('Before upgrade'));
    const file = backupBeforeMigration(library.db, libraryPath);
    expect(listBackups(libraryPath)[0]!.reason).toBe('before-migration');
    const copy = Library.open(file, { readonly: true });
    expect(listSources(copy.db)).toHaveLength(1);
    copy.close();
  });

  it('restores a backup into the open library, saving the current state first so the restore can be undone', async () => {
    const { sourceId } = await importFile(library.db, article('Kept report'));
    const backup = await backupLibrary(library.db, libraryPath, 'manual', new Date(Date.UTC(2026, 0, 1)));
    updateSource(library.db, sourceId!, { outlet: 'Changed after the backup' });
    await importFile(library.db, article('Later report'));

    await restoreLibrary(libraryPath, backup.file, library.db);
    expect(listSources(library.db).map((source) => [source.title, source.outlet])).toEqual([['Kept report on the Lachin corridor', null]]);
    const undo = listBackups(libraryPath).find((entry) => entry.reason === 'before-restore')!;
    const saved = Library.open(undo.file, { readonly: true });
    expect(listSources(saved.db)).toHaveLength(2);
    saved.close();
  });

  it('refuses to restore a damaged backup and leaves the library as it was', async () => {
    await importFile(library.db, article('Precious report'));
    const bad = path.join(dir, 'damaged.sqlite');
    fs.writeFileSync(bad, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4000, 7)]));
    await expect(restoreLibrary(libraryPath, bad, library.db)).rejects.toThrow(/damaged\.sqlite is not a sound Marginalia library/);
    expect(listSources(library.db)).toHaveLength(1);
  });

  it('offers the newest backup that passes its check', async () => {
    const good = await backupLibrary(library.db, libraryPath, 'manual', new Date(Date.UTC(2026, 0, 1)));
    const newer = await backupLibrary(library.db, libraryPath, 'manual', new Date(Date.UTC(2026, 0, 2)));
    fs.writeFileSync(newer.file, 'garbage');
    expect(newestGoodBackup(libraryPath)?.file).toBe(good.file);
  });
});

describe("a backup's integrity check", () => {
  /** A stand-in for integrityWorker.ts: answers `reply` after `waitMs` (never, when null). */
  const fakeCheck = (reply: object | null, waitMs = 0) => {
    const file = path.join(dir, `check-${Math.random().toString(36).slice(2)}.mjs`);
    const answer = reply === null ? 'setInterval(() => {}, 1000);' : `setTimeout(() => parentPort.postMessage(${JSON.stringify(reply)}), ${waitMs});`;
    fs.writeFileSync(file, `import { parentPort } from 'node:worker_threads';\n${answer}\n`);
    return { workerPath: file };
  };

  it("runs in a worker thread: its verdict decides, and this thread's timers run while it checks", async () => {
    await importFile(library.db, article('First report'));
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    try {
      const backup = backupLibrary(library.db, libraryPath, 'manual', new Date(), undefined, fakeCheck({ sound: false, detail: 'row 3 missing from index' }, 300));
      await expect(backup).rejects.toThrow(/failed its integrity check and was discarded/);
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThan(5);
    expect(fs.readdirSync(path.join(dir, 'backups'))).toEqual([]);
  });

  it('falls back to this thread when no thread can check, and keeps the sound copy', async () => {
    await importFile(library.db, article('First report'));
    const broken = path.join(dir, 'broken.mjs');
    fs.writeFileSync(broken, "throw new Error('no binding here');\n");
    const backup = await backupLibrary(library.db, libraryPath, 'manual', new Date(), undefined, { workerPath: broken });
    expect(fs.existsSync(backup.file)).toBe(true);
  });

  it('is ended by the library closing: the backup is cancelled and leaves no copy', async () => {
    await importFile(library.db, article('First report'));
    const closing = new AbortController();
    const backup = backupIfDue(library.db, libraryPath, new Date(), closing.signal, fakeCheck(null));
    const backups = path.join(dir, 'backups');
    while (!fs.existsSync(backups) || fs.readdirSync(backups).length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 100));
    closing.abort();
    await expect(backup).rejects.toBeInstanceOf(BackupCancelled);
    expect(fs.readdirSync(backups)).toEqual([]);
  });
});

describe('backups made at once', () => {
  it('get their own names and are all sound', async () => {
    const dir2 = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-backup-race-'));
    const file = path.join(dir2, 'library.sqlite');
    const lib = Library.open(file);
    const now = new Date(Date.UTC(2026, 0, 1));
    const made = await Promise.all([1, 2, 3, 4].map(() => backupLibrary(lib.db, file, 'manual', now)));
    expect(new Set(made.map((backup) => backup.name)).size).toBe(4);
    expect(listBackups(file)).toHaveLength(4);
    lib.close();
    fs.rmSync(dir2, { recursive: true, force: true });
  });
});
