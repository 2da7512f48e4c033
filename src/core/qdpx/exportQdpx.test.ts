import { DOMParser } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hasInterop, INTEROP_SKIP } from '../interopReferences';
import { buildCodebook, tagToCode } from './codebook';
import { exportQdpx } from './exportQdpx';
import { updateHighlight } from '../highlights/highlights';
import { libraryGuids } from './guids';
import { addSource, openTestLibrary, type TestLibrary } from '../../../tests/support/library';
import { archiveFiles, ARMENIAN_BODY, buildQdpxLibrary, hasXmllint, RUSSIAN_BODY, xmllintProblems } from '../../../tests/support/qdpx';

let library: TestLibrary;
beforeEach(() => {
  library = openTestLibrary();
});
afterEach(() => library.cleanup());

const NOW = new Date('2026-12-01T12:00:00.000Z');

function exported() {
  const ids = buildQdpxLibrary(library.db);
  const result = exportQdpx(library.db, { now: NOW });
  const files = archiveFiles(result.archive);
  const stableGuid = libraryGuids(library.db);
  const xml = new DOMParser().parseFromString(files['project.qde']!, 'text/xml') as unknown as Document;
  return { ids, result, files, xml, stableGuid };
}

describe('REFI-QDA export', () => {
  it.skipIf(!hasInterop || !hasXmllint)(`validates against Project.xsd with xmllint${hasXmllint ? INTEROP_SKIP : ' [SKIPPED: xmllint is not on PATH; apt-get install libxml2-utils]'}`, () => {
    const { files } = exported();
    expect(xmllintProblems(files['project.qde']!, library.dir)).toBe('');
    // An empty library is a valid project too.
    const empty = openTestLibrary();
    try {
      expect(xmllintProblems(archiveFiles(exportQdpx(empty.db, { now: NOW }).archive)['project.qde']!, empty.dir)).toBe('');
    } finally {
      empty.cleanup();
    }
  });

  it('puts each source in the archive as plain text, and says what it wrote and what it left out', () => {
    const { ids, result, files, stableGuid } = exported();
    expect(files[`Sources/${stableGuid('source', ids.armenpress)}.txt`]).toBe(ARMENIAN_BODY);
    expect(files[`Sources/${stableGuid('source', ids.ria)}.txt`]).toBe(RUSSIAN_BODY);
    // framing, framing/blockade, framing/blockade-denial, Lachin corridor.
    expect(result.summary).toEqual({ sources: 4, codes: 4, selections: 3, notes: 2, skipped: [{ name: 'لاچین: “ناکہ بندی”', reason: 'the highlight is orphaned: its passage is no longer found in the text' }] });
  });

  it('writes the tags as a codebook whose hierarchy comes from "/"', () => {
    const { xml } = exported();
    const top = [...xml.querySelectorAll('Codes > Code')].map((code) => [code.getAttribute('name'), code.getAttribute('isCodable')]);
    expect(top).toEqual([
      ['framing', 'true'],
      ['Lachin corridor', 'true'],
    ]);
    const framing = xml.querySelector('Codes > Code[name="framing"]')!;
    expect([...framing.children].map((code) => code.getAttribute('name'))).toEqual(['blockade', 'blockade-denial']);
    // A parent that is no tag of its own cannot be applied.
    expect(buildCodebook([{ name: 'a/b' }])[0]).toMatchObject({ name: 'a', isCodable: false, children: [{ name: 'b', isCodable: true }] });
    // The one mapping from a tag to a code takes a colour and description when given them.
    expect(tagToCode({ name: 'framing/blockade', color: '#ff0000', description: 'Says the road is closed' })).toMatchObject({ name: 'blockade', color: '#FF0000', description: 'Says the road is closed' });
  });

  it('writes each highlight as a selection in code points, with its codings and its comment and citing note as notes', () => {
    const { ids, xml, files, stableGuid } = exported();
    const selection = xml.querySelector(`PlainTextSelection[guid="${stableGuid('highlight', ids.armenian)}"]`)!;
    const start = Number(selection.getAttribute('startPosition'));
    const end = Number(selection.getAttribute('endPosition'));
    const text = files[`Sources/${stableGuid('source', ids.armenpress)}.txt`]!;
    // Counted in code points: the 🚧 before the passage is one character, not two UTF-16 units.
    expect([...text].slice(start, end).join('')).toBe('Լաչինի միջանցքը շարունակում է փակ մնալ');
    expect(text.slice(start, end)).not.toBe('Լաչինի միջանցքը շարունակում է փակ մնալ');
    expect([...selection.querySelectorAll('Coding > CodeRef')].map((ref) => ref.getAttribute('targetGUID'))).toEqual([
      tagToCode({ name: 'framing/blockade' }).guid,
      tagToCode({ name: 'Lachin corridor' }).guid,
    ]);
    const noteRefs = [...selection.querySelectorAll('NoteRef')].map((ref) => ref.getAttribute('targetGUID'));
    expect(noteRefs).toEqual([stableGuid('comment', ids.armenian), stableGuid('note', ids.noteId)]);
    expect(xml.querySelector(`Note[guid="${stableGuid('comment', ids.armenian)}"] > PlainTextContent`)!.textContent).toBe('Blockade, day 8 <&>');
    expect(xml.querySelector(`Note[guid="${stableGuid('note', ids.noteId)}"]`)!.getAttribute('name')).toBe('Three outlets');
    // The whole-source citation refers to the note from the source.
    expect(xml.querySelector(`TextSource[guid="${stableGuid('source', ids.report)}"] > NoteRef`)!.getAttribute('targetGUID')).toBe(stableGuid('note', ids.noteId));
  });

  it('writes a translation as its selection’s Description, labelled with its language and origin, valid against Project.xsd (issue 14)', () => {
    const ids = buildQdpxLibrary(library.db);
    updateHighlight(library.db, ids.azerbaijani, { translation: { text: 'the protest action <goes on> & on', language: 'en', tool: 'DeepL' } });
    const files = archiveFiles(exportQdpx(library.db, { now: NOW }).archive);
    const xml = new DOMParser().parseFromString(files['project.qde']!, 'text/xml') as unknown as Document;
    const stableGuid = libraryGuids(library.db);
    const description = xml.querySelector(`PlainTextSelection[guid="${stableGuid('highlight', ids.azerbaijani)}"] > Description`);
    expect(description?.textContent).toBe('Translation [en] (English, from DeepL):\nthe protest action <goes on> & on');
    // Only the translated passage has one.
    expect(xml.querySelectorAll('PlainTextSelection > Description')).toHaveLength(1);
    if (hasXmllint && hasInterop) expect(xmllintProblems(files['project.qde']!, library.dir)).toBe('');
  });

  it('gives outlet, author, date, language and URL as variables, and one case per outlet', () => {
    const { ids, xml, stableGuid } = exported();
    expect([...xml.querySelectorAll('Variables > Variable')].map((variable) => [variable.getAttribute('name'), variable.getAttribute('typeOfVariable')])).toEqual([
      ['Outlet', 'Text'],
      ['Author', 'Text'],
      ['Date', 'Date'],
      ['Language', 'Text'],
      ['URL', 'Text'],
      ['Country', 'Text'],
    ]);
    const armenpress = xml.querySelector(`TextSource[guid="${stableGuid('source', ids.armenpress)}"]`)!;
    expect([...armenpress.querySelectorAll('VariableValue')].map((value) => value.lastElementChild!.textContent)).toEqual(['Արմենպրես', 'Անի Հակոբյան', '2022-12-20', 'hy']);
    const cases = [...xml.querySelectorAll('Cases > Case')].map((item) => [item.getAttribute('name'), [...item.querySelectorAll('SourceRef')].length]);
    expect(cases).toEqual([
      ['Արմենպրես', 1],
      ['РИА Новости', 1],
      ['Report.az', 2],
    ]);
  });

  it('keeps GUIDs across exports of a library, and does not share them with another library', () => {
    const { ids, files } = exported();
    const again = archiveFiles(exportQdpx(library.db, { now: NOW }).archive);
    expect(again['project.qde']).toBe(files['project.qde']);
    const other = openTestLibrary();
    try {
      addSource(other.db, { title: 'Another library', body: 'Its first article.' });
      buildQdpxLibrary(other.db);
      const sourceFiles = (qde: Record<string, string>) => Object.keys(qde).filter((name) => name.startsWith('Sources/'));
      const otherFiles = sourceFiles(archiveFiles(exportQdpx(other.db, { now: NOW }).archive));
      expect(otherFiles).toHaveLength(5);
      expect(otherFiles.filter((name) => sourceFiles(files).includes(name))).toEqual([]);
      expect(ids.armenpress).toBe(1);
      // Codes are named by their path: the same tag is the same code everywhere.
      expect(archiveFiles(exportQdpx(other.db, { now: NOW }).archive)['project.qde']).toContain(tagToCode({ name: 'framing/blockade' }).guid);
    } finally {
      other.cleanup();
    }
  });

  it('refuses a collection by name when there is no such collection', () => {
    buildQdpxLibrary(library.db);
    expect(() => exportQdpx(library.db, { collection: 'Lachin' })).toThrow(/no such collection "Lachin"/);
  });

  it('exports one collection, and the colours, descriptions and countries the compare tables hold', () => {
    const ids = buildQdpxLibrary(library.db);
    addCompareTables(library.db);
    library.db.prepare("INSERT INTO collections (id, name, name_key, created_at) VALUES (1, 'Armenian press', 'armenian press', '2026-12-01T00:00:00.000Z')").run();
    library.db.prepare('INSERT INTO collection_sources (collection_id, source_id) VALUES (1, ?)').run(ids.armenpress);
    library.db.prepare("UPDATE tags SET color = '#ff0000', description = 'Says the road is closed' WHERE name = 'framing/blockade'").run();
    library.db.prepare("INSERT INTO outlets (name, country) VALUES ('Արմենպրես', 'AM')").run();
    const { archive, summary } = exportQdpx(library.db, { collection: 'ARMENIAN PRESS', now: NOW });
    expect(summary).toMatchObject({ sources: 1, selections: 1, notes: 2, skipped: [] });
    const qde = archiveFiles(archive)['project.qde']!;
    if (hasXmllint && hasInterop) expect(xmllintProblems(qde, library.dir)).toBe('');
    const xml = new DOMParser().parseFromString(qde, 'text/xml') as unknown as Document;
    expect(xml.querySelector('Code[name="blockade"]')!.getAttribute('color')).toBe('#FF0000');
    expect(xml.querySelector('Code[name="blockade"] > Description')!.textContent).toBe('Says the road is closed');
    expect([...xml.querySelectorAll('TextSource VariableValue')].map((value) => value.lastElementChild!.textContent)).toContain('AM');
  });
});

/** The tables of the compare work (issue 11, migration 8 on main), where this library lacks them. */
function addCompareTables(db: typeof library.db) {
  db.exec(`
    CREATE TABLE IF NOT EXISTS outlets (name TEXT PRIMARY KEY, country TEXT, note TEXT NOT NULL DEFAULT '') STRICT;
    CREATE TABLE IF NOT EXISTS collections (id INTEGER PRIMARY KEY, name TEXT NOT NULL, name_key TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL) STRICT;
    CREATE TABLE IF NOT EXISTS collection_sources (collection_id INTEGER NOT NULL, source_id INTEGER NOT NULL, PRIMARY KEY (collection_id, source_id)) STRICT, WITHOUT ROWID;
  `);
  const columns = (db.prepare("SELECT name FROM pragma_table_info('tags')").all() as { name: string }[]).map((row) => row.name);
  if (!columns.includes('color')) db.exec("ALTER TABLE tags ADD COLUMN color TEXT; ALTER TABLE tags ADD COLUMN description TEXT NOT NULL DEFAULT '';");
}

describe.skipIf(!hasInterop)(`REFI-QDA reference files${INTEROP_SKIP}`, () => {
  it('are where the tests look for them', () => {
    expect(hasInterop).toBe(true);
  });
});
