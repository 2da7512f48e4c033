import { createRequire } from 'node:module';
import path from 'node:path';
import { canonicalizeText } from '../../../shared/text/canonical';
import { ImportRefused } from '../decodeText';
import { isoDate, languageTag } from '../html/htmlMetadata';
import type { ParsedArticle } from '../parsePlainText';
import type { PageStart } from './pagesSchema';
import type { TextRun } from './pdfParagraphs';
import { pdfParagraphs } from './pdfParagraphs';

export interface ParsedPdf extends ParsedArticle {
  pages: PageStart[];
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjs: Promise<PdfJs> | null = null;

/**
 * pdf.js, loaded on the first PDF (it is large; most imports are web pages). Its worker module runs
 * in this thread: published as `globalThis.pdfjsWorker`, pdf.js uses it instead of spawning one,
 * and a bundler sees the import instead of a path computed at run time.
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjs;
}

/** pdf.js's data folders, read from disk with fs: font and CMap data never come from the network. */
function packageFolder(name: string): string {
  const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return `${path.join(root, name)}${path.sep}`;
}

/** "D:20230111093000+04'00'" -> 2023-01-11: the date as written, in the PDF's own time zone. */
export function pdfDate(value: unknown): string | null {
  const match = typeof value === 'string' ? /^(?:D:)?(\d{4})(\d{2})(\d{2})/.exec(value.trim()) : null;
  return match ? isoDate(`${match[1]}-${match[2]}-${match[3]}`) : null;
}

/**
 * A browser's "Print to PDF" stamps the day it was printed, not the day the article appeared;
 * storing that as the publication date would be inventing one.
 */
const PRINTED_FROM_BROWSER = /Skia\/PDF|^cairo|Microsoft: Print To PDF|^Mozilla\//i;

/** Titles that are file names or placeholders, as word processors leave them. */
function usableTitle(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const title = value.replace(/^Microsoft (?:Word|PowerPoint) - /, '').replace(/\s+/g, ' ').trim();
  return title === '' || /^untitled$/i.test(title) || /\.(?:docx?|pdf|indd|odt|rtf|pages)$/i.test(title) ? null : title.slice(0, 500);
}

const infoText = (value: unknown, limit: number) => (typeof value === 'string' && value.trim() ? value.replace(/\s+/g, ' ').trim().slice(0, limit) : null);

/** Reads a PDF page by page; the body's page starts are returned beside it. */
export async function parsePdf(bytes: Uint8Array): Promise<ParsedPdf> {
  const { getDocument } = await loadPdfJs();
  const task = getDocument({
    // A copy: pdf.js may take ownership of (detach) the buffer it is given.
    data: new Uint8Array(bytes),
    // Never compile font programs to JavaScript functions (the path of CVE-2024-4367).
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    standardFontDataUrl: packageFolder('standard_fonts'),
    cMapUrl: packageFolder('cmaps'),
    wasmUrl: packageFolder('wasm'),
    iccUrl: packageFolder('iccs'),
    verbosity: 0,
  });
  let document;
  try {
    document = await task.promise;
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'PasswordException') throw new ImportRefused('is protected by a password. Open it, save an unprotected copy (or print it to PDF), and import that.');
    throw new ImportRefused(`is not a readable PDF (${(error as Error).message}). It may be damaged or only partly downloaded: save it again and import it again.`);
  }
  try {
    const labels = await document.getPageLabels().catch(() => null);
    const pageTexts: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const runs: TextRun[] = content.items.flatMap((item) => ('str' in item ? [{ str: item.str, hasEOL: item.hasEOL, transform: item.transform, height: item.height }] : []));
      pageTexts.push(canonicalizeText(pdfParagraphs(runs).join('\n\n')));
      page.cleanup();
    }
    let body = '';
    const starts = pageTexts.map((text) => {
      if (text === '') return -1;
      if (body !== '') body += '\n\n';
      const start = body.length;
      body += text;
      return start;
    });
    // A page without text (a figure, a blank page) starts where the next page with text does.
    for (let index = starts.length - 1, next = body.length; index >= 0; index--) next = starts[index] = starts[index]! < 0 ? next : starts[index]!;
    const pages: PageStart[] = starts.map((start, index) => {
      const label = labels?.[index];
      return { page: index + 1, start, label: label && label !== String(index + 1) ? label : null };
    });
    if (!/[\p{L}\p{N}]/u.test(body)) {
      throw new ImportRefused(
        `has no text layer (a scanned image?) — run OCR on it first (for example with OCRmyPDF, or "Recognize text" in your PDF reader), then import the result.`,
      );
    }
    const { info } = (await document.getMetadata().catch(() => ({ info: {} }))) as { info: Record<string, unknown> };
    const printed = PRINTED_FROM_BROWSER.test(`${info.Producer ?? ''}`) || PRINTED_FROM_BROWSER.test(`${info.Creator ?? ''}`);
    return {
      title: usableTitle(info.Title),
      outlet: null,
      author: infoText(info.Author, 300),
      publishedAt: printed ? null : pdfDate(info.CreationDate),
      url: null,
      language: languageTag(typeof info.Language === 'string' ? info.Language : null),
      body,
      pages,
    };
  } finally {
    await document.destroy();
  }
}
