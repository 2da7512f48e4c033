import { expect, test } from '../fixtures';
import { LibraryPage } from '../pages/LibraryPage';
import { NotesPage } from '../pages/NotesPage';
import { ReaderPage } from '../pages/ReaderPage';

// Issue 16, item 9: deleting a source could not be undone. Undo it like a note, at 800×600.
test('a source deleted from the reader comes back with Undo, its citations with it', async ({ app }) => {
  await app.page.setViewportSize({ width: 800, height: 600 });
  const library = new LibraryPage(app.page);
  const notes = new NotesPage(app.page);
  await library.loadSampleLibrary();
  await expect(library.rows).toHaveCount(5);
  await library.open(/The sending of UN peacekeepers/);
  // The sample's title is made from its first sentence, so the heading shows it in [brackets]; the bars say it as stored.
  const title = /The sending of UN peacekeepers to Karabakh/;
  await notes.newNote('Reading');
  await app.page.getByRole('main').getByRole('button', { name: 'Cite in note', exact: true }).click();
  await expect(notes.citations()).toHaveCount(1);
  await notes.waitUntilSaved();

  await app.page.getByRole('button', { name: 'Delete source' }).click();
  const confirm = app.page.getByRole('alertdialog', { name: 'Delete this source?' });
  await expect(confirm).toHaveAccessibleDescription(/It is cited in 1 note\./);
  await expect(confirm).toHaveAccessibleDescription(/You can undo it/);
  await confirm.getByRole('button', { name: 'Delete', exact: true }).click();

  const bar = app.page.getByRole('status').filter({ hasText: /Deleted “The sending of UN peacekeepers to Karabakh[^”]*”\./ });
  await expect(bar).toBeVisible();
  await expect(library.rows).toHaveCount(4);
  await expect(notes.citations()).toHaveAccessibleName(/\(source deleted\)$/);

  await bar.getByRole('button', { name: 'Undo' }).click();
  await expect(app.page.getByRole('status').filter({ hasText: /Restored “The sending of UN peacekeepers to Karabakh[^”]*”\./ })).toBeVisible();
  await expect(app.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(new ReaderPage(app.page).paragraphs.first()).toBeVisible();
  await expect(notes.citations()).not.toHaveAccessibleName(/source deleted/);
  await app.page.getByRole('button', { name: 'Back to library' }).click();
  await expect(library.rows).toHaveCount(5);
});
