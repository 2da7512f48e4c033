import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importFile } from '../../src/core/import/importFiles';
import { Library } from '../../src/core/library';
import { readOriginal } from '../../src/core/sources';

/**
 * Importers get hostile bytes: random bytes, truncated UTF-8, huge lines, deep HTML, broken PDFs.
 * Each file is imported whole or refused with a message naming it; the process never crashes, and
 * a refused file leaves the library exactly as it was.
 */
let dir: string;
let library: Library;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-import-fuzz-'));
  library = Library.open(path.join(dir, 'library.sqlite'));
});
afterAll(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const utf8 = (text: string) => new TextEncoder().encode(text);
const truncated = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }).chain((text) => {
  const bytes = utf8(`${text}ա`);
  return fc.integer({ min: 1, max: bytes.length - 1 }).map((cut) => bytes.subarray(0, cut));
});
const deepHtml = fc.integer({ min: 100, max: 5_000 }).map((depth) => utf8(`<html><body>${'<div>'.repeat(depth)}Լաչին ${'</div>'.repeat(depth)}<script>alert(1)</script></body></html>`));
const hugeLine = fc.integer({ min: 100_000, max: 2_000_000 }).map((length) => utf8(`Lachin ${'x'.repeat(length)}`));
const brokenPdf = fc.uint8Array({ minLength: 0, maxLength: 2_000 }).map((tail) => new Uint8Array([...utf8('%PDF-1.7\n1 0 obj\n<< /Type /Catalog'), ...tail]));
const htmlSoup = fc.array(fc.constantFrom('<p>', '</p>', '<script>', '</script>', '<a href="javascript:alert(1)">', '<img src=x onerror=alert(1)>', 'Ереван', 'Xankəndi', '&amp;', '&#0;', '<!--', '-->', '<![CDATA[', '<meta property="og:title" content="', '">', '{"@type":"NewsArticle"'), { maxLength: 300 }).map((parts) => utf8(parts.join('')));

const hostileFile = fc.oneof(
  fc.record({ ext: fc.constantFrom('.txt', '.md', '.html', '.pdf'), bytes: fc.uint8Array({ maxLength: 4_000 }) }),
  fc.record({ ext: fc.constantFrom('.txt', '.md'), bytes: truncated }),
  fc.record({ ext: fc.constantFrom('.html', '.htm'), bytes: fc.oneof(deepHtml, htmlSoup) }),
  fc.record({ ext: fc.constant('.txt'), bytes: hugeLine }),
  fc.record({ ext: fc.constant('.pdf'), bytes: brokenPdf }),
);

it('imports hostile files whole or refuses them with a clear message, and never crashes', { timeout: 240_000 }, async () => {
  let index = 0;
  await fc.assert(
    fc.asyncProperty(hostileFile, async ({ ext, bytes }) => {
      const name = `fuzz-${index++}${ext}`;
      // total_changes() counts every row this connection has written: unchanged means nothing was written.
      const changesBefore = library.db.prepare('SELECT total_changes() AS n').pluck().get();
      const sourcesBefore = (library.db.prepare('SELECT count(*) AS n FROM sources').get() as { n: number }).n;
      const result = await importFile(library.db, { name, bytes });
      const sourcesAfter = (library.db.prepare('SELECT count(*) AS n FROM sources').get() as { n: number }).n;
      if (result.status === 'failed') {
        expect(result.error).toMatch(new RegExp(`^${name.replace('.', '\\.')} `));
        expect(library.db.prepare('SELECT total_changes() AS n').pluck().get()).toBe(changesBefore);
      } else if (result.status === 'imported') {
        expect(sourcesAfter).toBe(sourcesBefore + 1);
        const row = library.db.prepare('SELECT body FROM sources WHERE id = ?').get(result.sourceId) as { body: string };
        expect(Buffer.compare(readOriginal(library.db, result.sourceId!), Buffer.from(bytes))).toBe(0);
        expect(row.body).not.toContain('\uFFFD');
        expect(row.body).not.toMatch(/<script|javascript:|onerror=/i);
      }
    }),
    { numRuns: 200, seed: 20261126 },
  );
  expect(library.db.pragma('integrity_check', { simple: true })).toBe('ok');
});
