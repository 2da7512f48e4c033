import { describe, expect, it } from 'vitest';
import { describeSkipped, selectFolderFiles, skippedCount } from './importSelection';

const chosen = (...paths: string[]) => paths.map((path) => ({ name: path.split('/').pop()!, webkitRelativePath: path }));

describe('selectFolderFiles', () => {
  it('keeps the articles in path order and counts what it skips, a hidden folder once', () => {
    const { items, skipped } = selectFolderFiles(
      chosen('news/z.md', 'news/.DS_Store', 'news/.git/HEAD', 'news/.git/objects/ab', 'news/photo.JPG', 'news/sub/a.txt', 'news/sub/page.HTM', 'news/README', 'news/scan.pdf'),
    );
    expect(items.map((item) => item.name)).toEqual(['news/scan.pdf', 'news/sub/a.txt', 'news/sub/page.HTM', 'news/z.md']);
    expect(skipped).toEqual({ hidden: 2, unsupported: { '.jpg': 1, '': 1 } });
    expect(skippedCount(skipped)).toBe(4);
  });

  it('imports from a chosen folder that is itself hidden', () => {
    expect(selectFolderFiles(chosen('.archive/a.txt')).items.map((item) => item.name)).toEqual(['.archive/a.txt']);
  });
});

describe('describeSkipped', () => {
  it('says what was skipped, like the command line', () => {
    expect(describeSkipped({ hidden: 1, unsupported: { '.jpg': 2, '': 1 } })).toBe('Skipped 1 hidden file or folder and 3 unsupported files (.jpg 2, no extension 1).');
    expect(describeSkipped({ hidden: 0, unsupported: {} })).toBeNull();
  });
});
