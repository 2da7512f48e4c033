import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { LibraryPage } from '../pages/LibraryPage';
import { NotesPage } from '../pages/NotesPage';
import { ReaderPage } from '../pages/ReaderPage';

/** The library operations a page asks for, in order (browser mode: each is a POST to /api/NAME). */
function recordCalls(page: Page): string[] {
  const calls: string[] = [];
  page.on('request', (request) => {
    const match = /\/api\/(\w+)$/.exec(new URL(request.url()).pathname);
    if (match && request.method() === 'POST') calls.push(match[1]!);
  });
  return calls;
}

test('typing in a note asks the library for nothing but the saves and the note\'s own row, with an article open beside it', async ({ app }, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'Counts HTTP requests: browser mode only (the desktop app calls over IPC).');
  const library = new LibraryPage(app.page);
  const reader = new ReaderPage(app.page);
  const notes = new NotesPage(app.page);
  await library.loadSampleLibrary();
  await library.open(/The sending of UN peacekeepers/);
  await expect(reader.article).toContainText('Dmitriy Peskov');
  await notes.newNote('Peacekeepers');
  await notes.waitUntilSaved();

  const calls = recordCalls(app.page);
  for (const sentence of ['Peskov spoke on January 10. ', 'The mission was not discussed. ', 'Talks go on.']) {
    await notes.type(sentence);
    // A pause longer than the autosave delay: each sentence is saved on its own.
    await expect(notes.saveStatus).toHaveText('Saved');
    await app.page.waitForTimeout(300);
  }
  await expect(notes.editor).toContainText('Talks go on.');
  // The note's text goes as Yjs updates (applyNoteUpdate, issue 12); the notes list re-reads its
  // page (the note's "edited" time). Nothing the open article shows is asked for again.
  const saves = calls.filter((call) => call === 'applyNoteUpdate');
  expect(saves.length).toBeGreaterThanOrEqual(3);
  expect(new Set(calls.filter((call) => call !== 'applyNoteUpdate'))).toEqual(new Set(calls.includes('listNotePage') ? ['listNotePage'] : []));
});

test('a change made in another window shows here, and only what it touched is asked for again', async ({ app }, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'Opens a second browser tab on the same host: browser mode only.');
  const url = app.page.url();
  const library = new LibraryPage(app.page);
  const reader = new ReaderPage(app.page);
  await library.loadSampleLibrary();
  await library.open(/The sending of UN peacekeepers/);
  await expect(reader.article).toContainText('Dmitriy Peskov');
  await expect(app.page.getByText('AzerNews').first()).toBeVisible();

  const other = await app.page.context().newPage();
  await other.goto(url);
  const otherLibrary = new LibraryPage(other);
  await otherLibrary.open(/The sending of UN peacekeepers/);
  const calls = recordCalls(app.page);
  await new ReaderPage(other).editDetails({ outlet: 'Azernews (Baku)' });

  // The first window's reader shows the new outlet without a reload, and re-fetched that source only.
  await expect(app.page.getByText('Azernews (Baku)').first()).toBeVisible();
  expect(calls).toContain('getSource');
  expect(calls).not.toContain('listHighlights');
  expect(calls).not.toContain('listBacklinks');
  expect(calls).not.toContain('listNotePage');
  await other.close();
});
