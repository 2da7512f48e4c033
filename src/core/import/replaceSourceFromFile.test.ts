import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/db';
import { getHighlight, listHighlights } from '../highlights/highlightRows';
import { createHighlight } from '../highlights/highlights';
import { getSource, readOriginal, updateSource } from '../sources';
import type { FileToImport } from './importFiles';
import { importFile } from './importFiles';
import { replaceSourceFromFile } from './replaceSourceFromFile';
import { openTestLibrary } from '../../../tests/support/library';

const text = (name: string, content: string): FileToImport => ({ name, bytes: Buffer.from(content, 'utf8') });
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const ORIGINAL = [
  'Talks resumed in Brussels on Monday after a pause of several months.',
  'The foreign ministers discussed the opening of regional transport links.',
  'Both sides agreed to meet again before the end of the year.',
].join('\n\n');

let db: Db;
let cleanup: () => void;
let sourceId: number;
beforeEach(async () => {
  ({ db, cleanup } = openTestLibrary());
  const result = await importFile(db, text('talks.txt', `${ORIGINAL}\n`));
  sourceId = result.sourceId!;
});
afterEach(() => cleanup());

const highlight = (phrase: string) => {
  const body = getSource(db, sourceId).body;
  return createHighlight(db, { sourceId, start: body.indexOf(phrase), end: body.indexOf(phrase) + phrase.length });
};

/** Everything a refused replacement must leave as it was. */
const snapshot = () => ({ source: getSource(db, sourceId), highlights: listHighlights(db, sourceId), count: db.prepare('SELECT count(*) AS n FROM sources').get() });

describe('replaceSourceFromFile', () => {
  it('re-anchors highlights (kept, moved, orphaned) and replaces the original file, keeping the metadata', async () => {
    const kept = highlight('Talks resumed in Brussels');
    const moved = highlight('regional transport links');
    const deleted = highlight('Both sides agreed to meet again');
    updateSource(db, sourceId, { title: 'Brussels talks (my title)', outlet: 'My outlet' });
    const corrected = [
      'Talks resumed in Brussels on Monday after a pause of several months.',
      'A spokesperson called the meeting constructive.',
      'The foreign ministers discussed the opening of regional transport links.',
    ].join('\n\n');
    const file = text('/somewhere/talks-corrected.txt', `${corrected}\n`);

    const report = await replaceSourceFromFile(db, sourceId, file);

    expect(report).toMatchObject({ exact: 1, moved: 1, fuzzy: 0, orphaned: 1 });
    const source = getSource(db, sourceId);
    expect(source.body).toBe(corrected);
    expect(source.fileName).toBe('talks-corrected.txt');
    expect(source.sha256).toBe(sha(file.bytes));
    expect(Buffer.compare(readOriginal(db, sourceId), Buffer.from(file.bytes))).toBe(0);
    expect(source.title).toBe('Brussels talks (my title)');
    expect(source.outlet).toBe('My outlet');
    const movedNow = getHighlight(db, moved.id);
    expect(movedNow.orphaned).toBe(false);
    expect(corrected.slice(movedNow.start, movedNow.end)).toBe('regional transport links');
    expect(getHighlight(db, kept.id)).toMatchObject({ start: kept.start, end: kept.end, orphaned: false });
    expect(getHighlight(db, deleted.id)).toMatchObject({ orphaned: true, exact: 'Both sides agreed to meet again' });
  });

  it('follows a highlight whose words were corrected slightly (fuzzy)', async () => {
    const h = highlight('discussed the opening of regional transport links');
    const corrected = ORIGINAL.replace('regional transport links', 'regional transportation links');
    const report = await replaceSourceFromFile(db, sourceId, text('talks.md', corrected));
    expect(report).toMatchObject({ fuzzy: 1, orphaned: 0 });
    const now = getHighlight(db, h.id);
    expect(now.exact).toContain('regional transportation links');
  });

  it('refuses a file that cannot be imported, with the library unchanged', async () => {
    highlight('regional transport links');
    const before = snapshot();
    await expect(replaceSourceFromFile(db, sourceId, text('talks.docx', 'Some text'))).rejects.toThrow(/talks\.docx is not a supported file type/);
    await expect(replaceSourceFromFile(db, sourceId, text('empty.txt', '   \n'))).rejects.toThrow(/empty\.txt is empty/);
    await expect(replaceSourceFromFile(db, sourceId, { name: 'bad.txt', bytes: Buffer.from('Broken \uFFFD text', 'utf8') })).rejects.toThrow(/bad\.txt contains replacement characters/);
    expect(snapshot()).toEqual(before);
  });

  it("refuses bytes that are already another source's, with the library unchanged", async () => {
    const otherFile = text('other.txt', 'Another article entirely, about the harvest.\n');
    await importFile(db, otherFile);
    highlight('regional transport links');
    const before = snapshot();
    await expect(replaceSourceFromFile(db, sourceId, otherFile)).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/other\.txt is already in the library as another source/) });
    expect(snapshot()).toEqual(before);
  });

  it('accepts its own bytes again (nothing moves) and refuses an unknown source', async () => {
    const h = highlight('regional transport links');
    const report = await replaceSourceFromFile(db, sourceId, text('talks.txt', `${ORIGINAL}\n`));
    expect(report).toMatchObject({ exact: 1, moved: 0, orphaned: 0 });
    expect(getHighlight(db, h.id)).toMatchObject({ start: h.start, end: h.end });
    await expect(replaceSourceFromFile(db, 9999, text('talks.txt', 'Text.'))).rejects.toMatchObject({ code: 'not_found' });
  });
});
