import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../shared/api/errors';
import type { Db } from './db/db';
import { openDatabase } from './db/openDatabase';
import { reanchorSource } from './highlights/reanchorSource';
import { importFile, importFiles } from './import/importFiles';
import { countSources, deleteSource, getSource, listOutlets, listSources, readOriginal, updateSource } from './sources';

const SAMPLES = path.resolve(import.meta.dirname, '../../resources/samples');

let dir: string;
let db: Db;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-sources-'));
  db = openDatabase(path.join(dir, 'library.sqlite'));
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function importSeeds(): Promise<Map<string, number>> {
  const names = fs.readdirSync(SAMPLES).sort();
  const results = await importFiles(db, names.map((name) => ({ name, bytes: fs.readFileSync(path.join(SAMPLES, name)) })));
  return new Map(names.map((name, index) => [name.slice(0, 3), results[index]!.sourceId!]));
}

async function markdown(name: string, frontMatter: string, body = 'Some text.'): Promise<number> {
  const result = await importFile(db, { name, bytes: Buffer.from(`---\n${frontMatter}\n---\n${body}`) });
  if (result.status !== 'imported') throw new Error(result.error ?? result.status);
  return result.sourceId!;
}

function apiError(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected an ApiError');
}

describe('listSources', () => {
  it('sorts by date, newest first, undated last (by title)', async () => {
    const ids = await importSeeds();
    expect(listSources(db).map((s) => s.id)).toEqual([ids.get('001'), ids.get('004'), ids.get('003'), ids.get('002'), ids.get('000')]);
    expect(listSources(db, { sort: 'date' }).map((s) => s.publishedAt)).toEqual(['2023-02-24', '2023-01-11', null, null, null]);
  });

  it('sorts by title ignoring case', async () => {
    await markdown('b.md', 'title: banana');
    await markdown('a.md', 'title: Apple');
    await markdown('c.md', 'title: cherry\ndate: 2023-01-01');
    expect(listSources(db, { sort: 'title' }).map((s) => s.title)).toEqual(['Apple', 'banana', 'cherry']);
  });

  it('filters by outlet, exactly', async () => {
    const ids = await importSeeds();
    expect(listSources(db, { outlet: 'AzerNews' }).map((s) => s.id)).toEqual([ids.get('004')]);
    expect(listSources(db, { outlet: 'azernews' })).toEqual([]);
    expect(listSources(db, { outlet: null })).toHaveLength(5);
  });

  it('returns summaries without the body', async () => {
    await importSeeds();
    expect(Object.keys(listSources(db)[0]!).sort()).toEqual(['author', 'citekey', 'id', 'language', 'outlet', 'publishedAt', 'title', 'titleDerived', 'url']);
  });
});

describe('listOutlets', () => {
  it('lists each known outlet once, in alphabetical order', async () => {
    await importSeeds();
    await markdown('x.md', 'outlet: Armenpress');
    await markdown('y.md', 'outlet: Armenpress\ntitle: Second');
    expect(listOutlets(db)).toEqual(['Armenpress', 'AzerNews', 'UrduPoint.com']);
  });
});

describe('citekeys', () => {
  it('are readable and unique across the library', async () => {
    const ids = await importSeeds();
    expect(getSource(db, ids.get('001')!).citekey).toBe('urdupoint2023pashinyan');
    const twin = await markdown('twin.md', 'title: Pashinyan talks\noutlet: UrduPoint.com\ndate: 2023-05-01');
    expect(getSource(db, twin).citekey).toBe('urdupoint2023pashinyana');
    const third = await markdown('third.md', 'title: Pashinyan again\noutlet: UrduPoint.com\ndate: 2023-06-01');
    expect(getSource(db, third).citekey).toBe('urdupoint2023pashinyanb');
  });

  it('can be edited, and an edit to a key another source uses is refused with a clear message', async () => {
    const ids = await importSeeds();
    const id = ids.get('004')!;
    expect(updateSource(db, id, { citekey: 'peskov2023un' }).citekey).toBe('peskov2023un');
    const error = apiError(() => updateSource(db, ids.get('001')!, { citekey: 'peskov2023un' }));
    expect(error.code).toBe('conflict');
    expect(error.message).toBe('The citekey "peskov2023un" is already used by another source. Choose another.');
    expect(getSource(db, ids.get('001')!).citekey).toBe('urdupoint2023pashinyan');
    expect(updateSource(db, id, { citekey: 'peskov2023un' }).citekey).toBe('peskov2023un'); // its own key is not a conflict
  });

  it('are made again when title, author, outlet or date change, until the researcher types one (issue 14)', async () => {
    const id = await markdown('a.md', 'title: Լաչինի միջանցքը\nauthor: Անի Հակոբյան\ndate: 2023-01-05');
    expect(getSource(db, id)).toMatchObject({ citekey: 'hakobyan2023lachini', citekeyPinned: false });
    expect(updateSource(db, id, { publishedAt: '2022-12-20' }).citekey).toBe('hakobyan2022lachini');
    expect(updateSource(db, id, { title: 'Ստեփանակերտ' }).citekey).toBe('hakobyan2022stepanakert');
    // The author comes before the outlet (Better BibTeX): an outlet alone does not change the key, a change of author does.
    expect(updateSource(db, id, { outlet: 'Արմենպրես' }).citekey).toBe('hakobyan2022stepanakert');
    expect(updateSource(db, id, { author: 'Լուսինե Պետրոսյան' }).citekey).toBe('petrosyan2022stepanakert');
    expect(updateSource(db, id, { author: null }).citekey).toBe('armenpres2022stepanakert');
    expect(updateSource(db, id, { language: 'hy', url: 'https://armenpress.am/1' }).citekey).toBe('armenpres2022stepanakert');
    // Its own key is not "taken": unchanged facts give the same key back, not a suffixed one.
    expect(updateSource(db, id, { title: 'Ստեփանակերտ' }).citekey).toBe('armenpres2022stepanakert');
    expect(updateSource(db, id, { citekey: 'hakobyan2022' })).toMatchObject({ citekey: 'hakobyan2022', citekeyPinned: true });
    expect(updateSource(db, id, { title: 'Երևան', publishedAt: '2023-02-01' }).citekey).toBe('hakobyan2022');
  });

  it('can be unpinned, which makes the key again from the details, and pinned again as it is (issue 14)', async () => {
    const id = await markdown('a.md', 'title: Լաչինի միջանցքը\nauthor: Անի Հակոբյան\noutlet: Արմենպրես\ndate: 2023-01-05');
    expect(updateSource(db, id, { citekey: 'mykey' })).toMatchObject({ citekey: 'mykey', citekeyPinned: true });
    expect(updateSource(db, id, { citekeyPinned: false })).toMatchObject({ citekey: 'hakobyan2023lachini', citekeyPinned: false });
    expect(updateSource(db, id, { author: null }).citekey).toBe('armenpres2023lachini');
    // Kept as it is: a change to the details no longer moves it.
    expect(updateSource(db, id, { citekeyPinned: true })).toMatchObject({ citekey: 'armenpres2023lachini', citekeyPinned: true });
    expect(updateSource(db, id, { publishedAt: '2022-12-20' }).citekey).toBe('armenpres2023lachini');
    // Unpinned together with a change of details: made from the new details.
    expect(updateSource(db, id, { citekeyPinned: false, author: 'Անի Հակոբյան' })).toMatchObject({ citekey: 'hakobyan2022lachini', citekeyPinned: false });
    const error = apiError(() => updateSource(db, id, { citekey: 'typed', citekeyPinned: false }));
    expect(error.code).toBe('invalid_request');
    expect(getSource(db, id)).toMatchObject({ citekey: 'hakobyan2022lachini', citekeyPinned: false });
  });

  it('made again stay unique', async () => {
    const ids = await importSeeds();
    const other = await markdown('b.md', 'title: Pashinyan once more\noutlet: Armenpress\ndate: 2023-02-24');
    expect(updateSource(db, other, { outlet: 'UrduPoint.com' }).citekey).toBe('urdupoint2023pashinyana');
    expect(getSource(db, ids.get('001')!).citekey).toBe('urdupoint2023pashinyan');
  });

  it('keeps a freed key available for a new source', async () => {
    const ids = await importSeeds();
    updateSource(db, ids.get('001')!, { citekey: 'renamed' });
    const again = await markdown('again.md', 'title: Pashinyan talks\noutlet: UrduPoint.com\ndate: 2023-05-01');
    expect(getSource(db, again).citekey).toBe('urdupoint2023pashinyan');
  });
});

describe('language and title at import (issue 14)', () => {
  it('detects the language of a file that declares none, and keeps a declared one', async () => {
    const ids = await importSeeds();
    expect([...ids.values()].map((id) => getSource(db, id).language)).toEqual(['en', 'en', 'en', 'en', 'en']);
    const russian = await importFile(db, { name: 'ru.txt', bytes: Buffer.from('Лавров и Байрамов обсудили ситуацию в регионе.\n\nПереговоры возобновятся во вторник.') });
    expect(getSource(db, russian.sourceId!).language).toBe('ru');
    const urdu = await importFile(db, { name: 'ur.txt', bytes: Buffer.from('لاچین راہداری کی ناکہ بندی جاری ہے۔') });
    expect(getSource(db, urdu.sourceId!).language).toBe('ur');
    expect(getSource(db, await markdown('declared.md', 'title: Laçın\nlanguage: tr', 'Yol açıqdır, danışıqlar davam edəcək.')).language).toBe('tr');
  });

  it('marks a title made from the first sentence, until the researcher writes one', async () => {
    const ids = await importSeeds();
    expect(getSource(db, ids.get('000')!)).toMatchObject({ title: expect.stringMatching(/^The leaders of Artsakh/), titleDerived: true });
    expect(getSource(db, ids.get('001')!).titleDerived).toBe(false);
    expect(listSources(db).filter((source) => source.titleDerived).map((source) => source.id).sort()).toEqual(['000', '002', '003', '004'].map((seed) => ids.get(seed)).sort());
    expect(updateSource(db, ids.get('000')!, { outlet: 'Asbarez' }).titleDerived).toBe(true);
    expect(updateSource(db, ids.get('000')!, { title: 'Artsakh asks for monitors' }).titleDerived).toBe(false);
  });
});

describe('updateSource', () => {
  it('changes only the fields given and returns the updated source', async () => {
    const id = await markdown('a.md', 'title: Old\noutlet: Armenpress\nauthor: Anna');
    const updated = updateSource(db, id, { title: '  New title  ', publishedAt: '2023-01-05', url: 'https://armenpress.am/1', language: 'hy' });
    expect(updated).toMatchObject({ title: 'New title', outlet: 'Armenpress', author: 'Anna', publishedAt: '2023-01-05', url: 'https://armenpress.am/1', language: 'hy' });
    expect(getSource(db, id)).toEqual(updated);
  });

  it('stores an emptied field as null (unknown), dates and urls included', async () => {
    const id = await markdown('a.md', 'title: T\noutlet: Armenpress\nauthor: Anna\ndate: 2023-01-05\nurl: https://a.am/\nlanguage: en');
    const updated = updateSource(db, id, { outlet: '', author: '   ', publishedAt: '', url: '', language: null });
    expect(updated).toMatchObject({ title: 'T', outlet: null, author: null, publishedAt: null, url: null, language: null });
    expect(listOutlets(db)).toEqual([]);
  });

  it('refuses invalid metadata with a clear message and changes nothing', async () => {
    const id = await markdown('a.md', 'title: T\ndate: 2023-01-05');
    for (const patch of [{ title: '  ' }, { publishedAt: '5 January 2023' }, { url: 'ftp://x' }, { citekey: 'has space' }]) {
      const error = apiError(() => updateSource(db, id, patch));
      expect(error.code).toBe('invalid_request');
      expect(error.message).toMatch(/^The source's metadata was not changed: /);
    }
    expect(getSource(db, id)).toMatchObject({ title: 'T', publishedAt: '2023-01-05', url: null });
  });

  it('says which source is missing', () => {
    const error = apiError(() => updateSource(db, 999, { title: 'x' }));
    expect(error.code).toBe('not_found');
    expect(error.message).toMatch(/^Source 999 was not found/);
  });
});

describe('deleteSource', () => {
  it('deletes one source, reports whether it existed, and frees its bytes for a new import', async () => {
    const ids = await importSeeds();
    expect(deleteSource(db, ids.get('002')!)).toBe(true);
    expect(deleteSource(db, ids.get('002')!)).toBe(false);
    expect(countSources(db)).toBe(4);
    expect(() => getSource(db, ids.get('002')!)).toThrow(/was not found/);
    const file = fs.readdirSync(SAMPLES).find((name) => name.startsWith('002'))!;
    expect((await importFile(db, { name: file, bytes: fs.readFileSync(path.join(SAMPLES, file)) })).status).toBe('imported');
  });
});

describe('the original bytes', () => {
  it('are stored compressed against the body and read back exactly as the file was', async () => {
    // Words that do not repeat, so only the body (the dictionary) can make the file small.
    const words = Array.from({ length: 600 }, (_, i) => `w${(i * 7919).toString(36)}`).join(' ');
    const bytes = Buffer.from(`---\ntitle: Convoy\n---\nThe convoy waited at the Laçın checkpoint. ${words}\n`);
    const result = await importFile(db, { name: 'convoy.md', bytes });
    const stored = db.prepare('SELECT length(original) AS size, original_compression AS compression FROM sources WHERE id = ?').get(result.sourceId) as { size: number; compression: string };
    expect(stored.compression).toBe('zlib-body');
    expect(stored.size).toBeLessThan(bytes.length / 20);
    expect(Buffer.compare(readOriginal(db, result.sourceId!), bytes)).toBe(0);
  });

  it('stay readable after the text is corrected, and another tool cannot change the text alone', async () => {
    const bytes = Buffer.from('---\ntitle: Convoy\n---\nThe convoy waited at the Lacin checkpoint for hours.\n');
    const { sourceId } = await importFile(db, { name: 'convoy.md', bytes });
    reanchorSource(db, sourceId!, 'The convoy waited at the Laçın checkpoint for two days.');
    expect(getSource(db, sourceId!).body).toBe('The convoy waited at the Laçın checkpoint for two days.');
    expect(Buffer.compare(readOriginal(db, sourceId!), bytes)).toBe(0);
    expect(() => db.prepare("UPDATE sources SET body = 'edited elsewhere' WHERE id = ?").run(sourceId)).toThrow(/compressed against its text/);
    expect(Buffer.compare(readOriginal(db, sourceId!), bytes)).toBe(0);
  });

  it('stay readable after a correction near the top of a long text, which leaves them the same bytes', async () => {
    // Over zlib's 32 KB window: the dictionary is the body's end, which a typo fixed at the top leaves alone.
    const paragraphs = Array.from({ length: 800 }, (_, index) => `Paragraph ${index}: the convoy waited at the Lacin checkpoint.`);
    const bytes = Buffer.from(`---\ntitle: Long convoy\n---\n\nThe convoy waited at the Lacin checkpoint for hours.\n\n${paragraphs.join('\n\n')}\n`);
    const { sourceId } = await importFile(db, { name: 'long.md', bytes });
    const body = getSource(db, sourceId!).body;
    expect(Buffer.byteLength(body)).toBeGreaterThan(32_768);
    const corrected = body.replace('for hours', 'for two days');
    const report = reanchorSource(db, sourceId!, corrected);
    expect(report.highlights).toEqual([]);
    expect(getSource(db, sourceId!).body).toBe(corrected);
    expect(Buffer.compare(readOriginal(db, sourceId!), bytes)).toBe(0);
    // Changing the end (the dictionary) behind Marginalia's back is still refused, and nothing changes.
    expect(() => db.prepare("UPDATE sources SET body = body || ' edited elsewhere' WHERE id = ?").run(sourceId)).toThrow(/compressed against its text/);
    expect(getSource(db, sourceId!).body).toBe(corrected);
    expect(Buffer.compare(readOriginal(db, sourceId!), bytes)).toBe(0);
  });

  it('are read as they are where a library stored them uncompressed (before schema 7)', async () => {
    const id = await markdown('old.md', 'title: Old');
    db.prepare("UPDATE sources SET original = CAST('as it was' AS BLOB), original_compression = NULL WHERE id = ?").run(id);
    expect(readOriginal(db, id).toString()).toBe('as it was');
  });
});
