import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importExtension, SUPPORTED_IMPORT_EXTENSIONS } from '../../shared/domain/source';
import { isSupportedFile, parseFile } from './parseFile';

describe('supported import extensions', () => {
  it('reads a name the way path.extname does, so the app and core agree on every file', () => {
    const names = ['a.txt', 'A.TXT', 'report.final.HTML', '.hidden', '.hidden.md', 'README', 'notes.', 'dir.v2/file', 'dir/sub/page.htm', 'scan.pdf', 'photo.jpg', 'a.markdown', 'x.text'];
    for (const name of names) expect(importExtension(name), name).toBe(path.extname(name).toLowerCase());
  });

  it('gives every listed extension a parser, and none other', async () => {
    for (const extension of SUPPORTED_IMPORT_EXTENSIONS) {
      expect(isSupportedFile(`article${extension}`)).toBe(true);
      // Parsed, not refused as an unsupported type (empty input is refused for being empty).
      await expect(parseFile({ name: `article${extension}`, bytes: new Uint8Array() })).rejects.not.toThrow(/not a supported file type/);
    }
    for (const name of ['photo.jpg', 'a.docx', 'README', '.txt']) expect(isSupportedFile(name), name).toBe(false);
  });
});
