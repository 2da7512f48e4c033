import { createHash } from 'node:crypto';
import path from 'node:path';
import type { ImportResult } from '../../shared/domain/source';
import { MAX_IMPORT_BYTES } from '../../shared/domain/source';
import { canonicalizeText } from '../../shared/text/canonical';
import type { Db } from '../db/openDatabase';
import { insertSource } from '../sources';
import { decodeText, ImportRefused } from './decodeText';
import { parseMarkdown } from './parseMarkdown';
import type { ParsedArticle } from './parsePlainText';
import { parsePlainText, titleFromFirstSentence } from './parsePlainText';

export interface FileToImport {
  /** The name shown in results and stored as provenance (a path or a bare file name). */
  name: string;
  bytes: Uint8Array;
  /** Set when the file could not be read (or was too large to read); reported as its error. */
  unreadable?: string;
}

/** The oversize message, shared with readPaths, which refuses before reading such a file. */
export function tooLargeMessage(size: number): string {
  return `is ${(size / 1048576).toFixed(1)} MB, over the ${MAX_IMPORT_BYTES / 1048576} MB limit for one article. Split it or import only the article text.`;
}

const PARSERS: Record<string, (text: string) => ParsedArticle> = {
  '.txt': parsePlainText,
  '.text': parsePlainText,
  '.md': parseMarkdown,
  '.markdown': parseMarkdown,
};

export const SUPPORTED_EXTENSIONS = Object.keys(PARSERS);

export function isSupportedFile(name: string): boolean {
  return path.extname(name).toLowerCase() in PARSERS;
}

function parseFile(file: FileToImport): ParsedArticle & { title: string } {
  const parse = PARSERS[path.extname(file.name).toLowerCase()];
  if (!parse) throw new ImportRefused(`is not a supported file type. Import ${SUPPORTED_EXTENSIONS.join(', ')} files.`);
  if (file.unreadable !== undefined) throw new ImportRefused(file.unreadable);
  if (file.bytes.length > MAX_IMPORT_BYTES) throw new ImportRefused(tooLargeMessage(file.bytes.length));
  const text = canonicalizeText(decodeText(file.bytes));
  if (text.trim() === '') throw new ImportRefused('is empty. There is no text to import.');
  if (text.includes('\uFFFD')) throw new ImportRefused('contains replacement characters (\uFFFD), a sign it was damaged by an earlier wrong decoding. Import an undamaged copy.');
  const parsed = parse(text);
  if (parsed.body.trim() === '') throw new ImportRefused('has metadata but no article text. Add the text and import again.');
  const title = parsed.title ?? titleFromFirstSentence(parsed.body) ?? path.basename(file.name);
  return { ...parsed, title };
}

/** Imports one file whole or not at all; never throws for bad input, it reports it. */
export function importFile(db: Db, file: FileToImport): ImportResult {
  const displayName = file.name;
  try {
    const parsed = parseFile(file);
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    const existing = db.prepare('SELECT id FROM sources WHERE sha256 = ?').get(sha256) as { id: number } | undefined;
    if (existing) return { file: displayName, status: 'duplicate', sourceId: existing.id, error: null };
    const id = insertSource(db, { ...parsed, fileName: path.basename(file.name), original: file.bytes, sha256 });
    return { file: displayName, status: 'imported', sourceId: id, error: null };
  } catch (error) {
    const message = error instanceof ImportRefused ? `${path.basename(displayName)} ${error.message}` : `${path.basename(displayName)} could not be imported: ${(error as Error).message}`;
    return { file: displayName, status: 'failed', sourceId: null, error: message };
  }
}

/** Imports files one by one: a failure is reported and the rest still import. */
export function importFiles(db: Db, files: Iterable<FileToImport>, onProgress?: (done: number, file: string) => void): ImportResult[] {
  const results: ImportResult[] = [];
  for (const file of files) {
    results.push(importFile(db, file));
    onProgress?.(results.length, file.name);
  }
  return results;
}
