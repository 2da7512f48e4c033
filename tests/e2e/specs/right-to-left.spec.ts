import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '../fixtures';
import type { CliHighlight } from '../pages/HighlightsPanel';
import { HighlightsPanel } from '../pages/HighlightsPanel';
import { LibraryPage } from '../pages/LibraryPage';
import { NotesPage } from '../pages/NotesPage';
import { ReaderPage } from '../pages/ReaderPage';

/** A short Urdu news text with no declared language, an English sentence at its end (issue 14). */
const URDU_ARTICLE = path.resolve(import.meta.dirname, '../../fixtures/rtl/urdu-article.txt');
const TITLE = 'لاچین راہداری کی ناکہ بندی جاری';
const QUOTE = 'دو ماہ سے جاری ہے';

test('an Urdu article is detected, read right to left paragraph by paragraph, highlighted, cited and exported', async ({ app }) => {
  const library = new LibraryPage(app.page);
  const file = path.join(app.workDirectory, 'urdu-article.txt');
  fs.copyFileSync(URDU_ARTICLE, file);
  await library.importFiles([file]);
  await expect(library.table.getByRole('button', { name: TITLE })).toBeVisible();
  // The language the importer detected is offered by the library's filter.
  await expect(app.page.getByRole('combobox', { name: /language/i }).getByRole('option', { name: 'ur' })).toHaveCount(1);

  await library.open(TITLE);
  const reader = new ReaderPage(app.page);
  await expect(reader.article).toHaveAttribute('lang', 'ur');
  await expect(reader.article).toHaveAttribute('dir', 'rtl');
  const directions = await reader.paragraphs.evaluateAll((paragraphs) => paragraphs.map((paragraph) => getComputedStyle(paragraph).direction));
  expect(directions).toEqual(['rtl', 'rtl', 'ltr']);
  await expect(app.page.getByRole('heading', { level: 1, name: TITLE })).toHaveAttribute('dir', 'auto');

  const highlights = new HighlightsPanel(app.page);
  const notes = new NotesPage(app.page);
  await notes.newNote('Urdu sources');
  await highlights.select(QUOTE);
  // The selection toolbar sits over the selected words, right to left as they are.
  const toolbar = (await highlights.toolbar.boundingBox())!;
  const words = await highlights.wordsBox(QUOTE);
  expect(toolbar.x).toBeLessThan(words.x + words.width);
  expect(toolbar.x + toolbar.width).toBeGreaterThan(words.x);
  await highlights.toolbar.getByRole('button', { name: /^Quote in note \(highlights it in \w+\)$/ }).click();
  await expect(highlights.item(QUOTE)).toHaveCount(1);
  expect(await highlights.paintedLayers()).toMatchObject({ 'marginalia-yellow-0': 1 });
  await expect.poll(() => (JSON.parse(app.cli(['highlights', '--json']).stdout) as CliHighlight[]).map((highlight) => highlight.exact)).toEqual([QUOTE]);

  await expect(notes.editor.getByRole('blockquote')).toContainText(QUOTE);
  await expect(notes.citations()).toHaveCount(1);
  await notes.waitUntilSaved();
  const { id } = (JSON.parse(app.cli(['notes', '--json']).stdout) as { id: number }[])[0]!;
  const exported = app.cli(['export', String(id)]).stdout;
  expect(exported).toContain(QUOTE);
  expect(exported).toContain(TITLE);
});

test('in an Urdu article, ArrowLeft moves the caret leftwards on screen, on through the text as it reads (issue 14)', async ({ app }) => {
  const library = new LibraryPage(app.page);
  const file = path.join(app.workDirectory, 'urdu-article.txt');
  fs.copyFileSync(URDU_ARTICLE, file);
  await library.importFiles([file]);
  await library.open(TITLE);
  const reader = new ReaderPage(app.page);
  await expect(reader.article).toHaveAttribute('dir', 'rtl');
  await reader.article.focus();
  const caret = app.page.locator('.article-caret');
  await expect(caret).toBeVisible();
  const caretX = async () => (await caret.boundingBox())!.x;
  const focusOffset = () => app.page.evaluate(() => document.getSelection()?.focusOffset ?? -1);

  // The caret starts where the first paragraph begins: at its right edge.
  const paragraph = (await reader.paragraphs.first().boundingBox())!;
  const start = await caretX();
  expect(start).toBeGreaterThan(paragraph.x + paragraph.width / 2);
  expect(await focusOffset()).toBe(0);

  const xs = [start];
  for (let press = 0; press < 4; press += 1) {
    await app.page.keyboard.press('ArrowLeft');
    await expect.poll(focusOffset).toBe(press + 1);
    xs.push(await caretX());
  }
  // Each press is further left on screen.
  for (let step = 1; step < xs.length; step += 1) expect(xs[step]!).toBeLessThan(xs[step - 1]!);

  // ArrowRight goes back towards the start; Shift+Ctrl+ArrowLeft selects the first word as it reads.
  await app.page.keyboard.press('ArrowRight');
  await expect.poll(focusOffset).toBe(3);
  expect(await caretX()).toBeGreaterThan(xs[4]!);
  for (let press = 0; press < 3; press += 1) await app.page.keyboard.press('ArrowRight');
  await expect.poll(focusOffset).toBe(0);
  await app.page.keyboard.press('Control+Shift+ArrowLeft');
  await expect.poll(() => app.page.evaluate(() => document.getSelection()?.toString().trim())).toBe('اسلام');
});
