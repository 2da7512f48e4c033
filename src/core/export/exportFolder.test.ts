import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/db';
import { exportAllNotes, writeContained } from './exportFolder';
import { cite, p, state, text } from './lexicalFixtures';
import { buildSampleLibrary } from './sampleNote';
import { addNote, openTestLibrary, type TestLibrary } from '../../../tests/support/library';

let library: TestLibrary;
let db: Db;
/** A sandbox: the export folder is sandbox/out; nothing may appear in the sandbox outside it. */
let sandbox: string;
let out: string;
beforeEach(() => {
  library = openTestLibrary();
  db = library.db;
  sandbox = path.join(library.dir, 'sandbox');
  out = path.join(sandbox, 'out');
  fs.mkdirSync(sandbox);
});
afterEach(() => library.cleanup());

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

const HOSTILE_TITLES = [
  '../escaped',
  '../../../../../../../../tmp/escaped',
  '/tmp/absolute',
  'C:\\Windows\\escaped',
  '..',
  '.',
  '',
  'nul\u0000byte/../../escaped',
  'CON',
  'trailing dots...',
  'x'.repeat(5000),
  'Լ'.repeat(3000),
  'same',
  'SAME',
];

describe('exportAllNotes', () => {
  it('writes one file per note and one shared bibliography, never outside the folder', () => {
    const ids = buildSampleLibrary(db);
    for (const title of HOSTILE_TITLES) addNote(db, title, state(p(text(`Note titled ${JSON.stringify(title.slice(0, 20))}`), cite(ids.ria, ids.russianHighlight))));
    const result = exportAllNotes(db, out, 'pandoc');

    expect(filesUnder(sandbox).every((file) => file.startsWith(`out${path.sep}`))).toBe(true);
    const written = filesUnder(out);
    expect(written).toHaveLength(HOSTILE_TITLES.length + 1 + 2);
    expect(written).toEqual(result.files.map((file) => file.fileName).sort());
    expect(written).toContain('bibliography.json');
    expect(written).toContain('bibliography.bib');
    for (const name of written) {
      expect(name).not.toMatch(/[/\\:]/);
      expect(name.includes('\u0000')).toBe(false);
      expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
    }
    expect(written).toContain('CON_.md');
    expect(written).toContain('same.md');
    expect(written).toContain('SAME (2).md');
    expect(written).toContain('escaped.md');
    // Temporary files do not stay behind.
    expect(written.some((name) => name.includes('.tmp'))).toBe(false);
  });

  it('names the one bibliography in every Pandoc-style note; it holds every source cited in any note', () => {
    const ids = buildSampleLibrary(db);
    addNote(db, 'Second note', state(p(text('Only RIA'), cite(ids.ria, ids.russianHighlight))));
    const result = exportAllNotes(db, out, 'pandoc');
    for (const { fileName, noteId } of result.files) {
      if (noteId === null) continue;
      expect(fs.readFileSync(path.join(out, fileName), 'utf8')).toMatch(/^---\ntitle: .*\nbibliography: bibliography\.json\nreference-section-title: Bibliography\n---\n/);
    }
    const csl = JSON.parse(fs.readFileSync(path.join(out, 'bibliography.json'), 'utf8')) as unknown[];
    expect(csl).toHaveLength(3);
    expect(fs.readFileSync(path.join(out, 'bibliography.bib'), 'utf8').match(/^@article\{/gm)).toHaveLength(3);
  });

  it('writes the footnotes style too, with the bibliography beside it', () => {
    const ids = buildSampleLibrary(db);
    exportAllNotes(db, out, 'footnotes');
    const markdown = fs.readFileSync(path.join(out, 'Lachin - three outlets - one blockade.md'), 'utf8');
    expect(markdown).toMatch(/^# Lachin: three outlets/);
    expect(markdown).toContain(`marginalia://source/${ids.ria}?highlight=${ids.russianHighlight}`);
    expect(filesUnder(out)).toEqual(['Lachin - three outlets - one blockade.md', 'bibliography.bib', 'bibliography.json']);
  });

  it('leaves out deleted notes and creates the folder when missing', () => {
    addNote(db, 'Kept', state(p(text('x'))));
    addNote(db, 'Deleted', state(p(text('y'))), true);
    const nested = path.join(out, 'new', 'folder');
    exportAllNotes(db, nested, 'footnotes');
    expect(filesUnder(nested)).toEqual(['Kept.md', 'bibliography.bib', 'bibliography.json']);
  });

  it('replaces a symbolic link planted under a note name instead of writing through it', () => {
    const victim = path.join(sandbox, 'victim.txt');
    fs.writeFileSync(victim, 'untouched');
    fs.mkdirSync(out);
    fs.symlinkSync(victim, path.join(out, 'Kept.md'));
    fs.symlinkSync(victim, path.join(out, 'bibliography.json'));
    addNote(db, 'Kept', state(p(text('x'))));
    exportAllNotes(db, out, 'footnotes');
    expect(fs.readFileSync(victim, 'utf8')).toBe('untouched');
    expect(fs.lstatSync(path.join(out, 'Kept.md')).isSymbolicLink()).toBe(false);
    expect(fs.readFileSync(path.join(out, 'Kept.md'), 'utf8')).toBe('# Kept\n\nx\n');
  });

  it('writes nothing when a note cannot be exported', () => {
    addNote(db, 'Fine', state(p(text('x'))));
    addNote(db, 'Broken', '{"root": ');
    expect(() => exportAllNotes(db, out, 'footnotes')).toThrow(/"Broken"\) cannot be exported/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('says which folder it cannot write to', () => {
    const file = path.join(sandbox, 'a-file');
    fs.writeFileSync(file, '');
    addNote(db, 'Fine', state(p(text('x'))));
    expect(() => exportAllNotes(db, path.join(file, 'sub'), 'footnotes')).toThrow(/Cannot export into .*a-file.*sub/);
  });
});

describe('writeContained', () => {
  it('refuses any name that is not a plain file name in the folder', () => {
    fs.mkdirSync(out);
    const real = fs.realpathSync(out);
    for (const name of ['../escaped.md', '/tmp/absolute.md', 'a/b.md', '..', '.', '', `..${path.sep}x`]) {
      expect(() => writeContained(real, name, 'x')).toThrow(/not a plain file name/);
    }
    expect(filesUnder(sandbox)).toEqual([]);
  });
});
