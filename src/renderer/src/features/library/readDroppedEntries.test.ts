import { describe, expect, it } from 'vitest';
import type { DroppedDirectoryEntry, DroppedEntry, DroppedFileEntry } from './readDroppedEntries';
import { readDroppedEntries } from './readDroppedEntries';

function file(fullPath: string, unreadable = false): DroppedFileEntry {
  const name = fullPath.split('/').pop()!;
  return {
    isFile: true,
    isDirectory: false,
    name,
    fullPath,
    file: (success, failure) => (unreadable ? failure(new Error('NotReadableError')) : success(new File([name], name))),
  };
}

/** Hands out its children `chunk` at a time, as Chromium's readEntries does (100 at a time), then an empty list. */
function folder(fullPath: string, children: DroppedEntry[], chunk = 2): DroppedDirectoryEntry {
  return {
    isFile: false,
    isDirectory: true,
    name: fullPath.split('/').pop()!,
    fullPath,
    createReader: () => {
      let offset = 0;
      return {
        readEntries: (success) => {
          const next = children.slice(offset, offset + chunk);
          offset += chunk;
          queueMicrotask(() => success(next));
        },
      };
    },
  };
}

describe('readDroppedEntries', () => {
  it('walks a dropped folder to the end of every listing, skipping hidden and unsupported entries', async () => {
    const dropped = folder('/news', [
      file('/news/b.txt'),
      file('/news/.hidden.txt'),
      folder('/news/.git', [file('/news/.git/HEAD')]),
      folder('/news/sub', [file('/news/sub/page.html'), file('/news/sub/c.md'), file('/news/sub/scan.pdf')]),
      file('/news/photo.jpg'),
      file('/news/a.txt'),
    ]);
    const selection = await readDroppedEntries([dropped, file('/notes.docx')]);
    // A dropped file is the user's choice and goes to the importer, which says why it refuses it.
    expect(selection.items.map((item) => item.name)).toEqual(['news/a.txt', 'news/b.txt', 'news/sub/c.md', 'news/sub/page.html', 'news/sub/scan.pdf', 'notes.docx']);
    expect(selection.skipped).toEqual({ hidden: 2, unsupported: { '.jpg': 1 } });
    expect(await selection.items[0]!.file.text()).toBe('a.txt');
  });

  it('reports a file that cannot be opened and still reads the others', async () => {
    const selection = await readDroppedEntries([folder('/news', [file('/news/locked.txt', true), file('/news/ok.txt')])]);
    expect(selection.items.map((item) => item.name)).toEqual(['news/ok.txt']);
    expect(selection.failures).toEqual([
      { file: 'news/locked.txt', status: 'failed', sourceId: null, error: 'news/locked.txt could not be read (NotReadableError). Check that it still exists and that you may read it.' },
    ]);
  });
});
