import path from 'node:path';
import type { SupportedImportExtension } from '../../shared/domain/importFormats';
import { isSupportedImportName, MAX_IMPORT_BYTES, SUPPORTED_IMPORT_EXTENSIONS } from '../../shared/domain/importFormats';
import { canonicalizeText } from '../../shared/text/canonical';
import { decodeText, ImportRefused } from './decodeText';
import { detectLanguage } from './detectLanguage';
import { parseMarkdown } from './parseMarkdown';
import type { ParsedArticle } from './parsePlainText';
import { parsePlainText, titleFromFirstSentence } from './parsePlainText';
import type { PageStart } from './pdf/pagesSchema';
import { parsePdf } from './pdf/parsePdf';
import type { StoredOriginal } from '../originalBytes';
import type { FoldedSourceText } from '../search/sourceFold';

export interface FileToImport {
  /** The name shown in results and stored as provenance (a path or a bare file name). */
  name: string;
  bytes: Uint8Array;
  /** Set when the file could not be read (or was too large to read); reported as its error. */
  unreadable?: string;
}

/** An article ready to store: metadata, canonical body, and for a PDF where each page starts. */
export interface ParsedSource extends ParsedArticle {
  title: string;
  /** The file gave no title: it was made from the first sentence (or the file name), and is shown and exported as supplied. */
  titleDerived: boolean;
  pages: PageStart[] | null;
  /**
   * The file's bytes already compressed against this body (originalBytes.ts), when the parse
   * worker did it: deflating is a quarter of what storing an import costs the serving thread.
   */
  storedOriginal?: StoredOriginal;
  /**
   * What the search index holds for this title, outlet, author and body (foldSourceText), when the
   * parse worker made it. Made from exactly these fields; the index writer folds again when the row
   * it stores differs (foldedFrom), but a change that keeps the body's length must drop it.
   */
  searchText?: FoldedSourceText;
}

/** The oversize message, shared with readPaths, which refuses before reading such a file. */
export function tooLargeMessage(size: number): string {
  return `is ${(size / 1048576).toFixed(1)} MB, over the ${MAX_IMPORT_BYTES / 1048576} MB limit for one article. Split it or import only the article text.`;
}

const DAMAGED = 'contains replacement characters (\uFFFD), a sign it was damaged by an earlier wrong decoding. Import an undamaged copy.';

function fromText(parse: (text: string) => ParsedArticle) {
  return (bytes: Uint8Array): ParsedArticle => {
    const text = canonicalizeText(decodeText(bytes));
    if (text.trim() === '') throw new ImportRefused('is empty. There is no text to import.');
    if (text.includes('\uFFFD')) throw new ImportRefused(DAMAGED);
    return parse(text);
  };
}

/** Readability and linkedom are loaded on the first web page: a folder of text files never pays for them. */
async function fromHtml(bytes: Uint8Array): Promise<ParsedArticle> {
  if (bytes.length === 0) throw new ImportRefused('is empty. There is no text to import.');
  const { parseHtml } = await import('./html/parseHtml');
  const parsed = parseHtml(bytes);
  if (parsed.body.includes('\uFFFD')) throw new ImportRefused(DAMAGED);
  return parsed;
}

// Keyed by the shared list: a type the app offers without a parser here (or the reverse) does not compile.
const PARSERS: Record<SupportedImportExtension, (bytes: Uint8Array) => ParsedArticle | Promise<ParsedArticle & { pages?: PageStart[] }>> = {
  '.txt': fromText(parsePlainText),
  '.text': fromText(parsePlainText),
  '.md': fromText(parseMarkdown),
  '.markdown': fromText(parseMarkdown),
  '.html': fromHtml,
  '.htm': fromHtml,
  '.pdf': parsePdf,
};

export const SUPPORTED_EXTENSIONS: readonly string[] = SUPPORTED_IMPORT_EXTENSIONS;

/** The app filters folders with the same shared test, so a file it skips is one core would refuse. */
export function isSupportedFile(name: string): boolean {
  return isSupportedImportName(name);
}

/** Refusals that need no parsing: run before hashing or parsing a file. */
export function checkFile(file: FileToImport): void {
  if (!isSupportedFile(file.name)) throw new ImportRefused(`is not a supported file type. Import ${SUPPORTED_EXTENSIONS.join(', ')} files.`);
  if (file.unreadable !== undefined) throw new ImportRefused(file.unreadable);
  if (file.bytes.length > MAX_IMPORT_BYTES) throw new ImportRefused(tooLargeMessage(file.bytes.length));
}

export async function parseFile(file: FileToImport): Promise<ParsedSource> {
  checkFile(file);
  const parsed: ParsedArticle & { pages?: PageStart[] } = await PARSERS[path.extname(file.name).toLowerCase() as SupportedImportExtension](file.bytes);
  if (parsed.body.trim() === '') throw new ImportRefused('has metadata but no article text. Add the text and import again.');
  const title = parsed.title ?? titleFromFirstSentence(parsed.body) ?? path.basename(file.name);
  // A declared language (html lang, front matter, PDF metadata) is the publisher's word; only a file without one is guessed.
  const language = parsed.language ?? (await detectLanguage(`${parsed.title ?? ''}\n${parsed.body}`));
  return { ...parsed, title, titleDerived: parsed.title === null, language, pages: parsed.pages ?? null };
}
