import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ExportOptions, ExportStyle } from '../../shared/api/export';
import { DEFAULT_EXPORT_OPTIONS } from '../../shared/api/export';
import type { Db } from '../db/db';
import { createCitationResolver } from './citationResolver';
import { bibliographyFiles, buildBibliography, prepareNote, renderNote } from './exportNote';
import { listExportableNotes } from './noteRows';
import { FileNamer } from './safeFileName';

/**
 * Every note into one folder: one Markdown file per note and one shared bibliography
 * (`bibliography.json`, `bibliography.bib`) that every Pandoc-style note names in its front matter.
 *
 * Nothing is ever written outside the folder, whatever a title contains: names come from
 * safeFileStem (one path segment by construction), every target is checked to sit directly in the
 * folder, and files are written to a fresh temporary name (O_EXCL: it fails rather than follow a
 * link planted there) and renamed over the target, which replaces a symbolic link rather than
 * writing through it to where it points.
 */
export const BIBLIOGRAPHY_STEM = 'bibliography';

export interface FolderExportResult {
  folder: string;
  /** File names written, in the folder, notes first in note order, then the bibliography. */
  files: { fileName: string; noteId: number | null }[];
}

export class ExportFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportFolderError';
  }
}

/** Writes one file into `folder` (a resolved real path) without ever leaving it. */
export function writeContained(folder: string, fileName: string, content: string): void {
  const target = path.join(folder, fileName);
  if (path.dirname(target) !== folder || path.basename(target) !== fileName || fileName === '.' || fileName === '..') {
    throw new ExportFolderError(`Refused to write "${fileName}": it is not a plain file name inside ${folder}.`);
  }
  const existing = fs.lstatSync(target, { throwIfNoEntry: false });
  if (existing && !existing.isFile() && !existing.isSymbolicLink()) {
    throw new ExportFolderError(`Cannot write ${target}: a folder or device is in the way. Move it, or export into another folder.`);
  }
  const temporary = path.join(folder, `.${randomBytes(6).toString('hex')}.marginalia-export.tmp`);
  const fd = fs.openSync(temporary, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o644);
  try {
    fs.writeFileSync(fd, content, 'utf8');
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/** The folder, created when missing, as a real path (so containment compares like with like). */
function prepareFolder(folder: string): string {
  try {
    fs.mkdirSync(folder, { recursive: true });
    const real = fs.realpathSync(folder);
    if (!fs.statSync(real).isDirectory()) throw new Error('it is not a folder');
    return real;
  } catch (error) {
    throw new ExportFolderError(`Cannot export into ${folder}: ${(error as Error).message}. Choose a folder you can write to.`);
  }
}

export function exportAllNotes(db: Db, folder: string, style: ExportStyle, options: ExportOptions = DEFAULT_EXPORT_OPTIONS): FolderExportResult {
  const notes = listExportableNotes(db);
  const resolve = createCitationResolver(db);
  const prepared = notes.map((note) => prepareNote(note, resolve));
  const bibliography = buildBibliography(prepared);
  const namer = new FileNamer();
  namer.reserve(`${BIBLIOGRAPHY_STEM}.json`);
  namer.reserve(`${BIBLIOGRAPHY_STEM}.bib`);
  const bibliographyNames = bibliographyFiles(bibliography, BIBLIOGRAPHY_STEM);
  const outputs = prepared.map((note) => ({
    fileName: `${namer.claim(note.note.title, ['.md'], `Note ${note.note.id}`)}.md`,
    noteId: note.note.id as number | null,
    content: renderNote(note, style, bibliography.keys, style === 'pandoc' ? bibliographyNames.jsonFileName : null, options),
  }));
  outputs.push(
    { fileName: bibliographyNames.jsonFileName, noteId: null, content: bibliographyNames.json },
    { fileName: bibliographyNames.bibFileName, noteId: null, content: bibliographyNames.bib },
  );
  // Everything is rendered before the first file is written: a note that cannot be exported stops
  // the export before it has half-filled the folder.
  const real = prepareFolder(folder);
  for (const output of outputs) writeContained(real, output.fileName, output.content);
  return { folder: real, files: outputs.map(({ fileName, noteId }) => ({ fileName, noteId })) };
}
