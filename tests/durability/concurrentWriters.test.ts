import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { importFile } from '../../src/core/import/importFiles';
import { Library } from '../../src/core/library';
import { createNote } from '../../src/core/notes/notes';
import { articleText } from './articleText';

const FILES = 500;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-writers-'));
const libraryPath = path.join(dir, 'library.sqlite');
const folder = path.join(dir, 'articles');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const root = path.resolve(import.meta.dirname, '../..');

interface Outcome {
  op: string;
  ok: boolean;
  error: { code: string; message: string } | null;
  text?: string;
  id?: number | null;
  author?: string;
}

function run(args: string[]): { child: ReturnType<typeof spawn>; done: Promise<{ code: number | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { child, done: new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr }))) };
}

const untilReady = (child: ReturnType<typeof spawn>) =>
  new Promise<void>((resolve) => {
    const onData = (chunk: Buffer) => chunk.toString().includes('"ready"') && (child.stdout!.off('data', onData), resolve());
    child.stdout!.on('data', onData);
  });

it(`loses no write while a ${FILES}-file CLI import, two autosaving windows and their API writes share the library`, { timeout: 240_000 }, async () => {
  fs.mkdirSync(folder);
  for (let n = 0; n < FILES; n++) fs.writeFileSync(path.join(folder, `article-${String(n).padStart(3, '0')}.txt`), articleText(`import-${n}`));
  const seeded = Library.open(libraryPath);
  const seed = await importFile(seeded.db, { name: 'seed.txt', bytes: Buffer.from(articleText('seed')) });
  const noteId = createNote(seeded.db, { title: 'Open in both windows' }).id;
  seeded.close();
  const sourceId = seed.sourceId!;

  const writers = ['A', 'B'].map((name) => run(['--import', 'tsx', path.join(import.meta.dirname, 'concurrentWriter.ts'), libraryPath, name, String(sourceId), String(noteId)]));
  await Promise.all(writers.map(({ child }) => untilReady(child)));
  const cli = await run(['bin/marginalia.js', '--library', libraryPath, '--json', 'import', folder]).done;
  for (const { child } of writers) child.stdin!.end();
  const outcomes = await Promise.all(writers.map(({ done }) => done));

  expect(cli.stderr).toBe('');
  expect(cli.code).toBe(0);
  const imported = JSON.parse(cli.stdout) as { status: string; error: string | null }[];
  expect(imported.filter((result) => result.status !== 'imported')).toEqual([]);
  expect(imported).toHaveLength(FILES);

  const library = Library.open(libraryPath);
  try {
    const texts = library.db.prepare("SELECT file_name, body FROM sources WHERE file_name LIKE 'article-%'").all() as { file_name: string; body: string }[];
    expect(texts).toHaveLength(FILES);
    for (const { file_name, body } of texts) expect(body).toBe(articleText(`import-${Number(file_name.slice(8, 11))}`).trim());

    let highlightIds: number[] = [];
    const authors: string[] = [];
    const typed: string[] = [];
    for (const [index, { code, stdout, stderr }] of outcomes.entries()) {
      expect(stderr, `window ${'AB'[index]}`).toBe('');
      expect(code).toBe(0);
      const lines = stdout.trim().split('\n').slice(1).map((line) => JSON.parse(line) as Outcome);
      expect(lines.filter((line) => !line.ok)).toEqual([]);
      const saves = lines.filter((line) => line.op === 'applyNoteUpdate');
      expect(saves.length).toBeGreaterThanOrEqual(60);
      typed.push(...saves.map((line) => line.text!));
      highlightIds = highlightIds.concat(lines.filter((line) => line.op === 'createHighlight').map((line) => line.id!));
      authors.push(...lines.filter((line) => line.op === 'updateSource').map((line) => line.author!));
    }
    // Both windows typed into one note: every acknowledged word of each is in it, in each window's order.
    const paragraphs = (library.db.prepare('SELECT plain_text FROM notes WHERE id = ?').pluck().get(noteId) as string).split('\n').filter((line) => line.trim() !== '');
    expect(paragraphs.filter((line) => !typed.includes(line))).toEqual([]);
    expect([...typed].sort()).toEqual([...paragraphs].sort());
    for (const name of ['A', 'B']) expect(paragraphs.filter((line) => line.startsWith(`[${name} `))).toEqual(typed.filter((line) => line.startsWith(`[${name} `)));
    const stored = library.db.prepare('SELECT id FROM highlights WHERE source_id = ? ORDER BY id').pluck().all(sourceId) as number[];
    expect(stored).toEqual(highlightIds.sort((a, b) => a - b));
    // The last edit wins: it is one of the edits made, never a mix or an empty field.
    expect(authors).toContain(library.db.prepare('SELECT author FROM sources WHERE id = ?').pluck().get(sourceId));
  } finally {
    library.close();
  }
});
