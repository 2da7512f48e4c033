import { expect, test } from '../fixtures';
import { LibraryPage } from '../pages/LibraryPage';
import { NotesPage } from '../pages/NotesPage';

// Issue 16, item 9 (the reader's confirmation only): deleting a source did not say that notes cite it.
test('deleting a cited source says, before it is done, how many notes cite it', async ({ app }) => {
  const library = new LibraryPage(app.page);
  const notes = new NotesPage(app.page);
  await library.loadSampleLibrary();
  await library.open(/The sending of UN peacekeepers/);
  for (const title of ['First reading', 'Second reading']) {
    await notes.newNote(title);
    await app.page.getByRole('main').getByRole('button', { name: 'Cite in note', exact: true }).click();
    await expect(notes.citations()).toHaveCount(1);
    await notes.waitUntilSaved();
    await notes.backToList();
  }
  await expect(app.page.getByRole('navigation', { name: 'Cited in notes', exact: true }).getByRole('button')).toHaveCount(2);

  await app.page.getByRole('button', { name: 'Delete source' }).click();
  const confirm = app.page.getByRole('alertdialog', { name: 'Delete this source?' });
  await expect(confirm).toHaveAccessibleDescription(/It is cited in 2 notes\. Their citations will keep the quoted words/);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();

  // A source nothing cites says nothing of notes.
  await app.page.getByRole('button', { name: 'Back to library' }).click();
  await library.open(/Pashinyan, Guterres Agree/);
  await app.page.getByRole('button', { name: 'Delete source' }).click();
  await expect(confirm).toBeVisible();
  await expect(confirm).not.toHaveAccessibleDescription(/cited/);
});
