import { strToU8, zipSync } from 'fflate';
import type { Highlight } from '../../shared/domain/highlight';
import { offsetConverter } from '../../shared/anchoring/codePoints';
import type { Db } from '../db/db';
import { listAllHighlights } from '../highlights/highlightRows';
import type { QdaCode, TagInfo } from './codebook';
import { allCodes, buildCodebook, tagToCode } from './codebook';
import { collectionSources, outletCountryReader, tagInfoReader } from './compareTables';
import { guidFrom, libraryGuids } from './guids';
import type { QdpxSummary } from './qdpxSummary';
import { element, textElement } from './xml';
import { translationDescription } from './qdpxTranslation';

/**
 * The library, or one collection of it, as a REFI-QDA project (`.qdpx`, the
 * exchange format of NVivo, MAXQDA, ATLAS.ti, QualCoder and Transana; QDA-XML 1.0):
 *
 * - every source as a plain-text file `Sources/GUID.txt` in the archive (UTF-8, its canonical
 *   body: `\n` line ends), a `TextSource` pointing at it with `plainTextPath="internal://GUID.txt"`;
 * - the tags as the codebook (codebook.ts: `/` makes the hierarchy);
 * - each highlight as a `PlainTextSelection` with a `Coding` per tag. Offsets are Unicode code
 *   points from the start of that file, end exclusive, and a line end is one character (`\n`);
 *   REFI counts "characters", and this is what Python-based tools (QualCoder) count. An orphaned
 *   highlight has no place in the text and is listed as skipped;
 * - a highlight's translation as the selection's `Description`, labelled with its language
 *   (qdpxTranslation.ts: the standard has no field for one);
 * - a highlight's comment as a `Note` the selection refers to (`NoteRef`); each note of the
 *   library as a `Note` listed at the project level, and referred to from each passage (or whole
 *   source) it cites;
 * - outlet, author, date, language, URL and the outlet's country as `Variables` with a value on
 *   each source, and one `Case` per outlet holding its sources;
 * - codes' colours and descriptions, and outlets' countries, where the library has them
 *   (compareTables.ts).
 */

export interface QdpxExport {
  archive: Uint8Array;
  summary: QdpxSummary;
}

interface SourceRow {
  id: number;
  /** The outlet's country, from the outlets table where the library has one. */
  country?: string | null;
  title: string;
  outlet: string | null;
  author: string | null;
  published_at: string | null;
  url: string | null;
  language: string | null;
  body: string;
  imported_at: string;
}

interface NoteRow {
  id: number;
  title: string;
  plain_text: string;
  created_at: string;
  updated_at: string;
}

/** Variables are the same in every library's export, like codes. */
const codeGuidLike = guidFrom('variables');

const VARIABLES = [
  { key: 'outlet', name: 'Outlet', type: 'Text' },
  { key: 'author', name: 'Author', type: 'Text' },
  { key: 'published_at', name: 'Date', type: 'Date' },
  { key: 'language', name: 'Language', type: 'Text' },
  { key: 'url', name: 'URL', type: 'Text' },
  { key: 'country', name: 'Country', type: 'Text' },
] as const;

const variableGuid = (key: string) => codeGuidLike('variable', key);

function variableValue(key: (typeof VARIABLES)[number]['key'], value: string): string {
  const variable = VARIABLES.find((candidate) => candidate.key === key)!;
  return element('VariableValue', {}, [element('VariableRef', { targetGUID: variableGuid(key) }), textElement(variable.type === 'Date' ? 'DateValue' : 'TextValue', value)]);
}

function codeXml(code: QdaCode): string {
  const children = [...(code.description ? [textElement('Description', code.description)] : []), ...code.children.map(codeXml)];
  return element('Code', { guid: code.guid, name: code.name, isCodable: code.isCodable, color: code.color }, children);
}

/** A short name for a selection or comment: the passage's first words. */
const passageName = (text: string) => {
  const line = text.replace(/\s+/gu, ' ').trim();
  return [...line].length > 80 ? `${[...line].slice(0, 79).join('')}…` : line;
};

export interface QdpxExportOptions {
  /** A collection's name: only its sources, their highlights and the notes citing them. */
  collection?: string;
  /** Colours and descriptions by tag name; by default from the tags table where it has them. */
  tagInfo?: (name: string) => TagInfo;
  /** The project's date (tests pass a fixed one). */
  now?: Date;
}

export function exportQdpx(db: Db, options: QdpxExportOptions = {}): QdpxExport {
  const only = options.collection !== undefined ? collectionSources(db, options.collection) : null;
  const inScope = (sourceId: number | null) => only === null || (sourceId !== null && only.has(sourceId));
  const tagInfo = options.tagInfo ?? tagInfoReader(db);
  const countryOf = outletCountryReader(db);
  const now = (options.now ?? new Date()).toISOString();
  const stableGuid = libraryGuids(db);
  const sources = (db.prepare('SELECT id, title, outlet, author, published_at, url, language, body, imported_at FROM sources ORDER BY id').all() as SourceRow[])
    .filter((source) => inScope(source.id))
    .map((source) => ({ ...source, country: source.outlet === null ? null : countryOf(source.outlet) }));
  const highlights = listAllHighlights(db).filter((highlight) => inScope(highlight.sourceId));
  const hasNotes = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'notes'").get() !== undefined;
  const allNotes = hasNotes ? (db.prepare('SELECT id, title, plain_text, created_at, updated_at FROM notes WHERE deleted_at IS NULL ORDER BY id').all() as NoteRow[]) : [];
  const allCitations = hasNotes
    ? (db.prepare('SELECT DISTINCT c.note_id AS noteId, c.source_id AS sourceId, c.highlight_id AS highlightId FROM citations c JOIN notes n ON n.id = c.note_id WHERE n.deleted_at IS NULL').all() as {
        noteId: number;
        sourceId: number | null;
        highlightId: number | null;
      }[])
    : [];
  const citations = allCitations.filter((citation) => inScope(citation.sourceId));
  // With a collection, the notes that cite something in it.
  const citingNotes = new Set(citations.map((citation) => citation.noteId));
  const notes = allNotes.filter((note) => only === null || citingNotes.has(note.id));

  const tagNames = [...new Set(highlights.flatMap((highlight) => highlight.tags))];
  const codebook = buildCodebook(tagNames.map(tagInfo));
  const skipped: QdpxSummary['skipped'] = [];
  const noteGuid = (id: number) => stableGuid('note', id);
  const notesCitingHighlight = new Map<number, number[]>();
  const notesCitingSource = new Map<number, number[]>();
  for (const citation of citations) {
    const [map, key] = citation.highlightId !== null ? [notesCitingHighlight, citation.highlightId] : [notesCitingSource, citation.sourceId];
    if (key === null) continue;
    map.set(key, [...(map.get(key) ?? []), citation.noteId]);
  }

  const commentNotes: string[] = [];
  const files: Record<string, Uint8Array> = {};
  let selections = 0;
  const byOutlet = new Map<string, number[]>();

  const selectionXml = (highlight: Highlight, convert: ReturnType<typeof offsetConverter>): string => {
    const codings = highlight.tags.map((tag) =>
      element('Coding', { guid: stableGuid('coding', `${highlight.id}/${tag}`), creationDateTime: highlight.createdAt }, [element('CodeRef', { targetGUID: tagToCode({ name: tag }).guid })]),
    );
    const noteRefs: string[] = [];
    if (highlight.comment.trim() !== '') {
      const guid = stableGuid('comment', highlight.id);
      commentNotes.push(
        element('Note', { guid, name: `Comment on “${passageName(highlight.exact)}”`, creationDateTime: highlight.createdAt, modifiedDateTime: highlight.updatedAt }, [textElement('PlainTextContent', highlight.comment)]),
      );
      noteRefs.push(element('NoteRef', { targetGUID: guid }));
    }
    for (const noteId of notesCitingHighlight.get(highlight.id) ?? []) noteRefs.push(element('NoteRef', { targetGUID: noteGuid(noteId) }));
    selections += 1;
    return element(
      'PlainTextSelection',
      {
        guid: stableGuid('highlight', highlight.id),
        name: passageName(highlight.exact),
        startPosition: convert.toCodePoints(highlight.start),
        endPosition: convert.toCodePoints(highlight.end),
        creationDateTime: highlight.createdAt,
        modifiedDateTime: highlight.updatedAt,
      },
      // Description comes first in PlainTextSelectionType's sequence.
      [...(highlight.translation ? [textElement('Description', translationDescription(highlight.translation))] : []), ...codings, ...noteRefs],
    );
  };

  const sourceXml = sources.map((source) => {
    const guid = stableGuid('source', source.id);
    files[`Sources/${guid}.txt`] = strToU8(source.body);
    const convert = offsetConverter(source.body);
    const own = highlights.filter((highlight) => highlight.sourceId === source.id);
    const selectionElements: string[] = [];
    for (const highlight of own) {
      if (highlight.orphaned) skipped.push({ name: `${source.title}: “${passageName(highlight.exact)}”`, reason: 'the highlight is orphaned: its passage is no longer found in the text' });
      else selectionElements.push(selectionXml(highlight, convert));
    }
    const sourceNoteRefs = (notesCitingSource.get(source.id) ?? []).map((noteId) => element('NoteRef', { targetGUID: noteGuid(noteId) }));
    const values = VARIABLES.filter(({ key }) => source[key] !== null).map(({ key }) => variableValue(key, source[key]!));
    if (source.outlet !== null) byOutlet.set(source.outlet, [...(byOutlet.get(source.outlet) ?? []), source.id]);
    return element('TextSource', { guid, name: source.title, plainTextPath: `internal://${guid}.txt`, creationDateTime: source.imported_at, modifiedDateTime: source.imported_at }, [
      ...selectionElements,
      ...sourceNoteRefs,
      ...values,
    ]);
  });

  const libraryNotes = notes.map((note) =>
    element('Note', { guid: noteGuid(note.id), name: note.title, creationDateTime: note.created_at, modifiedDateTime: note.updated_at }, [textElement('PlainTextContent', note.plain_text)]),
  );
  const cases = [...byOutlet].map(([outlet, ids]) =>
    element('Case', { guid: stableGuid('case', outlet), name: outlet }, [variableValue('outlet', outlet), ...ids.map((id) => element('SourceRef', { targetGUID: stableGuid('source', id) }))]),
  );

  const project = element(
    'Project',
    { xmlns: 'urn:QDA-XML:project:1.0', name: 'Marginalia library', origin: 'Marginalia', creationDateTime: now, modifiedDateTime: now },
    [
      ...(codebook.length > 0 ? [element('CodeBook', {}, [element('Codes', {}, codebook.map(codeXml))])] : []),
      ...(sources.length > 0 ? [element('Variables', {}, VARIABLES.map(({ key, name, type }) => element('Variable', { guid: variableGuid(key), name, typeOfVariable: type })))] : []),
      ...(cases.length > 0 ? [element('Cases', {}, cases)] : []),
      ...(sourceXml.length > 0 ? [element('Sources', {}, sourceXml)] : []),
      ...(commentNotes.length + libraryNotes.length > 0 ? [element('Notes', {}, [...libraryNotes, ...commentNotes])] : []),
      ...notes.map((note) => element('NoteRef', { targetGUID: noteGuid(note.id) })),
    ],
  );
  files['project.qde'] = strToU8(`<?xml version="1.0" encoding="utf-8"?>\n${project}\n`);
  return {
    archive: zipSync(files, { level: 6 }),
    summary: { sources: sources.length, codes: allCodes(codebook).length, selections, notes: libraryNotes.length + commentNotes.length, skipped },
  };
}
