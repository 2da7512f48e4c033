import type { Download, Locator } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import type { MarginaliaApp } from '../fixtures';
import { expect, test } from '../fixtures';
import { HighlightsPanel } from '../pages/HighlightsPanel';
import { LibraryPage } from '../pages/LibraryPage';
import { NotesPage } from '../pages/NotesPage';
import { ReaderPage } from '../pages/ReaderPage';

/** Issue 14, item 4: a translation beside an Azerbaijani quote, in the hover, in Passages and in every quote mode of the export. */
const QUOTE = 'Laçın yolunda ekoloji aksiya davam edir';
const TRANSLATION = 'The ecological protest on the Lachin road continues';
const ARTICLE = ['---', 'title: Laçın yolunda aksiya', 'outlet: Report.az', 'date: 2023-01-05', '---', '', `${QUOTE}, İrəvan isə narazılığını bildirir.`, ''].join('\n');

async function download(button: Locator): Promise<string> {
  const [file] = await Promise.all([button.page().waitForEvent('download'), button.click()]);
  return fs.readFileSync(await (file as Download).path()).toString('utf8');
}

/** Imports the Azerbaijani article, highlights the quote and gives it a translation from DeepL in the Highlights panel. */
async function translateQuote(app: MarginaliaApp, { tryEmpty = false } = {}): Promise<{ highlights: HighlightsPanel; item: Locator }> {
  const file = path.join(app.workDirectory, 'laçın.md');
  fs.writeFileSync(file, ARTICLE);
  const library = new LibraryPage(app.page);
  await library.importFiles([file]);
  await library.open('Laçın yolunda aksiya');
  await expect(new ReaderPage(app.page).article).toBeVisible();
  const highlights = new HighlightsPanel(app.page);
  await highlights.highlight(QUOTE);
  const item = await highlights.edit(QUOTE);
  await item.getByText('Translation', { exact: true }).click();
  if (tryEmpty) {
    // An empty translation is refused with the reason; nothing is saved.
    await item.getByRole('textbox', { name: 'Translation' }).fill('   ');
    await item.getByRole('button', { name: 'Save translation' }).click();
    await expect(item.getByRole('alert')).toHaveText(/cannot be empty/);
  }
  await item.getByRole('textbox', { name: 'Translation' }).fill(TRANSLATION);
  await expect(item.getByRole('combobox', { name: 'Translation language' })).toHaveValue('en');
  await item.getByRole('combobox', { name: 'Pasted from (empty: my own translation)' }).fill('DeepL');
  await item.getByRole('button', { name: 'Save translation' }).click();
  await expect(item.getByRole('button', { name: 'Remove translation' })).toBeVisible();
  return { highlights, item };
}

/** A new note citing the translated passage through the panel's "Cite in note". */
async function citeInNote(app: MarginaliaApp, item: Locator): Promise<NotesPage> {
  const notes = new NotesPage(app.page);
  await notes.newNote('Translated');
  await notes.type('The protest ');
  await item.getByRole('button', { name: 'Cite in note' }).click();
  await expect(notes.citations()).toHaveCount(1);
  return notes;
}

test('a translation added to an Azerbaijani passage shows beside the quote in the panel, the citation’s hover and Passages', async ({ app }) => {
  const { highlights, item } = await translateQuote(app, { tryEmpty: true });
  await expect
    .poll(() => (JSON.parse(app.cli(['highlights', '--json']).stdout) as { translation: unknown }[]).map((h) => h.translation))
    .toEqual([{ text: TRANSLATION, language: 'en', tool: 'DeepL' }]);
  await expect(highlights.item(QUOTE)).toContainText(`[${TRANSLATION}] (English, from DeepL)`);

  const notes = await citeInNote(app, item);
  await notes.citations().hover();
  const tooltip = notes.editor.getByRole('tooltip');
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText(QUOTE);
  await expect(tooltip).toContainText(`[${TRANSLATION}] (English, from DeepL)`);

  await app.page.getByRole('button', { name: 'Back to library' }).click();
  await app.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Passages' }).click();
  const row = app.page.getByRole('table', { name: 'Passages' }).getByRole('row').filter({ hasText: QUOTE });
  await expect(row).toContainText(`[${TRANSLATION}] (English, from DeepL)`);
});

test('a note citing a translated passage exports the original, the translation, or both, as the export options say', async ({ app }, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'Export saves through the native save dialog in Electron, which Playwright cannot answer.');
  const { item } = await translateQuote(app);
  const notes = await citeInNote(app, item);
  const exportButton = notes.pane.getByRole('button', { name: 'Export Markdown' });
  const both = await download(exportButton);
  expect(both).toContain(`“${QUOTE}” \\[${TRANSLATION}] — `);
  await notes.pane.getByText('Options', { exact: true }).click();
  const mode = notes.pane.getByRole('combobox', { name: 'Translated quotes' });
  await mode.selectOption('original');
  const original = await download(exportButton);
  expect(original).toContain(`“${QUOTE}” — `);
  expect(original).not.toContain(TRANSLATION);
  await mode.selectOption('translation');
  const translation = await download(exportButton);
  expect(translation).toContain(`“${TRANSLATION}” — `);
  expect(translation).not.toContain(QUOTE);
  const { id } = (JSON.parse(app.cli(['notes', '--json']).stdout) as { id: number }[])[0]!;
  expect(translation).toBe(app.cli(['export', String(id), '--quotes', 'translation']).stdout);
  expect(both).toBe(app.cli(['export', String(id)]).stdout);
});

test('"Quote in note" quotes a translated passage as the export would, and its citation keeps the translation once the passage is deleted', async ({ app }) => {
  const { highlights, item } = await translateQuote(app);
  const notes = new NotesPage(app.page);
  await notes.newNote('Quoted');
  await item.getByRole('button', { name: 'Quote in note' }).click();
  const quotes = notes.editor.locator('blockquote');
  await expect(quotes).toHaveCount(1);
  await expect(quotes.first()).toHaveText(new RegExp(`^${QUOTE} \\[${TRANSLATION}\\] Report\\.az, 2023-01-05`));

  // The export's choice is the note's too: "Translation only".
  await notes.pane.getByText('Options', { exact: true }).click();
  await notes.pane.getByRole('combobox', { name: 'Translated quotes' }).selectOption('translation');
  await item.getByRole('button', { name: 'Quote in note' }).click();
  await expect(quotes).toHaveCount(2);
  // The words before the chip (whose hover, inside the block, holds both).
  await expect(quotes.nth(1)).toHaveText(new RegExp(`^${TRANSLATION} Report\\.az, 2023-01-05`));
  await notes.waitUntilSaved();

  await (await highlights.edit(QUOTE)).getByRole('button', { name: 'Delete highlight' }).click();
  const chip = notes.citations(/\(passage deleted\)$/).first();
  await expect(chip).toBeVisible();
  await expect(chip).toHaveAccessibleDescription(new RegExp(`${QUOTE}.*\\[${TRANSLATION}\\] \\(English, from DeepL\\).*This passage was deleted`));
});
