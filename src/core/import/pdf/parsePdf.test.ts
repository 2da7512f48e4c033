import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import http from 'node:http';
import https from 'node:https';
import { makePdf } from '../../../../tests/fixtures/import/makePdf';
import { canonicalizeText } from '../../../shared/text/canonical';
import type { Db } from '../../db/db';
import { deleteSource, getSource, readOriginal } from '../../sources';
import { importFile } from '../importFiles';
import { listPages, pageOfOffset } from './pagesSchema';
import { parsePdf, pdfDate } from './parsePdf';
import { openTestLibrary } from '../../../../tests/support/library';

const REPORT = makePdf({
  info: { Title: 'Humanitarian situation along the Lachin corridor', Author: 'Office for Humanitarian Affairs', CreationDate: "D:20230215103000+04'00'", Producer: 'LibreOffice 7.4' },
  lang: 'en-GB',
  pageLabels: [
    { from: 0, style: 'r' },
    { from: 2, style: 'D' },
  ],
  pages: [
    { lines: ['Summary', '', 'The corridor has been closed since 12 December 2022. Food, medicine and', 'fuel reach Stepanakert only with Red Cross convoys and peacekeepers.'] },
    { image: true },
    { lines: ['1. Access', '', 'Convoys of the International Committee of the Red Cross crossed the', 'checkpoint twice a week. Negotiations on a regular schedule are contin-', 'uing, according to officials.', '', 'Shortages were reported in all districts.'] },
  ],
});

describe('parsePdf', () => {
  it('extracts the text page by page, paragraphs kept, wrapped lines joined, and says where each page starts', async () => {
    const parsed = await parsePdf(REPORT);
    expect(parsed.body).toBe(
      [
        'Summary',
        'The corridor has been closed since 12 December 2022. Food, medicine and fuel reach Stepanakert only with Red Cross convoys and peacekeepers.',
        '1. Access',
        'Convoys of the International Committee of the Red Cross crossed the checkpoint twice a week. Negotiations on a regular schedule are continuing, according to officials.',
        'Shortages were reported in all districts.',
      ].join('\n\n'),
    );
    expect(canonicalizeText(parsed.body)).toBe(parsed.body);
    const third = parsed.body.indexOf('1. Access');
    // Page ii is an image: it starts where the next page with text does. The third page is printed "1".
    expect(parsed.pages).toEqual([
      { page: 1, start: 0, label: 'i' },
      { page: 2, start: third, label: 'ii' },
      { page: 3, start: third, label: '1' },
    ]);
  });

  it('gives no labels when the PDF declares none', async () => {
    const parsed = await parsePdf(makePdf({ pages: [{ lines: ['One.'] }, { lines: ['Two.'] }] }));
    expect(parsed).toMatchObject({ body: 'One.\n\nTwo.', pages: [{ page: 1, start: 0, label: null }, { page: 2, start: 6, label: null }] });
  });

  it('reads title, author, creation date and language from the info dictionary', async () => {
    expect(await parsePdf(REPORT)).toMatchObject({
      title: 'Humanitarian situation along the Lachin corridor',
      author: 'Office for Humanitarian Affairs',
      publishedAt: '2023-02-15',
      outlet: null,
      url: null,
      language: 'en-GB',
    });
  });

  it("does not take a browser's print date for the publication date, nor a file name for a title", async () => {
    const printed = makePdf({ info: { Title: 'draft-v3.docx', CreationDate: 'D:20240501', Producer: 'Skia/PDF m120' }, pages: [{ lines: ['Printed from a web page.'] }] });
    expect(await parsePdf(printed)).toMatchObject({ title: null, publishedAt: null });
  });

  it('refuses a scanned PDF (images, no text layer) with a message saying to run OCR', async () => {
    await expect(parsePdf(makePdf({ pages: [{ image: true }, { image: true }] }))).rejects.toThrow(/^has no text layer \(a scanned image\?\) — run OCR on it first/);
  });

  it('refuses a damaged or truncated PDF with a message saying so', async () => {
    await expect(parsePdf(Buffer.from('%PDF-1.7\nthis is not a pdf at all'))).rejects.toThrow(/^is not a readable PDF \(.+\)\. It may be damaged or only partly downloaded/);
  });

  it('fetches nothing from the network', async () => {
    const calls = [vi.spyOn(globalThis, 'fetch'), vi.spyOn(http, 'request'), vi.spyOn(https, 'request')];
    await parsePdf(REPORT);
    for (const call of calls) expect(call).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });

  it('reads dates as the PDF writes them', () => {
    expect(pdfDate("D:20230111233000-05'00'")).toBe('2023-01-11');
    expect(pdfDate('2023')).toBeNull();
    expect(pdfDate('D:20230231')).toBeNull();
  });
});

describe('importing a PDF', () => {
  let db: Db;
  let cleanup: () => void;
  beforeEach(() => ({ db, cleanup } = openTestLibrary()));
  afterEach(() => cleanup());

  it('stores the text, the original bytes and the page starts, and tells the page of any offset', async () => {
    const result = await importFile(db, { name: 'ocha-report.pdf', bytes: REPORT });
    expect(result).toMatchObject({ status: 'imported', error: null });
    const source = getSource(db, result.sourceId!);
    expect(source).toMatchObject({ title: 'Humanitarian situation along the Lachin corridor', publishedAt: '2023-02-15', fileName: 'ocha-report.pdf' });
    expect(Buffer.compare(readOriginal(db, source.id), REPORT)).toBe(0);

    const shortages = source.body.indexOf('Shortages');
    expect(pageOfOffset(db, source.id, 0)).toEqual({ page: 1, label: 'i' });
    expect(pageOfOffset(db, source.id, source.body.indexOf('peacekeepers'))).toEqual({ page: 1, label: 'i' });
    expect(pageOfOffset(db, source.id, source.body.indexOf('1. Access'))).toEqual({ page: 3, label: '1' });
    expect(pageOfOffset(db, source.id, shortages)).toEqual({ page: 3, label: '1' });
    expect(listPages(db, source.id)).toHaveLength(3);
  });

  it('has no pages for a source that is not a PDF, and drops the pages with their source', async () => {
    const text = await importFile(db, { name: 'a.txt', bytes: Buffer.from('Plain text.') });
    expect(pageOfOffset(db, text.sourceId!, 3)).toBeNull();
    const pdf = await importFile(db, { name: 'r.pdf', bytes: REPORT });
    deleteSource(db, pdf.sourceId!);
    expect(db.prepare('SELECT count(*) AS n FROM source_pages').get()).toEqual({ n: 0 });
  });

  it('reports a scanned PDF as failed, naming it, and stores nothing', async () => {
    const result = await importFile(db, { name: 'scan.pdf', bytes: makePdf({ pages: [{ image: true }] }) });
    expect(result.status).toBe('failed');
    expect(result.error).toBe(
      'scan.pdf has no text layer (a scanned image?) — run OCR on it first (for example with OCRmyPDF, or "Recognize text" in your PDF reader), then import the result.',
    );
    expect(db.prepare('SELECT count(*) AS n FROM sources').get()).toEqual({ n: 0 });
  });
});
