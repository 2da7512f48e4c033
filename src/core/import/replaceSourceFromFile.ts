import { createHash } from 'node:crypto';
import path from 'node:path';
import { ApiError } from '../../shared/api/errors';
import type { ReanchorReport } from '../../shared/domain/highlight';
import type { Db } from '../db/db';
import { requireSourceBody } from '../highlights/highlightRows';
import { reanchorSource } from '../highlights/reanchorSource';
import { writeOriginal } from '../sources';
import { ImportRefused } from './decodeText';
import type { FileToImport, ParsedSource } from './parseFile';
import { checkFile, parseFile } from './parseFile';
import { insertPages } from './pdf/pagesSchema';
import { writeTransaction } from '../db/writeTransaction';

/**
 * Re-imports a corrected version of an article onto an existing source: the file is checked and
 * parsed exactly as an import parses it, then in ONE transaction the body is replaced and every
 * highlight re-anchored (reanchorSource), and the source's original bytes, sha-256, file name and
 * PDF page starts become the new file's. The researcher's metadata (title, outlet, author, date,
 * URL, language, citekey) is kept as it is. Refused, with the library unchanged, when the file
 * cannot be imported or its bytes are already another source's.
 */
export async function replaceSourceFromFile(db: Db, sourceId: number, file: FileToImport, parse: (file: FileToImport) => Promise<ParsedSource> = parseFile): Promise<ReanchorReport> {
  requireSourceBody(db, sourceId);
  const name = path.basename(file.name);
  let parsed: ParsedSource;
  try {
    checkFile(file);
    parsed = await parse(file);
  } catch (error) {
    if (error instanceof ImportRefused) throw new ApiError('invalid_request', `${name} ${error.message}`);
    throw new ApiError('invalid_request', `${name} could not be read: ${(error as Error).message}`);
  }
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  return writeTransaction(db, () => {
    // Checked inside the transaction: the source may have been deleted, or the file imported, while parsing.
    requireSourceBody(db, sourceId);
    const other = db.prepare('SELECT id, title FROM sources WHERE sha256 = ? AND id != ?').get(sha256, sourceId) as { id: number; title: string } | undefined;
    if (other) {
      throw new ApiError('conflict', `${name} is already in the library as another source ("${other.title}"). Choose the corrected version of this article, or delete the other source first.`);
    }
    const report = reanchorSource(db, sourceId, parsed.body);
    writeOriginal(db, sourceId, file.bytes, sha256, name);
    db.prepare('DELETE FROM source_pages WHERE source_id = ?').run(sourceId);
    if (parsed.pages) insertPages(db, sourceId, parsed.pages);
    return report;
  });
}
