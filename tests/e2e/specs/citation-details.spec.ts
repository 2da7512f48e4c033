import { expect, test } from '../fixtures';
import { LibraryPage } from '../pages/LibraryPage';
import { NotesPage } from '../pages/NotesPage';
import { ReaderPage } from '../pages/ReaderPage';

// Issue 16, item 2: after correcting a source's date and title, its chips and their hover kept the
// old ones while the export used the new. A chip shows the source as it is now while it exists
// (edited here or in another window), and its snapshot only once the source is gone.
test("a citation chip follows its source's corrected details, here and from another window, and keeps its snapshot once the source is gone", async ({ app }) => {
  const library = new LibraryPage(app.page);
  const notes = new NotesPage(app.page);
  const reader = new ReaderPage(app.page);
  await library.loadSampleLibrary();
  await library.open(/The sending of UN peacekeepers/);
  await notes.newNote('Corrections');
  await app.page.getByRole('main').getByRole('button', { name: 'Cite in note', exact: true }).click();
  const chip = notes.citations();
  await expect(chip).toHaveCount(1);
  await notes.waitUntilSaved();
  const citedLabel = (await chip.getAttribute('aria-label'))!;
  const citedAs = citedLabel.replace(/^Citation: /, '');

  // Corrected in this window: the date and the title.
  await reader.editDetails({ publishedDate: '2023-02-14', title: 'Peacekeepers: the corrected title' });
  await expect(chip).toHaveAccessibleName(/^Citation: .*, 2023-02-14$/);
  await chip.hover();
  await expect(app.page.getByRole('tooltip')).toContainText('Peacekeepers: the corrected title');

  // Corrected in another window: the outlet, without touching this one.
  const other = await app.openPage();
  await new LibraryPage(other).open(/Peacekeepers: the corrected title/);
  await new ReaderPage(other).editDetails({ outlet: 'Corrected Wire' });
  await expect(other.getByRole('dialog')).toBeHidden();
  await expect(chip).toHaveAccessibleName('Citation: Corrected Wire, 2023-02-14');

  // Gone: the chip reads as it was cited, and says the source is gone.
  await reader.deleteSource();
  await expect(notes.citations()).toHaveAccessibleName(`${citedLabel} (source deleted)`);
  expect(citedAs).not.toContain('2023-02-14');
});
