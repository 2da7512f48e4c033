import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hasInterop, INTEROP_SKIP, interopFile } from '../interopReferences';
import { babelLanguage } from './bibtex';
import { formatCslJson, toCslItem } from './csl';
import { exportNote } from './exportNote';
import { ARMENIAN_QUOTE, AZERBAIJANI_QUOTE, buildSampleLibrary, RUSSIAN_QUOTE } from './sampleNote';
import { openTestLibrary, type TestLibrary } from '../../../tests/support/library';

/**
 * The exports read by real Pandoc (Debian's `pandoc`, which .ci/run installs). Where it is
 * missing these tests are skipped, and say so in their names, rather than pass unseen.
 */
const pandocVersion = spawnSync('pandoc', ['--version'], { encoding: 'utf8' });
const hasPandoc = pandocVersion.status === 0;
const SKIP_REASON = hasPandoc ? '' : ' [SKIPPED: pandoc is not on PATH; install it (apt-get install pandoc) to run this]';
if (!hasPandoc) console.warn(`pandoc tests skipped: pandoc is not on PATH (${pandocVersion.error?.message ?? 'not found'}).`);

function pandoc(args: string[], cwd: string, input?: string): { stdout: string; stderr: string } {
  const result = spawnSync('pandoc', args, { cwd, input, encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`pandoc ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return { stdout: result.stdout, stderr: result.stderr };
}

/** HTML as text, tags removed and white space made single, so line wrapping does not matter. */
const visibleText = (html: string): string =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

let library: TestLibrary;
beforeEach(() => {
  library = openTestLibrary();
});
afterEach(() => library.cleanup());

describe.skipIf(!hasPandoc)(`real pandoc${SKIP_REASON}`, () => {
  it('converts the footnotes style to HTML with every footnote, quote and link', () => {
    const ids = buildSampleLibrary(library.db);
    const { markdown } = exportNote(library.db, ids.noteId, { style: 'footnotes' });
    for (const from of ['markdown', 'gfm']) {
      const html = pandoc(['-f', from, '-t', 'html'], library.dir, markdown).stdout;
      expect(html).toContain('role="doc-endnotes"');
      const text = visibleText(html);
      for (const quote of [ARMENIAN_QUOTE, RUSSIAN_QUOTE, AZERBAIJANI_QUOTE]) expect(text).toContain(`“${quote}”`);
      expect(html).toContain(`href="marginalia://source/${ids.armenpress}?highlight=${ids.armenianHighlight}"`);
      expect(html).toContain('<strong>bold</strong>');
      expect(html).toContain('<del>struck</del>');
      expect(html).not.toContain('\\*');
    }
  });

  it('renders the pandoc style with --citeproc as it is: citations resolved, bibliography present', () => {
    const ids = buildSampleLibrary(library.db);
    const exported = exportNote(library.db, ids.noteId, { style: 'pandoc' });
    const folder = path.join(library.dir, 'out');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, exported.fileName), exported.markdown);
    fs.writeFileSync(path.join(folder, exported.bibliography!.jsonFileName), exported.bibliography!.json);
    fs.writeFileSync(path.join(folder, exported.bibliography!.bibFileName), exported.bibliography!.bib);

    const { stdout: html, stderr } = pandoc(['--citeproc', exported.fileName, '-t', 'html'], folder);
    expect(stderr).not.toMatch(/not found|warning/i);
    expect(html).toContain('id="refs"');
    const text = visibleText(html);
    // Every cited source is in the bibliography, in its own script.
    for (const title of ['Լաչինի միջանցքը՝ շրջափակման մեջ', 'Лачинский коридор: 50% грузов не проходят & {ничего} не ясно', 'İrəvanın iddiaları']) expect(text).toContain(title);
    // Every citation was resolved (citeproc prints the key in bold with ??? when it is not).
    expect(html).not.toContain('???');
    expect(text).toContain('(Hasanova 2023,');
    for (const quote of [ARMENIAN_QUOTE, RUSSIAN_QUOTE, AZERBAIJANI_QUOTE]) expect(text).toContain(`“${quote}”`);
  });

  it('prints a Russian title in its own case and an Armenian byline as written (issue 14)', () => {
    const entry = (citekey: string, title: string, author: string, language: string | null) =>
      toCslItem({ sourceId: 1, inLibrary: true, citekey, title, author, outlet: null, publishedAt: '2023-01-05', url: null, language, titleDerived: false });
    const items = [entry('ru', 'Лавров и Байрамов обсудили ситуацию', 'Иванов, Пётр', 'ru'), entry('hy', 'Լաչինի միջանցքը', 'Անի Հակոբյան', 'hy'), entry('nolanguage', 'Лавров и Байрамов обсудили ситуацию', 'Reuters', null)];
    fs.writeFileSync(path.join(library.dir, 'refs.json'), formatCslJson(items));
    const text = pandoc(['--citeproc', '-t', 'plain', '--wrap=none'], library.dir, '---\nbibliography: refs.json\nnocite: "@*"\n---\n').stdout;
    expect(text).toContain('“Лавров и Байрамов обсудили ситуацию,”');
    expect(text).toContain('Անի Հակոբյան. 2023.');
    // Without a language citeproc takes the title for English and title-cases it: what the language prevents.
    expect(text).toContain('“Лавров и Байрамов Обсудили Ситуацию,”');
  });

  /** The sample note exported in the pandoc style and rendered by citeproc with a style from the interop folder. */
  function renderWithStyle(csl: string, options: Parameters<typeof exportNote>[2] = { style: 'pandoc' }) {
    const ids = buildSampleLibrary(library.db);
    // One passage deleted: its citation still renders, and says so once.
    library.db.prepare('DELETE FROM highlights WHERE id = ?').run(ids.azerbaijaniHighlight);
    const exported = exportNote(library.db, ids.noteId, { ...options, stem: 'note' });
    fs.writeFileSync(path.join(library.dir, 'note.md'), exported.markdown);
    fs.writeFileSync(path.join(library.dir, 'note.json'), exported.bibliography!.json);
    const { stdout: html, stderr } = pandoc(['--citeproc', '--csl', interopFile('csl', csl), 'note.md', '-t', 'html', '--wrap=none'], library.dir);
    expect(stderr).not.toMatch(/not found|warning/i);
    expect(html).not.toContain('???');
    // Tags removed without a space, so "(Hasanova, 2023)" reads as one string.
    return { html, text: visibleText(html.replace(/<[^>]+>/g, '')), ids };
  }

  /** Two marks in a row (`..`, `,.`, `.,`), or a parenthesis directly inside a footnote. */
  const doubled = /[.,;:]\s*[.,;]|\.\s*:/;

  describe.skipIf(!hasInterop)(`with the interop folder's CSL styles${INTEROP_SKIP}`, () => {
    it('in a note style (Chicago notes) each citation is the footnote: no parenthesis in it, no doubled punctuation', () => {
      const { html, ids } = renderWithStyle('chicago-notes-bibliography.csl');
      const notes = [...html.matchAll(/<li id="fn\d+"[^>]*>([\s\S]*?)<\/li>/g)].map((match) => visibleText(match[1]!).trim());
      // Six citations in the note: six footnotes that citeproc made, none of ours.
      expect(notes).toHaveLength(6);
      expect(html).not.toContain('[^');
      for (const note of notes) {
        expect(note).not.toMatch(/^\(|\(\S+ \d{4}\)/);
        expect(note, note).not.toMatch(doubled);
      }
      expect(notes[0]).toContain(`“${ARMENIAN_QUOTE}”`);
      expect(notes[0]).toContain('Open in Marginalia');
      expect(html).toContain(`href="marginalia://source/${ids.armenpress}?highlight=${ids.armenianHighlight}"`);
      expect(notes.filter((note) => note.includes('has since been deleted'))).toHaveLength(1);
      expect(visibleText(html)).not.toMatch(/\.\s*\.(?!\.)/);
      // The bibliography under its heading.
      expect(html).toMatch(/<h1[^>]*>Bibliography<\/h1>/);
    });

    it('in an author-date style (APA) each citation is inline, with no footnotes and no doubled punctuation', () => {
      const { html, text } = renderWithStyle('apa.csl');
      expect(html).not.toContain('role="doc-endnotes"');
      expect(text).toContain(`(Иванов, 2023, “${RUSSIAN_QUOTE}” Open in Marginalia)`);
      expect(text).toContain('(Hasanova, 2023, Open in Marginalia)');
      expect(text).not.toMatch(/\.\s*\.(?!\.)/);
      expect(html).toMatch(/<h1[^>]*>Bibliography<\/h1>/);
    });

    it('leaves out the links and the deletion notes when asked, and takes the bibliography heading given', () => {
      const { html, text } = renderWithStyle('apa.csl', { style: 'pandoc', deepLinks: false, deletedNotes: false, bibliographyHeading: 'Источники' });
      // The only marginalia: link left is the one the note's author wrote.
      expect([...html.matchAll(/href="(marginalia:[^"]*)"/g)].map((match) => match[1])).toEqual(['marginalia://source/1']);
      expect(text).not.toContain('Open in Marginalia');
      expect(text).not.toContain('deleted');
      expect(text).toContain('(Hasanova, 2023)');
      expect(html).toMatch(/<h1[^>]*>Источники<\/h1>/);
    });
  });

  it('reads the BibTeX back as the same entries as the CSL-JSON', () => {
    const ids = buildSampleLibrary(library.db);
    const exported = exportNote(library.db, ids.noteId, { style: 'pandoc' });
    const bibFile = path.join(library.dir, 'refs.bib');
    fs.writeFileSync(bibFile, exported.bibliography!.bib);
    const fromBib = JSON.parse(pandoc(['-f', 'biblatex', '-t', 'csljson', bibFile], library.dir).stdout) as Record<string, unknown>[];
    const fromJson = JSON.parse(exported.bibliography!.json) as Record<string, unknown>[];
    const withoutLanguage = (items: Record<string, unknown>[]) => items.map(({ language: _language, ...rest }) => rest);
    expect(withoutLanguage(fromBib)).toEqual(withoutLanguage(fromJson));
    // The language comes back from langid: as a tag where Pandoc's table has the babel name
    // ("russian" -> "ru-RU"), else as the babel name itself (Pandoc 2.17 has no tag for armenian).
    expect(fromJson.map((item) => item.language)).toEqual(['hy', 'az', 'ru']);
    const readBack = fromBib.map((item, index) => {
      const language = fromJson[index]!.language as string;
      return item.language === babelLanguage(language) || String(item.language).startsWith(`${language}-`);
    });
    expect(readBack).toEqual([true, true, true]);
  });
});
