import fs from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAllHighlights } from '../highlights/highlightRows';
import { hasInterop, INTEROP_SKIP, interopFile } from '../interopReferences';
import { getNote, listNotes } from '../notes/notes';
import { listSources } from '../sources';
import { exportQdpx } from './exportQdpx';
import { updateHighlight } from '../highlights/highlights';
import { importQdpx, QdpxError } from './importQdpx';
import { placeSelection } from './qdpxText';
import { Library } from '../library';
import { openTestLibrary, type TestLibrary } from '../../../tests/support/library';
import { buildQdpxLibrary } from '../../../tests/support/qdpx';

let library: TestLibrary;
beforeEach(() => {
  library = openTestLibrary();
});
afterEach(() => library.cleanup());

const G = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/**
 * A project as another tool writes one: a source file with CRLF line ends and an emoji, positions
 * in code points of that file (a CRLF two characters), one selection whose tool counted a CRLF as
 * one character (its position is off by one, its name gives its words), nested codes, a note only a
 * selection refers to (a comment), a project note citing a passage, variables, and a source whose
 * file is missing.
 */
const TEXT = 'Степанакерт 🚧.\r\nЛачинский коридор закрыт.\r\n\r\nԼաչինի միջանցքը փակ է։';
const cp = (phrase: string) => [...TEXT.slice(0, TEXT.indexOf(phrase))].length;
const OTHER_TOOL_QDE = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Lachin study" origin="QualCoder 3.5">
  <CodeBook><Codes>
    <Code guid="${G(1)}" name="framing" isCodable="false">
      <Code guid="${G(2)}" name="blockade" isCodable="true" color="#FF0000"/>
    </Code>
    <Code guid="${G(3)}" name="humanitarian" isCodable="true"/>
  </Codes></CodeBook>
  <Variables>
    <Variable guid="${G(10)}" name="Outlet" typeOfVariable="Text"/>
    <Variable guid="${G(11)}" name="Date" typeOfVariable="Date"/>
    <Variable guid="${G(12)}" name="Language" typeOfVariable="Text"/>
  </Variables>
  <Sources>
    <TextSource guid="${G(20)}" name="ria-lachin.txt" plainTextPath="internal://${G(20)}.txt">
      <PlainTextSelection guid="${G(21)}" name="Лачинский коридор закрыт" startPosition="${cp('Лачинский')}" endPosition="${cp('Лачинский') + 'Лачинский коридор закрыт'.length}">
        <Coding guid="${G(22)}"><CodeRef targetGUID="${G(2)}"/></Coding>
        <NoteRef targetGUID="${G(40)}"/>
      </PlainTextSelection>
      <PlainTextSelection guid="${G(23)}" name="Լաչինի միջանցքը" startPosition="${cp('Լաչինի') - 1}" endPosition="${cp('Լաչինի') - 1 + 'Լաչինի միջանցքը'.length}">
        <Coding guid="${G(24)}"><CodeRef targetGUID="${G(2)}"/></Coding>
        <Coding guid="${G(25)}"><CodeRef targetGUID="${G(3)}"/></Coding>
        <NoteRef targetGUID="${G(41)}"/>
      </PlainTextSelection>
      <VariableValue><VariableRef targetGUID="${G(10)}"/><TextValue>РИА Новости</TextValue></VariableValue>
      <VariableValue><VariableRef targetGUID="${G(11)}"/><DateValue>2023-01-05</DateValue></VariableValue>
      <VariableValue><VariableRef targetGUID="${G(12)}"/><TextValue>ru</TextValue></VariableValue>
    </TextSource>
    <TextSource guid="${G(30)}" name="missing.docx" plainTextPath="internal://${G(30)}.txt"/>
    <PictureSource guid="${G(31)}" name="map.jpg" path="internal://${G(31)}.jpg"/>
  </Sources>
  <Notes>
    <Note guid="${G(40)}" name="Memo"><PlainTextContent>Closed since 12 December.</PlainTextContent></Note>
    <Note guid="${G(41)}" name="Framing memo"><PlainTextContent>Both outlets call it a blockade.

Second paragraph.</PlainTextContent></Note>
  </Notes>
  <NoteRef targetGUID="${G(41)}"/>
</Project>`;

const otherToolArchive = () => zipSync({ 'project.qde': strToU8(OTHER_TOOL_QDE), [`Sources/${G(20)}.txt`]: strToU8(TEXT) });

describe('REFI-QDA import', () => {
  it('imports another tool’s project: text, codes as tags with their hierarchy, comments, notes, variables', () => {
    const summary = importQdpx(library.db, otherToolArchive(), 'lachin.qdpx');
    expect(summary).toEqual({
      sources: 1,
      codes: 2,
      selections: 2,
      notes: 2,
      skipped: [
        { name: 'missing.docx', reason: `its text file internal://${G(30)}.txt is not in the archive` },
        { name: 'map.jpg', reason: 'a picture source: only text sources are imported' },
      ],
    });
    const [source] = listSources(library.db);
    expect(source).toMatchObject({ title: 'ria-lachin', outlet: 'РИА Новости', publishedAt: '2023-01-05', language: 'ru' });
    const highlights = listAllHighlights(library.db);
    // The second selection's tool counted the CRLF as one character; its words are found anyway.
    expect(highlights.map((highlight) => [highlight.exact, highlight.tags, highlight.comment, highlight.orphaned])).toEqual([
      ['Лачинский коридор закрыт', ['framing/blockade'], 'Closed since 12 December.', false],
      ['Լաչինի միջանցքը', ['framing/blockade', 'humanitarian'], '', false],
    ]);
    // The project-level memo is a note of the library, citing the passage that refers to it.
    const notes = listNotes(library.db);
    expect(notes.map((note) => note.title)).toEqual(['Framing memo']);
    const state = getNote(library.db, notes[0]!.id).editorState;
    expect(state).toContain('Both outlets call it a blockade.');
    expect(JSON.parse(state).root.children.at(-1).children.find((node: { type: string }) => node.type === 'citation')).toMatchObject({ sourceId: source!.id, highlightId: highlights[1]!.id });
  });

  it.skipIf(!hasInterop)(`imports TestProject.qdpx: its sources' missing files are reported by name, its notes import${INTEROP_SKIP}`, () => {
    const summary = importQdpx(library.db, fs.readFileSync(interopFile('refi-qda', 'TestProject.qdpx')), 'TestProject.qdpx');
    const missing = summary.skipped.filter((item) => item.reason.startsWith('its text file internal://'));
    expect(missing.map((item) => item.name)).toEqual([
      '1960s Coca Cola commercial - Audio.docx',
      '1960s Coca Cola commercial - Visual.docx',
      '1994 Diet Coke-Diet Coke Break.docx',
      'Mabêl 2ième.txt',
      expect.any(String),
      expect.any(String),
    ]);
    expect(summary.skipped.filter((item) => / source: only text sources are imported$/.test(item.reason)).length).toBe(6);
    expect(summary).toMatchObject({ sources: 0, selections: 0, notes: 2 });
    expect(listNotes(library.db).map((note) => note.title).sort()).toEqual(['My favorite Coke ad', 'Research Plan']);
  });

  it('takes back its own export: the same texts, passages, tags, comments, translations and notes citing them', () => {
    const ids = buildQdpxLibrary(library.db);
    updateHighlight(library.db, ids.azerbaijani, { translation: { text: 'the protest action', language: 'en', tool: null } });
    updateHighlight(library.db, ids.russian, { translation: { text: 'the Lachin corridor, still blocked', language: 'en', tool: 'DeepL' } });
    const { archive } = exportQdpx(library.db);
    const before = { sources: listSources(library.db, { sort: 'title' }), highlights: listAllHighlights(library.db).filter((h) => !h.orphaned) };
    const other = openTestLibrary();
    try {
      const summary = importQdpx(other.db, archive, 'library.qdpx');
      expect(summary).toMatchObject({ sources: 4, codes: 4, selections: 3, notes: 2, skipped: [] });
      const sources = listSources(other.db, { sort: 'title' });
      expect(sources.map(({ title, outlet, author, publishedAt, language, url }) => ({ title, outlet, author, publishedAt, language, url }))).toEqual(
        before.sources.map(({ title, outlet, author, publishedAt, language, url }) => ({ title, outlet, author, publishedAt, language, url })),
      );
      const shape = ({ exact, start, end, tags, comment, translation }: (typeof before.highlights)[number]) => ({ exact, start, end, tags, comment, translation });
      expect(listAllHighlights(other.db).map(shape)).toEqual(before.highlights.map(shape));
      const [note] = listNotes(other.db);
      expect(note).toMatchObject({ title: 'Three outlets' });
      expect(getNote(other.db, note!.id).editorState).toContain('"type":"citation"');
    } finally {
      other.cleanup();
    }
  });

  it('refuses what is not a project, naming the file', () => {
    expect(() => importQdpx(library.db, strToU8('not a zip'), 'notes.qdpx')).toThrow(QdpxError);
    expect(() => importQdpx(library.db, strToU8('not a zip'), 'notes.qdpx')).toThrow(/notes\.qdpx is not a REFI-QDA project/);
    expect(() => importQdpx(library.db, zipSync({ 'readme.txt': strToU8('x') }), 'a.qdpx')).toThrow(/no project\.qde/);
  });
});

describe('REFI-QDA import into a library it cannot write', () => {
  it('says the library is read-only, never SQLite’s words, and stores nothing', () => {
    library.library.close();
    const readOnly = Library.open(library.file, { readonly: true });
    try {
      expect(() => importQdpx(readOnly.db, otherToolArchive(), 'lachin.qdpx')).toThrow(/^The library is read-only, so nothing can be changed\./);
      expect(listSources(readOnly.db, { sort: 'title' })).toEqual([]);
    } finally {
      readOnly.close();
    }
  });
});

describe('the offset unit', () => {
  const raw = 'a🚧\r\nb Лачин';
  const body = 'a🚧\nb Лачин';
  it('counts code points of the text as the project stores it, a CRLF as two characters', () => {
    // "Лачин" starts at code point 6 of the raw text (a, 🚧, \r, \n, b, space), at UTF-16 unit 6 of the stored body.
    expect(placeSelection(raw, body, 6, 11, null)).toEqual({ anchor: expect.objectContaining({ start: 6, end: 11, exact: 'Лачин' }), orphaned: false });
  });

  it('finds the words when a tool counted otherwise, and orphans what is nowhere', () => {
    // UTF-16 units with CRLF as one: 🚧 two units, the line end one: "Лачин" at 6 again, by chance; at 7 it is off by one.
    expect(placeSelection(raw, body, 7, 12, 'Лачин').anchor).toMatchObject({ start: 6, end: 11, exact: 'Лачин' });
    expect(placeSelection(raw, body, 0, 0, 'Шуша').orphaned).toBe(true);
  });
});
