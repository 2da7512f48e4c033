import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../shared/domain/source';
import type { Db } from '../db/db';
import { openDatabase } from '../db/openDatabase';
import { countSources, getSource, listSources, readOriginal } from '../sources';
import type { FileToImport } from './importFiles';
import { importFile, importFiles } from './importFiles';

const SAMPLES = path.resolve(import.meta.dirname, '../../../resources/samples');
const seedFiles = (): FileToImport[] => fs.readdirSync(SAMPLES).sort().map((name) => ({ name, bytes: fs.readFileSync(path.join(SAMPLES, name)) }));
const text = (name: string, content: string): FileToImport => ({ name, bytes: Buffer.from(content, 'utf8') });
const GOOD = 'Talks resumed in Brussels on Monday.\n\nBoth sides agreed to meet again.\n';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-import-'));
  db = openDatabase(path.join(dir, 'library.sqlite'));
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('importing the seed articles', () => {
  it('stores all five with their metadata, original bytes and sha-256', async () => {
    const results = await importFiles(db, seedFiles());
    expect(results.map((r) => r.status)).toEqual(['imported', 'imported', 'imported', 'imported', 'imported']);
    expect(countSources(db)).toBe(5);
    const byCitekey = new Map(listSources(db).map((s) => [s.citekey, s]));
    expect(byCitekey.get('urdupoint2023pashinyan')).toMatchObject({ outlet: 'UrduPoint.com', publishedAt: '2023-02-24' });
    expect(byCitekey.get('hasanova2023sending')).toMatchObject({ outlet: 'AzerNews', author: 'Fatima Hasanova', publishedAt: '2023-01-11' });
    for (const [index, file] of seedFiles().entries()) {
      const row = db.prepare('SELECT sha256, file_name FROM sources WHERE id = ?').get(results[index]!.sourceId) as { sha256: string; file_name: string };
      expect(Buffer.compare(readOriginal(db, results[index]!.sourceId!), Buffer.from(file.bytes))).toBe(0);
      expect(row.sha256).toBe(createHash('sha256').update(file.bytes).digest('hex'));
      expect(row.file_name).toBe(file.name);
    }
    expect(getSource(db, results[3]!.sourceId!).title).toBe('During a telephone conversation with the U.S. Assistant Secretary of State for European…');
  });

  it('reports the same bytes again as a duplicate, whatever the file name, and stores nothing twice', async () => {
    const [first] = await importFiles(db, seedFiles());
    const again = await importFile(db, { name: 'renamed-copy.txt', bytes: seedFiles()[0]!.bytes });
    expect(again).toEqual({ file: 'renamed-copy.txt', status: 'duplicate', sourceId: first!.sourceId, error: null });
    expect((await importFiles(db, seedFiles())).map((r) => r.status)).toEqual(Array(5).fill('duplicate'));
    expect(countSources(db)).toBe(5);
  });

  it('treats a one-byte difference as a new article', async () => {
    await importFile(db, text('a.txt', GOOD));
    expect((await importFile(db, text('b.txt', `${GOOD}\n`))).status).toBe('imported');
  });
});

describe('the canonical body', () => {
  it('is NFC with \\n line ends and no BOM, paragraphs kept', async () => {
    const result = await importFile(db, { name: 'crlf.txt', bytes: Buffer.from('\uFEFFSte\u0301phane Dujarric spoke.\r\n\r\nSecond paragraph.\r\n', 'utf8') });
    expect(getSource(db, result.sourceId!).body).toBe('St\u00e9phane Dujarric spoke.\n\nSecond paragraph.');
  });

  it('decodes UTF-16 with a BOM, little- and big-endian', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Bakı and Yerevan met.\r\n', 'utf16le')]);
    const be = Buffer.from(le.subarray(2)).swap16();
    expect(getSource(db, (await importFile(db, { name: 'le.txt', bytes: le })).sourceId!).body).toBe('Bakı and Yerevan met.');
    const result = await importFile(db, { name: 'be.txt', bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), be, Buffer.from([0, 0x21])]) });
    expect(getSource(db, result.sourceId!).body).toBe('Bakı and Yerevan met.\n!');
  });
});

describe('bad input', () => {
  const cases: [string, FileToImport, RegExp][] = [
    ['an empty file', { name: 'empty.txt', bytes: new Uint8Array() }, /^empty\.txt is empty/],
    ['a whitespace-only file', text('blank.txt', ' \r\n\t\n\u00A0\n'), /^blank\.txt is empty/],
    ['a PNG renamed .txt', { name: 'photo.txt', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]) }, /^photo\.txt looks like a binary file/],
    ['a NUL byte deep inside', text('late-nul.txt', `${'a'.repeat(10_000)}\0b`), /^late-nul\.txt looks like a binary file/],
    ['invalid UTF-8 (Latin-1 bytes)', { name: 'latin1.txt', bytes: Buffer.from('Caf\xe9 talks.', 'latin1') }, /^latin1\.txt is not valid UTF-8 text/],
    ['damaged UTF-16', { name: 'odd.txt', bytes: Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x42]) }, /^odd\.txt starts like UTF-16 text but is damaged/],
    ['replacement characters', text('mojibake.txt', 'Caf\uFFFD talks.'), /^mojibake\.txt contains replacement characters/],
    ['an unsupported extension', text('article.docx', GOOD), /^article\.docx is not a supported file type\. Import \.txt, \.text, \.md, \.markdown, \.html, \.htm, \.pdf files\.$/],
    ['no extension', text('README', GOOD), /^README is not a supported file type/],
    ['metadata without text', text('header.txt', ' date 2023-01-11 UrduPoint.com\n\nTalks Resume In Brussels\n'), /^header\.txt has metadata but no article text/],
    ['bad Markdown front matter', text('bad.md', '---\ndate: 2023-02-30\n---\nText.'), /^bad\.md has a front matter date "2023-02-30"/],
    ['a file that could not be read', { name: 'gone.txt', bytes: new Uint8Array(), unreadable: 'cannot be read (ENOENT).' }, /^gone\.txt cannot be read \(ENOENT\)\.$/],
  ];

  it.each(cases)('%s fails with a message naming the file, and the rest of the batch imports', async (_what, bad, message) => {
    const results = await importFiles(db, [text('before.txt', GOOD), bad, text('after.md', `# After\n\n${GOOD}`)]);
    expect(results[1]).toMatchObject({ file: bad.name, status: 'failed', sourceId: null });
    expect(results[1]!.error).toMatch(message);
    expect(results.filter((r) => r.status === 'imported')).toHaveLength(2);
    expect(countSources(db)).toBe(2);
  });

  it('refuses a file over MAX_IMPORT_BYTES', async () => {
    const result = await importFile(db, { name: 'huge.txt', bytes: Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x61) });
    expect(result.status).toBe('failed');
    expect(result.error).toBe('huge.txt is 20.0 MB, over the 20 MB limit for one article. Split it or import only the article text.');
    expect(countSources(db)).toBe(0);
  });

  it('accepts a file of exactly MAX_IMPORT_BYTES', async () => {
    expect((await importFile(db, { name: 'big.txt', bytes: Buffer.alloc(MAX_IMPORT_BYTES, 0x61) })).status).toBe('imported');
  });

  it('names only the file, not its folders, in the message', async () => {
    const result = await importFile(db, { name: path.join(dir, 'nested', 'empty.txt'), bytes: new Uint8Array() });
    expect(result.file).toBe(path.join(dir, 'nested', 'empty.txt'));
    expect(result.error).toMatch(/^empty\.txt is empty/);
  });

  it('imports a file whole or not at all: a failure while storing leaves nothing of it', async () => {
    // A real constraint failing inside the insert transaction, as a full disk or a bug would.
    db.exec("CREATE TRIGGER refuse_boom AFTER INSERT ON sources WHEN NEW.title = 'Boom' BEGIN SELECT RAISE(ABORT, 'simulated storage failure'); END");
    const results = await importFiles(db, [text('boom.md', `# Boom\n\n${GOOD}`), text('fine.txt', GOOD)]);
    expect(results[0]).toMatchObject({ status: 'failed', sourceId: null });
    expect(results[0]!.error).toBe('boom.md could not be imported: simulated storage failure');
    expect(results[1]!.status).toBe('imported');
    expect(db.prepare("SELECT count(*) AS n FROM sources WHERE file_name = 'boom.md' OR title = 'Boom'").get()).toEqual({ n: 0 });
    expect(countSources(db)).toBe(1);
  });

  it('reports progress after every file, failed ones included', async () => {
    const progress: [number, string][] = [];
    await importFiles(db, [text('a.txt', GOOD), text('b.docx', GOOD)], { onProgress: ({ done, file }) => progress.push([done, file]) });
    expect(progress).toEqual([
      [1, 'a.txt'],
      [2, 'b.docx'],
    ]);
  });
});
