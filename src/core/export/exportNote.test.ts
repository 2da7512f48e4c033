import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/db';
import { deleteHighlight } from '../highlights/highlights';
import { deleteSource, updateSource } from '../sources';
import { exportNote } from './exportNote';
import { cite, p, state, text } from './lexicalFixtures';
import { footnoteDefinitions, parseMarkdown } from './parseMarkdownForTests';
import { ARMENIAN_QUOTE, AZERBAIJANI_QUOTE, buildSampleLibrary, RUSSIAN_QUOTE } from './sampleNote';
import { addHighlight, addNote, addSource, openTestLibrary, type TestLibrary } from '../../../tests/support/library';

/**
 * Golden files: the sample note (every rich-text feature, sources in three scripts) exported in
 * both styles. `UPDATE_GOLDEN=1 npx vitest run src/core/export` rewrites them after a deliberate
 * change; review the diff before committing it.
 */
const GOLDEN = path.join(import.meta.dirname, '__golden__');

function expectGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN) {
    fs.mkdirSync(GOLDEN, { recursive: true });
    fs.writeFileSync(file, actual);
  }
  expect(actual).toBe(fs.readFileSync(file, 'utf8'));
}

let library: TestLibrary;
let db: Db;
beforeEach(() => {
  library = openTestLibrary();
  db = library.db;
});
afterEach(() => library.cleanup());

describe('exportNote, footnotes style', () => {
  it('matches the golden file', () => {
    const { noteId } = buildSampleLibrary(db);
    const exported = exportNote(db, noteId, { style: 'footnotes' });
    expect(exported.fileName).toBe('Lachin - three outlets - one blockade.md');
    expect(exported.bibliography).toBeNull();
    expectGolden('sample-footnotes.md', exported.markdown);
  });

  it('gives every footnote its exact quote, source and link; one footnote per passage', () => {
    const ids = buildSampleLibrary(db);
    const tree = parseMarkdown(exportNote(db, ids.noteId, { style: 'footnotes' }).markdown);
    const definitions = footnoteDefinitions(tree);
    // The Armenian passage is cited twice and has one footnote: four footnotes for five citations.
    expect([...definitions.keys()]).toEqual(['1', '2', '3', '4']);
    expect(definitions.get('1')).toBe(`“${ARMENIAN_QUOTE}” — Անի Հակոբյան, “Լաչինի միջանցքը՝ շրջափակման մեջ”, Արմենպրես, 2022-12-20. Open in Marginalia`);
    expect(definitions.get('2')).toContain(`“${RUSSIAN_QUOTE}”`);
    expect(definitions.get('3')).toContain(`“${AZERBAIJANI_QUOTE}”`);
    expect(definitions.get('4')).toBe('Fatima Hasanova, “Laçın yolunda “eko-aktivistlər” – İrəvanın iddiaları”, Report.az, 2023-01-11. Open in Marginalia');
    const links = tree.children.filter((node) => node.type === 'footnoteDefinition').map((node) => JSON.stringify(node).match(/marginalia:\/\/[^"]+/)?.[0]);
    expect(links).toEqual([
      `marginalia://source/${ids.armenpress}?highlight=${ids.armenianHighlight}`,
      `marginalia://source/${ids.ria}?highlight=${ids.russianHighlight}`,
      `marginalia://source/${ids.report}?highlight=${ids.azerbaijaniHighlight}`,
      `marginalia://source/${ids.report}`,
    ]);
  });

  it("uses the source's current metadata and the highlight's current words", () => {
    const ids = buildSampleLibrary(db);
    updateSource(db, ids.report, { title: 'Corrected title', author: 'Report staff' });
    const definitions = footnoteDefinitions(parseMarkdown(exportNote(db, ids.noteId, { style: 'footnotes' }).markdown));
    expect(definitions.get('3')).toBe(`“${AZERBAIJANI_QUOTE}” — Report staff, “Corrected title”, Report.az, 2023-01-11. Open in Marginalia`);
  });

  it("falls back to the citation's snapshot when the highlight or the source was deleted, and says so", () => {
    const source = addSource(db, { title: 'Current title', outlet: 'AzerNews', author: 'Fatima Hasanova', publishedAt: '2023-01-11', body: 'The peacekeepers stay. More text.' });
    const highlight = addHighlight(db, source, 'The peacekeepers stay.');
    const gone = addSource(db, { title: 'Soon deleted', body: 'Other words here.' });
    const goneHighlight = addHighlight(db, gone, 'Other words');
    const noteId = addNote(
      db,
      'Fallbacks',
      state(
        p(
          text('Passage deleted'),
          cite(source, highlight, { quote: 'The peacekeepers stay (as quoted).', title: 'Old title' }),
          text(', source deleted'),
          cite(gone, goneHighlight, { quote: 'Other words', title: 'Snapshot title', outlet: 'Snapshot outlet', author: null, publishedAt: '2022-12-12', citekey: 'snap2022' }),
        ),
      ),
    );
    deleteHighlight(db, highlight);
    deleteSource(db, gone);
    const { markdown } = exportNote(db, noteId, { style: 'footnotes' });
    const definitions = footnoteDefinitions(parseMarkdown(markdown));
    expect(definitions.get('1')).toBe(
      '“The peacekeepers stay (as quoted).” — Fatima Hasanova, “Current title”, AzerNews, 2023-01-11. (The highlighted passage has since been deleted; the link opens the source.) Open in Marginalia',
    );
    expect(markdown).toContain(`(marginalia://source/${source})`);
    expect(definitions.get('2')).toBe('“Other words” — “Snapshot title”, Snapshot outlet, 2022-12-12. (The source has since been deleted from the library.)');
    expect(markdown).not.toContain(`marginalia://source/${gone}`);
  });

  it('titles the file with the note unless the note opens with its title', () => {
    const noteId = addNote(db, 'Day 8', state(p(text('Text'))));
    expect(exportNote(db, noteId, { style: 'footnotes' }).markdown).toBe('# Day 8\n\nText\n');
    const same = addNote(db, 'Day 9', JSON.stringify({ root: { type: 'root', children: [{ type: 'heading', tag: 'h1', children: [text('Day 9')] }, p(text('Text'))] } }));
    expect(exportNote(db, same, { style: 'footnotes' }).markdown).toBe('# Day 9\n\nText\n');
  });

  it('refuses a deleted or missing note, and a corrupt one, naming it', () => {
    const deleted = addNote(db, 'Gone', state(p(text('x'))), true);
    expect(() => exportNote(db, deleted, { style: 'footnotes' })).toThrow(/Note \d+ \("Gone"\) was deleted/);
    expect(() => exportNote(db, 999, { style: 'footnotes' })).toThrow(/Note 999 was not found/);
    const corrupt = addNote(db, 'Corrupt', '{"root":');
    expect(() => exportNote(db, corrupt, { style: 'footnotes' })).toThrow(/Note \d+ \("Corrupt"\) cannot be exported: its saved text is not valid JSON/);
  });
});

describe('exportNote, pandoc style', () => {
  it('matches the golden files: Markdown, CSL-JSON and BibTeX', () => {
    const { noteId } = buildSampleLibrary(db);
    const exported = exportNote(db, noteId, { style: 'pandoc' });
    expect(exported.fileName).toBe('Lachin - three outlets - one blockade.md');
    expect(exported.bibliography?.jsonFileName).toBe('Lachin - three outlets - one blockade.json');
    expect(exported.bibliography?.bibFileName).toBe('Lachin - three outlets - one blockade.bib');
    expectGolden('sample-pandoc.md', exported.markdown);
    expectGolden('sample-pandoc.json', exported.bibliography!.json);
    expectGolden('sample-pandoc.bib', exported.bibliography!.bib);
  });

  it('opens with front matter naming the bibliography and its heading, and cites by citekey in the text', () => {
    const ids = buildSampleLibrary(db);
    updateSource(db, ids.ria, { citekey: 'ria2023lachin' });
    const exported = exportNote(db, ids.noteId, { style: 'pandoc', stem: 'draft' });
    const tree = parseMarkdown(exported.markdown);
    expect(tree.children[0]).toMatchObject({ type: 'yaml', value: 'title: "Lachin: three outlets / one blockade"\nbibliography: draft.json\nreference-section-title: Bibliography' });
    // The citation is in the text, for citeproc to make a footnote or a parenthesis of; no footnotes of ours.
    expect(footnoteDefinitions(tree).size).toBe(0);
    expect(exported.markdown).toContain(`RIA: [@ria2023lachin, “${RUSSIAN_QUOTE}” [Open in Marginalia](marginalia://source/${ids.ria}?highlight=${ids.russianHighlight})]`);
    expect(exported.markdown).toContain(`cited [@ria2023lachin, “${RUSSIAN_QUOTE}”`);
    const csl = JSON.parse(exported.bibliography!.json) as { id: string }[];
    expect(csl.map((item) => item.id)).toContain('ria2023lachin');
    expect(exported.bibliography!.bib).toContain('@article{ria2023lachin,');
    // One entry per cited source: Report.az is cited twice (passage and whole article).
    expect(csl).toHaveLength(3);
  });

  it('escapes a title that YAML or Pandoc would read as markup', () => {
    const noteId = addNote(db, 'Lachin *not bold*: "quotes" # and [brackets]', state(p(text('x'))));
    const yaml = parseMarkdown(exportNote(db, noteId, { style: 'pandoc' }).markdown).children[0];
    expect(yaml).toMatchObject({ type: 'yaml' });
    expect((yaml as { value: string }).value.split('\n')[0]).toBe(String.raw`title: 'Lachin \*not bold\*: \"quotes\" # and \[brackets]'`);
  });

  it('gives a deleted source whose snapshot key is now taken a key of its own', () => {
    const live = addSource(db, { title: 'Live', outlet: 'AzerNews', publishedAt: '2023-01-11', body: 'Live words.' });
    const liveKey = (db.prepare('SELECT citekey FROM sources WHERE id = ?').get(live) as { citekey: string }).citekey;
    const noteId = addNote(db, 'Keys', state(p(cite(live, null), cite(4242, null, { citekey: liveKey, quote: null, title: 'Deleted long ago' }))));
    const exported = exportNote(db, noteId, { style: 'pandoc' });
    const ids = (JSON.parse(exported.bibliography!.json) as { id: string; title: string }[]).map((item) => [item.id, item.title]);
    expect(ids).toEqual([
      [liveKey, 'Live'],
      [`${liveKey}a`, 'Deleted long ago'],
    ]);
    expect(exported.markdown).toContain(`[@${liveKey}a, (The source has since been deleted from the library)]`);
  });
});
