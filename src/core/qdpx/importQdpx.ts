import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { DOMParser } from 'linkedom';
import { COMMENT_MAX_LENGTH, MAX_TAGS_PER_HIGHLIGHT, TagName } from '../../shared/domain/highlight';
import { isCalendarDate } from '../../shared/text/calendarDate';
import { canonicalizeText } from '../../shared/text/canonical';
import type { Db } from '../db/db';
import { insertHighlight } from '../highlights/highlights';
import { createNote, saveNote } from '../notes/notes';
import { insertSource } from '../sources';
import { writeTransaction } from '../db/writeTransaction';
import { tagPath } from './codebook';
import type { QdpxSummary } from './qdpxSummary';
import { placeSelection } from './qdpxText';
import { noteEditorState } from './noteEditorState';
import { parseTranslationDescription } from './qdpxTranslation';
import type { Document, Element } from '../import/html/dom';

/**
 * Imports a REFI-QDA project (`.qdpx`) written by another tool, or by Marginalia:
 *
 * - text sources, from their `PlainTextContent` or the archive's file named by `plainTextPath`
 *   (`internal://NAME` is `Sources/NAME` in the archive). A source whose file is not in the
 *   archive, a file outside it, and a picture, PDF, audio or video source are skipped, by name
 *   and with the reason; the rest imports;
 * - each `PlainTextSelection` as a highlight (placed as qdpxText.ts says), tagged with the path of
 *   each code its `Coding`s apply (`framing/blockade-denial`: the codebook's hierarchy joined by `/`);
 * - its `Description` and the notes it refers to that are only about it, as its comment; every
 *   other `Note` as a note of the library, citing the passages and sources that refer to it;
 * - variables named outlet, author, date, language or url as the source's metadata.
 *
 * Everything is one transaction: a project that fails midway leaves the library as it was.
 * Codes that no imported selection applies are counted nowhere: tags exist through highlights
 * (a codebook of its own comes with the codes table).
 */
export class QdpxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QdpxError';
  }
}

type El = Element;

const children = (element: El | null | undefined, name: string): El[] => (element ? [...element.children].filter((child) => child.localName === name || child.tagName === name) : []);
const child = (element: El | null | undefined, name: string): El | undefined => children(element, name)[0];
const text = (element: El | undefined): string | null => (element ? (element.textContent ?? '') : null);

const SOURCE_KINDS: Record<string, string> = {
  PictureSource: 'a picture',
  PDFSource: 'a PDF',
  AudioSource: 'an audio recording',
  VideoSource: 'a video',
};

const METADATA: Record<string, 'outlet' | 'author' | 'publishedAt' | 'language' | 'url'> = {
  outlet: 'outlet',
  author: 'author',
  date: 'publishedAt',
  language: 'language',
  url: 'url',
};

function readArchive(bytes: Uint8Array, fileName: string): { files: Record<string, Uint8Array>; project: El } {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (error) {
    throw new QdpxError(`${fileName} is not a REFI-QDA project: it is not a zip archive (${(error as Error).message}). Export a .qdpx from your QDA tool and import that.`);
  }
  const qde = Object.keys(files).find((name) => /^[^/]+\.qde$/i.test(name));
  if (!qde) throw new QdpxError(`${fileName} is not a REFI-QDA project: the archive has no project.qde file.`);
  const xml = new TextDecoder().decode(files[qde]);
  const document = new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
  const project = document.documentElement as El | null;
  if (!project || (project.localName ?? project.tagName) !== 'Project') throw new QdpxError(`${fileName} is not a REFI-QDA project: ${qde} has no <Project> element.`);
  return { files, project };
}

/** Code GUID → its path, `parent/child`, through the codebook's nesting. */
function readCodes(project: El): Map<string, string> {
  const paths = new Map<string, string>();
  const walk = (codes: El[], parents: string[]) => {
    for (const code of codes) {
      const path = [...parents, ...tagPath(code.getAttribute('name') ?? '')];
      const guid = code.getAttribute('guid');
      if (guid && path.length > 0) paths.set(guid, path.join('/'));
      walk(children(code, 'Code'), path);
    }
  };
  walk(children(child(child(project, 'CodeBook'), 'Codes'), 'Code'), []);
  return paths;
}

function archiveText(files: Record<string, Uint8Array>, path: string): string | null {
  const name = path.replace(/^internal:\/\//, '');
  const entry = Object.keys(files).find((candidate) => candidate === `Sources/${name}` || candidate.toLowerCase() === `sources/${name}`.toLowerCase());
  if (!entry) return null;
  return new TextDecoder('utf-8', { fatal: false }).decode(files[entry]).replace(/^\uFEFF/, '');
}

const refs = (element: El, name: string): string[] => children(element, name).map((ref) => ref.getAttribute('targetGUID') ?? '').filter(Boolean);

export function importQdpx(db: Db, bytes: Uint8Array, fileName: string): QdpxSummary {
  const { files, project } = readArchive(bytes, fileName);
  const codes = readCodes(project);
  const variables = new Map(children(child(project, 'Variables'), 'Variable').map((variable) => [variable.getAttribute('guid') ?? '', (variable.getAttribute('name') ?? '').trim().toLowerCase()]));
  const noteElements = children(child(project, 'Notes'), 'Note');
  const projectNotes = new Set(refs(project, 'NoteRef'));
  const sourceElements = child(project, 'Sources') ? [...child(project, 'Sources')!.children] : [];
  const referencedBySelection = new Set(sourceElements.flatMap((source) => children(source, 'PlainTextSelection').flatMap((selection) => refs(selection, 'NoteRef'))));
  // A note only selections refer to is what they say about a passage: their comment.
  const isComment = (guid: string) => referencedBySelection.has(guid) && !projectNotes.has(guid);
  const noteText = new Map(noteElements.map((note) => [note.getAttribute('guid') ?? '', text(child(note, 'PlainTextContent')) ?? archiveText(files, note.getAttribute('plainTextPath') ?? '') ?? '']));
  const summary: QdpxSummary = { sources: 0, codes: 0, selections: 0, notes: 0, skipped: [] };
  const usedCodes = new Set<string>();
  const citations = new Map<string, { sourceId: number; highlightId: number | null; quote: string | null }[]>();
  const cite = (noteGuid: string, citation: { sourceId: number; highlightId: number | null; quote: string | null }) => citations.set(noteGuid, [...(citations.get(noteGuid) ?? []), citation]);

  // BEGIN IMMEDIATE (issue 12): a project read while another program writes waits its turn, and a
  // read-only or busy library is refused with a sentence rather than SQLite's words.
  return writeTransaction(db, () => {
    for (const source of sourceElements) {
      const kind = source.localName ?? source.tagName;
      const name = (source.getAttribute('name')?.trim() || source.getAttribute('guid') || 'a source without a name').normalize('NFC');
      if (kind !== 'TextSource') {
        summary.skipped.push({ name, reason: `${SOURCE_KINDS[kind] ?? `a ${kind}`} source: only text sources are imported` });
        continue;
      }
      const path = source.getAttribute('plainTextPath');
      const raw = text(child(source, 'PlainTextContent')) ?? (path?.startsWith('internal://') ? archiveText(files, path) : null);
      if (raw === null) {
        const where = path ? (path.startsWith('internal://') ? `its text file ${path} is not in the archive` : `its text file ${path} is outside the archive`) : 'it has no plain text';
        summary.skipped.push({ name, reason: where });
        continue;
      }
      const body = canonicalizeText(raw);
      if (body === '') {
        summary.skipped.push({ name, reason: 'its text is empty' });
        continue;
      }
      const original = new TextEncoder().encode(raw);
      const sha256 = createHash('sha256').update(original).digest('hex');
      const existing = db.prepare('SELECT id FROM sources WHERE sha256 = ?').get(sha256) as { id: number } | undefined;
      if (existing) {
        summary.skipped.push({ name, reason: `the same text is already in the library (source ${existing.id})` });
        continue;
      }
      const metadata: Record<string, string | null> = { outlet: null, author: null, publishedAt: null, language: null, url: null };
      for (const value of children(source, 'VariableValue')) {
        const field = METADATA[variables.get(child(value, 'VariableRef')?.getAttribute('targetGUID') ?? '') ?? ''];
        const written = [...value.children].find((element) => (element.localName ?? element.tagName) !== 'VariableRef')?.textContent?.trim() ?? '';
        if (!field || written === '') continue;
        if (field === 'publishedAt') metadata.publishedAt = isCalendarDate(written.slice(0, 10)) ? written.slice(0, 10) : null;
        else if (field === 'url') metadata.url = /^https?:\/\//i.test(written) ? written : null;
        else metadata[field] = written;
      }
      const sourceId = insertSource(db, {
        title: name.replace(/\.(txt|docx?|rtf|odt|md)$/i, '') || name,
        outlet: metadata.outlet!,
        author: metadata.author!,
        publishedAt: metadata.publishedAt!,
        url: metadata.url!,
        language: metadata.language!,
        body,
        fileName: name,
        original,
        sha256,
      });
      summary.sources += 1;
      for (const noteGuid of refs(source, 'NoteRef')) cite(noteGuid, { sourceId, highlightId: null, quote: null });

      for (const selection of children(source, 'PlainTextSelection')) {
        const placed = placeSelection(raw, body, Number(selection.getAttribute('startPosition')), Number(selection.getAttribute('endPosition')), selection.getAttribute('name'));
        const tags = [
          ...new Set(
            children(selection, 'Coding')
              .map((coding) => codes.get(child(coding, 'CodeRef')?.getAttribute('targetGUID') ?? ''))
              .filter((path): path is string => path !== undefined)
              .map((path) => TagName.safeParse(path))
              .filter((parsed) => parsed.success)
              .map((parsed) => parsed.data),
          ),
        ].slice(0, MAX_TAGS_PER_HIGHLIGHT);
        tags.forEach((tag) => usedCodes.add(tag));
        const noteRefs = refs(selection, 'NoteRef');
        const description = text(child(selection, 'Description'));
        // Our own export's translation, labelled (qdpxTranslation.ts); any other description is a comment.
        const translation = description ? parseTranslationDescription(description) : null;
        const comment = [translation ? null : description, ...noteRefs.filter(isComment).map((guid) => noteText.get(guid) ?? '')]
          .map((part) => (part ?? '').normalize('NFC').trim())
          .filter(Boolean)
          .join('\n\n')
          .slice(0, COMMENT_MAX_LENGTH);
        const date = (attribute: string) => {
          const value = selection.getAttribute(attribute);
          return value && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : undefined;
        };
        const highlightId = insertHighlight(db, { sourceId, anchor: placed.anchor, orphaned: placed.orphaned, color: 'yellow', comment, translation, tags, createdAt: date('creationDateTime'), updatedAt: date('modifiedDateTime') ?? date('creationDateTime') });
        summary.selections += 1;
        if (placed.orphaned) summary.skipped.push({ name: `${name}: “${placed.anchor.exact}”`, reason: 'its words were not found at its position or anywhere in the text: imported as an orphaned highlight' });
        for (const guid of noteRefs.filter((guid) => !isComment(guid))) cite(guid, { sourceId, highlightId, quote: placed.anchor.exact });
      }
    }

    for (const note of noteElements) {
      const guid = note.getAttribute('guid') ?? '';
      if (isComment(guid)) {
        summary.notes += 1;
        continue;
      }
      const created = createNote(db, { title: note.getAttribute('name') ?? undefined });
      saveNote(db, created.id, { editorState: noteEditorState(db, noteText.get(guid) ?? '', citations.get(guid) ?? []) });
      summary.notes += 1;
    }
    summary.codes = usedCodes.size;
    return summary;
  });
}
