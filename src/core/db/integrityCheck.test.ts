import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestLibrary } from '../../../tests/support/library';
import { addSource, openTestLibrary } from '../../../tests/support/library';
import { backupLibrary } from '../backup';
import { dispatch } from '../dispatch';
import { createHandlers } from '../handlers';
import { Library } from '../library';
import { listSources } from '../sources';
import { integrityState } from './integrityCheck';
import { writeTransaction } from './writeTransaction';

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const LONG_BODY = Array.from({ length: 4000 }, (_, i) => `Sentence ${i} of the long article, which spills over many pages.`).join(' ');

let lib: TestLibrary;
let shortId: number;
let longId: number;

/** A closed library in WAL mode (as the app leaves it) with one article long enough to fill overflow pages. */
function closedLibrary(): void {
  shortId = addSource(lib.db, { title: 'A short article', body: 'A short article. Its body fits in one page.' });
  longId = addSource(lib.db, { title: 'A long article', body: LONG_BODY });
  lib.db.pragma('wal_checkpoint(TRUNCATE)');
}

/** Scribbles over one page in the middle of the long article's text, as a failing disk would. */
function damageMiddlePage(): void {
  const pages = lib.db.prepare("SELECT pageno FROM dbstat WHERE pagetype = 'overflow' ORDER BY pageno").pluck().all() as number[];
  expect(pages.length).toBeGreaterThan(10);
  const pageSize = lib.db.pragma('page_size', { simple: true }) as number;
  lib.library.close();
  const page = pages[Math.floor(pages.length / 2)]!;
  const bytes = fs.readFileSync(lib.file);
  bytes.fill(0x5a, (page - 1) * pageSize, page * pageSize);
  fs.writeFileSync(lib.file, bytes);
}

beforeEach(() => {
  lib = openTestLibrary();
  closedLibrary();
});
afterEach(() => lib.cleanup());

describe('a library damaged in the middle of the file', () => {
  it('opens for reading at once, and its first change is refused, saying so, with nothing written', async () => {
    damageMiddlePage();
    const before = sha(lib.file);
    const library = Library.open(lib.file);
    const handlers = createHandlers(library);
    try {
      // Reading needs no check: the list (which reads no article text) answers at once.
      expect(listSources(library.db).map((source) => source.title)).toEqual(expect.arrayContaining(['A short article', 'A long article']));
      const read = await dispatch(handlers, 'getSource', { id: shortId });
      expect(read).toMatchObject({ ok: true, value: { title: 'A short article' } });

      const change = await dispatch(handlers, 'updateSource', { id: shortId, patch: { title: 'Renamed' } });
      expect(change).toEqual({ ok: false, error: { code: 'unavailable', message: expect.stringMatching(/^The library file .+library\.sqlite is damaged .*nothing was written to it.*Restore from a backup/) } });
      // A write that does not go through the operations (the CLI's) is refused the same way.
      expect(() => writeTransaction(library.db, () => library.db.prepare("UPDATE sources SET title = 'Renamed' WHERE id = ?").run(shortId))).toThrow(/is damaged/);
      expect(integrityState(library.db)).toBe('damaged');
    } finally {
      await handlers.close();
      library.close();
    }
    expect(sha(lib.file)).toBe(before);
  }, 20_000);
});

describe('a damaged library restored from a backup in the app', () => {
  it('takes changes again once restored, and its damaged file is kept aside, byte for byte', async () => {
    const backup = await backupLibrary(lib.db, lib.file, 'manual');
    damageMiddlePage();
    const damaged = fs.readFileSync(lib.file);
    const library = Library.open(lib.file);
    const handlers = createHandlers(library);
    try {
      expect(await dispatch(handlers, 'updateSource', { id: shortId, patch: { title: 'Renamed' } })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      expect(await dispatch(handlers, 'restoreBackup', { name: backup.name })).toMatchObject({ ok: true });
      expect(await dispatch(handlers, 'updateSource', { id: shortId, patch: { title: 'Renamed after the restore' } })).toMatchObject({ ok: true, value: { title: 'Renamed after the restore' } });
    } finally {
      await handlers.close();
      library.close();
    }
    const asides = fs.readdirSync(path.dirname(lib.file)).filter((name) => name.startsWith(`${path.basename(lib.file)}.damaged-`) && !name.endsWith('-wal'));
    expect(asides).toHaveLength(1);
    expect(fs.readFileSync(path.join(path.dirname(lib.file), asides[0]!)).equals(damaged)).toBe(true);
  }, 30_000);
});

describe('a sound library', () => {
  it('tells the backup when its check has passed, and gives up when the handlers close first', async () => {
    lib.library.close();
    const library = Library.open(lib.file);
    const handlers = createHandlers(library);
    try {
      await expect(handlers.integrityChecked()).resolves.toBeUndefined();
      expect(integrityState(library.db)).toBe('sound');
    } finally {
      await handlers.close();
    }
    const again = createHandlers(library);
    await again.close();
    await expect(again.integrityChecked()).rejects.toThrow(/closed before its integrity check finished/);
    library.close();
  }, 20_000);

  it('is not checked before it opens; its first change waits for the check and is saved', async () => {
    lib.library.close();
    const library = Library.open(lib.file);
    expect(integrityState(library.db)).toBe('unchecked');
    const handlers = createHandlers(library);
    try {
      const change = await dispatch(handlers, 'updateSource', { id: longId, patch: { title: 'The long article, renamed' } });
      expect(change).toMatchObject({ ok: true, value: { title: 'The long article, renamed' } });
      expect(integrityState(library.db)).toBe('sound');
    } finally {
      await handlers.close();
      library.close();
    }
    const reopened = Library.open(lib.file);
    expect(listSources(reopened.db).map((source) => source.title)).toContain('The long article, renamed');
    reopened.close();
  }, 20_000);

  it('a one-shot write without the operations runs the check first, then writes', () => {
    lib.library.close();
    const library = Library.open(lib.file);
    try {
      expect(integrityState(library.db)).toBe('unchecked');
      writeTransaction(library.db, () => library.db.prepare("UPDATE sources SET title = 'Renamed' WHERE id = ?").run(shortId));
      expect(integrityState(library.db)).toBe('sound');
      expect(listSources(library.db).map((source) => source.title)).toContain('Renamed');
    } finally {
      library.close();
    }
  });
});
