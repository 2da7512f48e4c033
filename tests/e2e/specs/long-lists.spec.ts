import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { fling, flingUnbroken } from '../fling';
import { HighlightsPanel } from '../pages/HighlightsPanel';
import { LibraryPage } from '../pages/LibraryPage';
import { NotesPage } from '../pages/NotesPage';
import { ReaderPage } from '../pages/ReaderPage';
import { SearchBox } from '../pages/SearchBox';

const SENTENCES = 300;
const pad = (n: number) => String(n).padStart(3, '0');

/** Calls the library's API from the page, as the app does in browser mode (the token is in sessionStorage). */
async function callApi<T>(page: Page, operation: string, requests: unknown[], atOnce = 10): Promise<T[]> {
  return page.evaluate(
    async ({ operation, requests, atOnce }) => {
      const token = sessionStorage.getItem('marginalia-token') ?? '';
      const call = async (request: unknown) => {
        const response = await fetch(`/api/${operation}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(request) });
        return ((await response.json()) as { value: unknown }).value;
      };
      const answers: unknown[] = [];
      // A few at a time (one at a time where their order matters).
      for (let i = 0; i < requests.length; i += atOnce) answers.push(...(await Promise.all(requests.slice(i, i + atOnce).map(call))));
      return answers;
    },
    { operation, requests, atOnce },
  ) as Promise<T[]>;
}

type App = { page: Page; workDirectory: string; cli: (args: string[]) => { status: number | null; stdout: string } };

/** Imports "Harbour log" (from Coast Wire), `SENTENCES` paragraphs of one sentence each, by the CLI, and reloads the window. */
async function importHarbourLog(app: App): Promise<void> {
  const body = Array.from({ length: SENTENCES }, (_, i) => `Sentence ${pad(i + 1)} says the harbour road is open.`).join('\n\n');
  fs.writeFileSync(path.join(app.workDirectory, 'harbour.md'), `---\ntitle: Harbour log\noutlet: Coast Wire\n---\n\n${body}\n`);
  expect(app.cli(['import', path.join(app.workDirectory, 'harbour.md')]).status).toBe(0);
  await app.page.reload();
}

/** Highlights the words "Sentence NNN" of each of the library's only source's sentences, over the browser host. */
async function highlightEverySentence(app: App): Promise<void> {
  const source = JSON.parse(app.cli(['list', '--json']).stdout) as { id: number }[];
  const text = (await callApi<{ body: string }>(app.page, 'getSource', [{ id: source[0]!.id }]))[0]!.body;
  const requests = Array.from({ length: SENTENCES }, (_, i) => {
    const start = text.indexOf(`Sentence ${pad(i + 1)}`);
    return { sourceId: source[0]!.id, start, end: start + 'Sentence 000'.length };
  });
  await callApi(app.page, 'createHighlight', requests);
}

test('an article with 300 highlights lists them a window at a time, and the list scrolls to the last', async ({ app }, testInfo) => {
  test.setTimeout(120_000);
  test.skip(testInfo.project.name === 'electron', 'Creates the highlights over the browser host.');
  await importHarbourLog(app);
  const library = new LibraryPage(app.page);
  await library.open('Harbour log');
  const reader = new ReaderPage(app.page);
  await expect(reader.paragraphs).toHaveCount(SENTENCES);
  await highlightEverySentence(app);

  const highlights = new HighlightsPanel(app.page);
  await expect(highlights.panel.locator('.highlights-count')).toHaveText(String(SENTENCES));
  await expect(highlights.item('Sentence 001')).toBeVisible();
  expect(await highlights.items.count()).toBeLessThan(60);
  await highlights.panel.locator('.highlight-list-scroll').evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  await expect(highlights.item(`Sentence ${pad(SENTENCES)}`)).toBeVisible();
  expect(await highlights.items.count()).toBeLessThan(60);
  // Choosing one opens its editor in place, in the windowed list too.
  await highlights.item(`Sentence ${pad(SENTENCES)}`).getByRole('button', { name: `Sentence ${pad(SENTENCES)}` }).click();
  await expect(highlights.item(`Sentence ${pad(SENTENCES)}`).getByRole('button', { name: `Sentence ${pad(SENTENCES)}`, expanded: true })).toBeVisible();
});

test('250 notes (two pages from the library) list a window at a time, and search results come a page at a time with "Show more"', async ({ app }, testInfo) => {
  test.setTimeout(120_000);
  test.skip(testInfo.project.name === 'electron', 'Creates the notes over the browser host.');
  const notesPage = new NotesPage(app.page);
  await new LibraryPage(app.page).loadSampleLibrary();
  const created = await callApi<{ id: number }>(app.page, 'createNote', Array.from({ length: 250 }, () => ({ title: '' })));
  await callApi(
    app.page,
    'renameNote',
    created.map((note, i) => ({ id: note.id, title: `Harbour note ${pad(i + 1)}` })),
    // One at a time: the list is by last edit, and note 250 must be the last renamed.
    1,
  );
  await expect(notesPage.listItems.first()).toContainText('Harbour note 250');
  expect(await notesPage.listItems.count()).toBeLessThan(60);
  // The last rows come in the second page: scroll to the end again once they have arrived, as a user keeps scrolling.
  await expect(async () => {
    await notesPage.pane.locator('.notes-list-scroll').evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await expect(notesPage.listItems.filter({ hasText: 'Harbour note 001' })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });

  const search = new SearchBox(app.page);
  await search.search('harbour');
  await expect(search.status).toHaveText('The best 30 results.');
  await app.page.getByRole('button', { name: 'Show more results' }).click();
  await expect(search.status).toHaveText('The best 60 results.');
  await expect(search.options('Notes')).toHaveCount(60);
});

test('Passages: a focused quote flung out of view and back has focus again; left out of view, focus is on the quote now on top', async ({ app }, testInfo) => {
  test.setTimeout(120_000);
  test.skip(testInfo.project.name === 'electron', 'Creates the highlights over the browser host.');
  await importHarbourLog(app);
  await expect(new LibraryPage(app.page).rows.first()).toContainText('Harbour log');
  await highlightEverySentence(app);

  await app.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Passages' }).click();
  const table = app.page.getByRole('table', { name: 'Passages' });
  const quotes = table.getByRole('button', { name: /^Sentence \d+$/ });
  await expect(quotes.first()).toBeVisible();
  const first = (await quotes.first().textContent())!;
  const scroller = table.locator('.passage-scroller');
  // A screenful and more a frame, down and back: the row is taken off the page and drawn again.
  const flingRows = (rows: number[]) => fling(scroller, rows.map((row) => row * 64));
  await flingUnbroken(async () => {
    await table.getByRole('button', { name: first, exact: true }).focus();
    return flingRows([30, 60, 90, 60, 30, 0]);
  });
  await expect(table.getByRole('button', { name: first, exact: true })).toBeFocused();

  await flingRows([30, 60, 90, 120]);
  const focused = await app.page.evaluate(() => {
    const active = document.activeElement as HTMLElement;
    const scroller = document.querySelector('.passage-scroller')!.getBoundingClientRect();
    const row = active.getBoundingClientRect();
    return { control: active.dataset.focusControl ?? active.tagName, onScreen: row.top >= scroller.top && row.bottom <= scroller.bottom, text: active.textContent };
  });
  // A quote on screen has focus (the one on top when it moved there; the rows measured after may move it down a little).
  expect(focused).toMatchObject({ control: 'open', onScreen: true });
  expect(focused.text).not.toBe(first);
});
