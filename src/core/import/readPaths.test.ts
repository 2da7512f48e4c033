import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../shared/domain/source';
import { isSupportedFile } from './importFiles';
import { collectFiles, readFiles } from './readPaths';

let dir: string;
const put = (relative: string, content: string | Buffer = 'Text.') => {
  const target = path.join(dir, relative);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, content);
  return target;
};
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-paths-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('collectFiles', () => {
  it('walks folders recursively in name order, counting the hidden entries and unsupported files it skips', () => {
    put('b.txt');
    put('a.md');
    put('notes.pdf');
    put('page.HTM');
    put('saved.html');
    put('photo.jpg');
    put('sub/scan.JPG');
    put('sub/README');
    put('.hidden.txt');
    put('.git/config.txt');
    put('.git/HEAD');
    put('sub/deeper/c.markdown');
    const { files, failures, skipped } = collectFiles([dir], isSupportedFile);
    expect(files).toEqual(['a.md', 'b.txt', 'notes.pdf', 'page.HTM', 'saved.html', 'sub/deeper/c.markdown'].map((name) => path.join(dir, name)));
    expect(failures).toEqual([]);
    expect(skipped).toEqual({ hidden: 2, unsupported: { '.jpg': 2, '': 1 } });
  });

  it('keeps a file given by name even when hidden or unsupported, so the importer can say why', () => {
    const docx = put('notes.docx');
    const hidden = put('.draft.txt');
    expect(collectFiles([docx, hidden], isSupportedFile)).toMatchObject({ files: [docx, hidden], skipped: { hidden: 0, unsupported: {} } });
  });

  it('reports a missing path as a failed result and goes on', () => {
    const good = put('a.txt');
    const missing = path.join(dir, 'nope.txt');
    const { files, failures } = collectFiles([missing, good], isSupportedFile);
    expect(files).toEqual([good]);
    expect(failures).toEqual([{ file: missing, status: 'failed', sourceId: null, error: `${missing} cannot be read (ENOENT). Check the path and its permissions.` }]);
  });

  it('does not loop forever on a symlink to a parent folder', () => {
    put('sub/a.txt');
    fs.symlinkSync(dir, path.join(dir, 'sub', 'loop'));
    expect(collectFiles([dir], isSupportedFile).files).toEqual([path.join(dir, 'sub/a.txt')]);
  });
});

describe('readFiles', () => {
  it('reads bytes as they are, only when asked', async () => {
    const file = put('a.txt', Buffer.from([0xef, 0xbb, 0xbf, 0x41]));
    const [lazy] = readFiles([file]);
    fs.appendFileSync(file, 'B'); // read at its turn, not when listed
    expect(lazy!.name).toBe(file);
    expect(await lazy!.read()).toEqual({ name: file, bytes: Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0x42]) });
  });

  it('refuses an oversize file without reading it, and reports a vanished one as unreadable', async () => {
    const huge = path.join(dir, 'huge.txt');
    fs.writeFileSync(huge, '');
    fs.truncateSync(huge, MAX_IMPORT_BYTES + 1); // sparse: no 20 MB written
    const [big, gone] = await Promise.all(readFiles([huge, path.join(dir, 'gone.txt')]).map((file) => file.read()));
    expect(big).toMatchObject({ bytes: new Uint8Array(), unreadable: 'is 20.0 MB, over the 20 MB limit for one article. Split it or import only the article text.' });
    expect(gone!.unreadable).toMatch(/^cannot be read \(ENOENT\)/);
  });
});
