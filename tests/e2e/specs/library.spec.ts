import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '../fixtures';
import { LibraryPage } from '../pages/LibraryPage';
import { ReaderPage } from '../pages/ReaderPage';

test('the first-run offer loads the five sample articles with their outlets and dates', async ({ app }) => {
  const library = new LibraryPage(app.page);
  await library.loadSampleLibrary();
  await expect(library.rows).toHaveCount(5);
  await expect(library.row('Pashinyan, Guterres Agree To Continue Talks')).toContainText('UrduPoint.com');
  await expect(library.row('Pashinyan, Guterres Agree To Continue Talks')).toContainText('2023-02-24');
  await expect(library.row('The sending of UN peacekeepers')).toContainText('AzerNews');
  await expect(library.row('The sending of UN peacekeepers')).toContainText('Fatima Hasanova');
  await expect(library.row('The sending of UN peacekeepers')).toContainText('2023-01-11');
});

test('an article opens in the reader with its paragraphs, and an edited outlet survives a reload', async ({ app }) => {
  const library = new LibraryPage(app.page);
  const reader = new ReaderPage(app.page);
  await library.loadSampleLibrary();
  await library.open(/The sending of UN peacekeepers/);
  await expect(reader.article).toContainText('Dmitriy Peskov told reporters on January 10');
  await expect(reader.paragraphs).toHaveCount(7);
  // The footer that named the outlet is metadata, not article text.
  await expect(reader.article).not.toContainText('Follow us on Twitter');

  await reader.editDetails({ outlet: 'Azernews (Baku)' });
  await expect(app.page.getByText('Azernews (Baku)').first()).toBeVisible();
  await app.page.reload();
  await expect(reader.article).toBeVisible();
  await expect(app.page.getByText('Azernews (Baku)').first()).toBeVisible();
  await app.page.getByRole('button', { name: 'Back to library' }).click();
  await expect(library.row('The sending of UN peacekeepers')).toContainText('Azernews (Baku)');
  const listed = JSON.parse(app.cli(['list', '--json']).stdout) as { outlet: string | null; title: string }[];
  expect(listed.find((source) => source.title.startsWith('The sending of UN peacekeepers'))?.outlet).toBe('Azernews (Baku)');
});

test('"Import articles" imports a Markdown file with its front matter', async ({ app }) => {
  const file = path.join(app.workDirectory, 'report.md');
  fs.writeFileSync(file, '---\ntitle: Լաչինի միջանցք\noutlet: Armenpress\nauthor: Ani Petrosyan\ndate: 2023-01-05\n---\n\nԼաչինի միջանցքը փակ է արդեն երեք շաբաթ։\n\nSecond paragraph.\n');
  const library = new LibraryPage(app.page);
  await library.importFiles([file]);
  await expect(library.row('Լաչինի միջանցք')).toContainText('Armenpress');
  await expect(library.row('Լաչինի միջանցք')).toContainText('2023-01-05');
  await library.open('Լաչինի միջանցք');
  await expect(new ReaderPage(app.page).paragraphs).toHaveText(['Լաչինի միջանցքը փակ է արդեն երեք շաբաթ։', 'Second paragraph.']);
});

test('"Edit details" shows whether the citekey follows the details; typing one keeps it, and it can follow them again (issue 14)', async ({ app }) => {
  const file = path.join(app.workDirectory, 'report.md');
  fs.writeFileSync(file, '---\ntitle: Լաչինի միջանցք\noutlet: Armenpress\nauthor: Ani Petrosyan\ndate: 2023-01-05\n---\n\nԼաչինի միջանցքը փակ է։\n');
  const library = new LibraryPage(app.page);
  await library.importFiles([file]);
  await library.open('Լաչինի միջանցք');
  const citekeyOf = () => (JSON.parse(app.cli(['list', '--json']).stdout) as { citekey: string }[])[0]!.citekey;

  await app.page.getByRole('button', { name: 'Edit details' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Edit details' });
  const citekey = dialog.getByLabel('Citekey', { exact: true });
  const generate = dialog.getByRole('radio', { name: 'Generate the key from the details' });
  const keep = dialog.getByRole('radio', { name: 'Keep this key' });
  await expect(citekey).toHaveValue('petrosyan2023lachini');
  await expect(generate).toBeChecked();
  await citekey.fill('petrosyan-corridor');
  await expect(keep).toBeChecked();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  expect(citekeyOf()).toBe('petrosyan-corridor');

  // Kept: a new author does not move it.
  await new ReaderPage(app.page).editDetails({ author: 'Anna Hakobyan' });
  await expect(dialog).toBeHidden();
  expect(citekeyOf()).toBe('petrosyan-corridor');

  await app.page.getByRole('button', { name: 'Edit details' }).click();
  await expect(keep).toBeChecked();
  await generate.check();
  await expect(citekey).toHaveValue('hakobyan2023lachini');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  expect(citekeyOf()).toBe('hakobyan2023lachini');
  await app.page.getByRole('button', { name: 'Edit details' }).click();
  await expect(generate).toBeChecked();
});

test('a bad file shows its error and the good files still import', async ({ app }) => {
  const good = path.join(app.workDirectory, 'good.txt');
  const empty = path.join(app.workDirectory, 'empty.txt');
  const binary = path.join(app.workDirectory, 'picture.txt');
  fs.writeFileSync(good, 'Russian peacekeepers remain on the Lachin road.\n\nA second paragraph.\n');
  fs.writeFileSync(empty, '');
  fs.writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
  const library = new LibraryPage(app.page);
  await library.importFiles([good, empty, binary]);
  await expect(app.page.getByText(/empty\.txt is empty/)).toBeVisible();
  await expect(app.page.getByText(/picture\.txt looks like a binary file/)).toBeVisible();
  await expect(library.row('Russian peacekeepers remain on the Lachin road')).toBeVisible();
  await expect(library.rows).toHaveCount(1);
});

test('a deleted source is gone after confirmation', async ({ app }) => {
  const library = new LibraryPage(app.page);
  await library.loadSampleLibrary();
  await library.open(/Pashinyan, Guterres Agree/);
  await new ReaderPage(app.page).deleteSource();
  await expect(library.rows).toHaveCount(4);
  await expect(library.row('Pashinyan, Guterres Agree')).toHaveCount(0);
});
