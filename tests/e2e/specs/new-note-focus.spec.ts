import { expect, test } from '../fixtures';
import { NotesPage } from '../pages/NotesPage';

// Issue 16, item 1: "New note" left focus on its own button, so a title's spaces pressed it again.
test('"New note" puts the caret in the title, Enter moves to the text, and typing makes one note', async ({ app }) => {
  const notes = new NotesPage(app.page);
  const newNote = notes.pane.getByRole('button', { name: 'New note' });
  await newNote.focus();
  await app.page.keyboard.press('Enter');
  await expect(notes.title).toBeFocused();

  // A sentence of spaces, typed key by key where the button used to keep focus.
  await app.page.keyboard.type('Two accounts of the same day in January');
  await expect(notes.title).toHaveValue('Two accounts of the same day in January');
  await app.page.keyboard.press('Enter');
  await expect(notes.editor).toBeFocused();
  await app.page.keyboard.type('Baku and Moscow disagree.');
  await expect(notes.editor).toHaveText('Baku and Moscow disagree.');
  await notes.waitUntilSaved();

  await notes.backToList();
  await expect(notes.listItems).toHaveCount(1);
  await expect(notes.listItems.first()).toContainText('Two accounts of the same day in January');
  const listed = JSON.parse(app.cli(['notes', '--json']).stdout) as { title: string }[];
  expect(listed.map((note) => note.title)).toEqual(['Two accounts of the same day in January']);
});

test('holding Space on "New note" makes one note, and the spaces typed next go into its title', async ({ app }) => {
  const notes = new NotesPage(app.page);
  const newNote = notes.pane.getByRole('button', { name: 'New note' });
  await newNote.focus();
  // Key repeat: Space held down sends keydowns, and a keyup presses the button once.
  await app.page.keyboard.down(' ');
  await app.page.keyboard.down(' ');
  await app.page.keyboard.up(' ');
  await expect(notes.title).toBeFocused();
  await app.page.keyboard.type(' and more words');
  await expect(notes.title).toHaveValue(' and more words');
  await notes.waitUntilSaved();
  const listed = JSON.parse(app.cli(['notes', '--json']).stdout) as { title: string }[];
  expect(listed).toHaveLength(1);
});
