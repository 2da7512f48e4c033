import { expect, test } from '@playwright/test';
import type { ChildProcess } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { LibraryPage } from '../pages/LibraryPage';
import { NotesPage } from '../pages/NotesPage';
import { ReaderPage } from '../pages/ReaderPage';

/**
 * A library in a folder this user may not write, served by the browser host: the banner says so
 * and why, reading works, and a change is refused saying the library is read-only. Root may write
 * anything, so as root the host runs as `nobody` (setpriv). Browser project only: the desktop app
 * cannot be started as another user from here.
 */
const root = path.resolve(import.meta.dirname, '../../..');
const cliPath = path.join(root, 'bin/marginalia.js');
const isRoot = process.getuid?.() === 0;
const asNobody = isRoot && spawnSync('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', 'true']).status === 0;

test('a library in a read-only folder opens with a banner saying why; reading works, a change is refused saying so', async ({ browser }, testInfo) => {
  test.skip(testInfo.project.name !== 'browser', 'The desktop app cannot be started as another user here; the browser host shows the same banner.');
  test.skip(isRoot && !asNobody, 'Running as root without setpriv: root may write any folder, so no library can be read-only for it.');
  test.setTimeout(90_000);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-e2e-read-only-'));
  const libraryPath = path.join(folder, 'library.sqlite');
  let host: ChildProcess | null = null;
  try {
    expect(spawnSync(process.execPath, [cliPath, '--library', libraryPath, 'import', path.join(root, 'resources/samples')], { cwd: root }).status).toBe(0);
    // A note written before the folder was locked, never opened in a window (so it has no Yjs document yet).
    const writeNote = [
      "import { Library } from './src/core/library.ts';",
      "import { createNote, saveNote } from './src/core/notes/notes.ts';",
      "import { editorStateJson, paragraph, text } from './src/shared/notes/testStates.ts';",
      `const library = Library.open(${JSON.stringify(libraryPath)});`,
      "const note = createNote(library.db, { title: 'Corridor notes' });",
      "saveNote(library.db, note.id, { editorState: editorStateJson(paragraph(text('Written before the folder was locked.'))) });",
      'library.close();',
    ].join('\n');
    expect(spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', writeNote], { cwd: root, encoding: 'utf8' }).stderr).toBe('');
    if (isRoot) {
      const id = (flag: string) => Number(spawnSync('id', [flag, 'nobody'], { encoding: 'utf8' }).stdout.trim());
      fs.chownSync(libraryPath, id('-u'), id('-g'));
    }
    fs.chmodSync(folder, 0o555);
    const command = isRoot ? ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath] : [process.execPath];
    host = spawn(command[0]!, [...command.slice(1), cliPath, '--library', libraryPath, '--json', 'serve', '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, HOME: os.tmpdir() } });
    const url = await new Promise<string>((resolve, reject) => {
      readline.createInterface({ input: host!.stdout! }).once('line', (line) => resolve((JSON.parse(line) as { url: string }).url));
      host!.once('exit', (code) => reject(new Error(`The browser host exited (${code}) before it was ready.`)));
    });
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);

    const banner = page.getByRole('status', { name: 'Read-only library' });
    await expect(banner).toContainText(`This library is read-only because the folder ${folder} is not writable by you (permission denied).`);
    const library = new LibraryPage(page);
    await expect(library.rows).toHaveCount(5);
    await library.open(/The sending of UN peacekeepers/);
    const reader = new ReaderPage(page);
    await expect(reader.article).toContainText('Dmitriy Peskov told reporters on January 10');

    await reader.editDetails({ outlet: 'Changed' });
    await expect(page.getByRole('alert').filter({ hasText: 'The library is read-only' }).first()).toContainText(`the folder ${folder} is not writable by you`);
    // The details dialog (modal, so the rest of the app is hidden from role queries) closes; the banner stays.
    await page.keyboard.press('Escape');
    await expect(banner).toBeVisible();

    // The note opens and reads as it was written.
    const notes = new NotesPage(page);
    await notes.open('Corridor notes');
    await expect(notes.editor).toHaveText('Written before the folder was locked.');
    // Typing in it is refused, saying why; the words stay on screen.
    await notes.editor.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' More words.');
    await expect(notes.pane.getByRole('alert')).toContainText(`The note was not saved. The library is read-only (the folder ${folder} is not writable by you`);
    await expect(notes.saveStatus).toHaveText('Not saved');
    await expect(notes.editor).toHaveText('Written before the folder was locked. More words.');
    await context.close();
  } finally {
    host?.kill('SIGTERM');
    if (host && host.exitCode === null) await new Promise((resolve) => host!.once('exit', resolve));
    fs.chmodSync(folder, 0o755);
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
