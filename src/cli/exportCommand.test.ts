import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportNote } from '../core/export/exportNote';
import { AZERBAIJANI_QUOTE, buildSampleLibrary } from '../core/export/sampleNote';
import { updateHighlight } from '../core/highlights/highlights';
import { Library } from '../core/library';
import { exportUsageProblem, runExport } from './exportCommand';
import { main } from './main';

let dir: string;
let library: Library;
let ids: ReturnType<typeof buildSampleLibrary>;
let out: string[];
let err: string[];
const io = { out: (text: string) => out.push(text), err: (text: string) => err.push(text) };

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-export-cli-'));
  library = Library.open(path.join(dir, 'library.sqlite'));
  ids = buildSampleLibrary(library.db);
  out = [];
  err = [];
});
afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** What the terminal receives: io.out ends every text with a newline. */
const stdout = () => out.map((text) => `${text}\n`).join('');

describe('marginalia export', () => {
  it('prints the note to stdout, byte for byte as the app exports it', async () => {
    expect(await runExport(library, [String(ids.noteId)], {}, io)).toBe(0);
    expect(stdout()).toBe(exportNote(library.db, ids.noteId, { style: 'footnotes' }).markdown);
    expect(err).toEqual([]);
  });

  it('prints the pandoc style, saying where the bibliography would go', async () => {
    expect(await runExport(library, [String(ids.noteId)], { style: 'pandoc' }, io)).toBe(0);
    expect(stdout()).toBe(exportNote(library.db, ids.noteId, { style: 'pandoc' }).markdown);
    expect(err.join('\n')).toMatch(/names Lachin - three outlets - one blockade\.json; write it with --out FILE/);
  });

  it('writes FILE.md, FILE.json and FILE.bib for the pandoc style, the front matter naming FILE.json', async () => {
    const target = path.join(dir, 'exports', 'draft.md');
    expect(await runExport(library, [String(ids.noteId)], { style: 'pandoc', out: target }, io)).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'exports')).sort()).toEqual(['draft.bib', 'draft.json', 'draft.md']);
    expect(fs.readFileSync(path.join(dir, 'exports', 'draft.md'), 'utf8')).toContain('\nbibliography: draft.json\n');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'exports', 'draft.json'), 'utf8'))).toHaveLength(3);
    expect(out).toEqual(['draft.md', 'draft.json', 'draft.bib'].map((name) => `Wrote ${path.join(dir, 'exports', name)}`));
  });

  it('writes the footnotes style to FILE as named', async () => {
    const target = path.join(dir, 'note.markdown');
    expect(await runExport(library, [String(ids.noteId)], { out: target, json: true }, io)).toBe(0);
    expect(fs.readFileSync(target, 'utf8')).toBe(exportNote(library.db, ids.noteId, { style: 'footnotes' }).markdown);
    expect(JSON.parse(out.join(''))).toEqual({ files: [target] });
  });

  it('exports every note into a folder with --all', async () => {
    const folder = path.join(dir, 'all');
    expect(await runExport(library, [], { all: true, out: folder, style: 'pandoc' }, io)).toBe(0);
    expect(fs.readdirSync(folder).sort()).toEqual(['Lachin - three outlets - one blockade.md', 'bibliography.bib', 'bibliography.json']);
    expect(out).toEqual([`Exported 1 note to ${fs.realpathSync(folder)}, with bibliography.json and bibliography.bib.`]);
  });

  it('takes the citation options: no deep links, no deletion notes, the bibliography heading', async () => {
    library.db.prepare('DELETE FROM highlights WHERE id = ?').run(ids.azerbaijaniHighlight);
    expect(await runExport(library, [String(ids.noteId)], {}, io)).toBe(0);
    const full = stdout();
    expect(full).toContain('marginalia://source/');
    expect(full).toContain('has since been deleted');
    expect(full).toContain('## Bibliography');
    out = [];
    expect(await runExport(library, [String(ids.noteId)], { 'no-deep-links': true, 'no-deleted-notes': true, 'bibliography-heading': 'Источники' }, io)).toBe(0);
    const bare = stdout();
    expect(bare).not.toContain('Open in Marginalia');
    expect(bare).not.toContain('deleted');
    expect(bare).toContain('## Источники');
    expect(bare).toBe(exportNote(library.db, ids.noteId, { style: 'footnotes', deepLinks: false, deletedNotes: false, bibliographyHeading: 'Источники' }).markdown);
    out = [];
    expect(await runExport(library, [String(ids.noteId)], { style: 'pandoc', 'bibliography-heading': '' }, io)).toBe(0);
    expect(stdout()).not.toContain('reference-section-title');
  });

  it('writes a translated quote as --quotes says: original, translation, or both (the default)', async () => {
    updateHighlight(library.db, ids.azerbaijaniHighlight, { translation: { text: 'The protest goes on', language: 'en', tool: null } });
    const printed: Record<string, string> = {};
    for (const quotes of [undefined, 'original', 'translation', 'both']) {
      out = [];
      expect(await runExport(library, [String(ids.noteId)], quotes ? { quotes } : {}, io)).toBe(0);
      printed[quotes ?? 'default'] = stdout();
    }
    expect(printed.default).toBe(printed.both);
    expect(printed.both).toContain(`“${AZERBAIJANI_QUOTE}” \\[The protest goes on`);
    expect(printed.original).toContain(`“${AZERBAIJANI_QUOTE}” — `);
    expect(printed.original).not.toContain('The protest');
    expect(printed.translation).toContain('“The protest goes on” — ');
    expect(printed.translation).not.toContain(AZERBAIJANI_QUOTE);
    expect(await runExport(library, [String(ids.noteId)], { quotes: 'translated' }, io)).toBe(2);
    expect(err.pop()).toBe('marginalia export: --quotes is original, translation, both, got "translated".');
  });

  it('fails with exit code 1 and the reason for a note that is not there', async () => {
    expect(await runExport(library, ['999'], {}, io)).toBe(1);
    expect(err).toEqual(['marginalia export: Note 999 was not found. It may have been deleted; reload the library.']);
  });

  it('refuses bad arguments with exit code 2 before doing anything', async () => {
    expect(await runExport(library, ['1'], { style: 'apa' }, io)).toBe(2);
    expect(err[0]).toBe('marginalia export: --style is footnotes or pandoc, got "apa".');
    const problems: [string[], Parameters<typeof exportUsageProblem>[1], RegExp][] = [
      [[], {}, /give one NOTE_ID/],
      [['1', '2'], {}, /give one NOTE_ID/],
      [['one'], {}, /NOTE_ID is a number/],
      [['0'], {}, /NOTE_ID is a number/],
      [[], { all: true }, /--all needs --out DIR/],
      [['1'], { all: true, out: 'x' }, /give no NOTE_ID/],
      [['1'], { out: '' }, /--out needs a file or folder name/],
    ];
    for (const [args, values, message] of problems) expect(exportUsageProblem(args, values)).toMatch(message);
    expect(exportUsageProblem(['3'], { style: 'pandoc', out: 'x.md' })).toBeNull();
    expect(exportUsageProblem([], { all: true, out: 'dir' })).toBeNull();
  });
});

describe('marginalia export, through main and the real command', () => {
  it('is a command of main, which refuses export options on other commands', async () => {
    library.close();
    const file = path.join(dir, 'library.sqlite');
    expect(await main(['--library', file, 'export', String(ids.noteId), '--style', 'pandoc'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/^---\ntitle: /);
    expect(await main(['--library', file, 'list', '--out', 'x'], io)).toBe(2);
    expect(err.join('\n')).toContain('--style, --out, --all and the citation options go with export.');
    expect(await main(['--library', file, 'list', '--quotes', 'both'], io)).toBe(2);
    expect(await main(['--library', file, 'export', String(ids.noteId), '--quotes', 'translation'], io)).toBe(0);
    expect(await main(['--library', file, 'export', '--all'], io)).toBe(2);
    expect(err.join('\n')).toContain('--all needs --out DIR');
    library = Library.open(file);
  });

  it('prints to stdout exactly the bytes the app exports', () => {
    const expected = exportNote(library.db, ids.noteId, { style: 'footnotes' }).markdown;
    library.close();
    const bin = path.resolve(import.meta.dirname, '../../bin/marginalia.js');
    const result = spawnSync(process.execPath, [bin, '--library', path.join(dir, 'library.sqlite'), 'export', String(ids.noteId)], { encoding: 'utf8', timeout: 60_000 });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(expected);
    library = Library.open(path.join(dir, 'library.sqlite'));
  });
});
