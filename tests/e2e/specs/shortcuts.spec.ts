import { importArticles, longArticle, openFromLibrary } from '../articles';
import { expect, test } from '../fixtures';
import { LibraryPage } from '../pages/LibraryPage';
import { NotesPage } from '../pages/NotesPage';
import { SearchBox } from '../pages/SearchBox';

// Issue 16, item 4: shortcuts collided (Ctrl+K in a note opened "Add link"), Escape left the article.

test('Ctrl/Cmd+K opens search from the note editor, even with a citation focused; links are Ctrl/Cmd+Shift+K', async ({ app }) => {
  const library = new LibraryPage(app.page);
  const notes = new NotesPage(app.page);
  const search = new SearchBox(app.page);
  await library.loadSampleLibrary();
  await library.open(/The sending of UN peacekeepers/);
  await notes.newNote('Peacekeepers');
  await notes.type('Baku says no ');
  await app.page.getByRole('button', { name: /^Cite in note/ }).first().click();
  const chip = notes.citations(/^Citation: AzerNews/);
  await expect(chip).toBeVisible();

  // The caret in the text: search, not a link dialog, and the words typed go into search.
  await notes.editor.focus();
  await app.page.keyboard.press('ControlOrMeta+K');
  await expect(search.input).toBeFocused();
  await expect(app.page.getByRole('dialog', { name: 'Add link' })).toHaveCount(0);
  await app.page.keyboard.type('peskov');
  await expect(search.input).toHaveValue('peskov');
  await expect(search.results).toBeVisible();
  await app.page.keyboard.press('Escape');
  await expect(search.results).toBeHidden();

  // A citation focused: the same.
  await chip.focus();
  await app.page.keyboard.press('ControlOrMeta+K');
  await expect(search.input).toBeFocused();
  await expect(app.page.getByRole('dialog', { name: 'Add link' })).toHaveCount(0);
  await app.page.keyboard.press('Escape');

  // Links have their own chord, shown on the toolbar's button.
  await expect(notes.pane.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Link' })).toHaveAttribute('aria-keyshortcuts', /^(Control|Meta)\+Shift\+K$/);
  await notes.editor.focus();
  await app.page.keyboard.press('ControlOrMeta+Shift+K');
  const linkDialog = app.page.getByRole('dialog', { name: 'Add link' });
  await expect(linkDialog).toBeVisible();
  await expect(linkDialog.getByRole('textbox', { name: 'Link address' })).toBeFocused();
  await app.page.keyboard.press('Escape');
  await expect(linkDialog).toBeHidden();
  await expect(notes.editor).toBeFocused();
  await expect(notes.editor).toContainText('Baku says no');
});

test('Escape closes only what is open, and never leaves the article or its reading position', async ({ app }) => {
  const title = 'A long report from the corridor';
  await importArticles(app, { [title]: longArticle(title) });
  const reader = await openFromLibrary(app, title);
  const search = new SearchBox(app.page);
  await reader.scrollBy(1500);
  await expect.poll(() => reader.scrollTop()).toBeGreaterThan(1000);
  const position = await reader.scrollTop();

  // Nothing open: Escape does nothing at all.
  // A click in the text where it is (a locator's click would scroll the article's top into view).
  const box = (await reader.article.boundingBox())!;
  await app.page.mouse.click(box.x + 20, 300);
  await app.page.keyboard.press('Escape');
  await expect(app.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  expect(await reader.scrollTop()).toBe(position);

  // Search open: the first Escape closes its results, the next ones leave the reader where it is.
  await search.search('convoy');
  await expect(search.results).toBeVisible();
  await app.page.keyboard.press('Escape');
  await expect(search.results).toBeHidden();
  await app.page.keyboard.press('Escape');
  await app.page.keyboard.press('Escape');
  await expect(app.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  expect(await reader.scrollTop()).toBe(position);

  // Going back is Alt+Left outside text fields (or the button), never Escape.
  await app.page.getByRole('heading', { level: 1, name: title }).focus();
  await app.page.keyboard.press('Alt+ArrowLeft');
  await expect(new LibraryPage(app.page).table).toBeVisible();
});

test('? and Ctrl/Cmd+/ show every shortcut, from the one list the keys obey; ? in a text field is a question mark', async ({ app }) => {
  const notes = new NotesPage(app.page);
  const sheet = app.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await app.page.locator('body').press('?');
  await expect(sheet).toBeVisible();
  const row = (name: string | RegExp) => sheet.getByRole('row', { name });
  await expect(row(/^Search the library/)).toContainText(/Ctrl\+K|⌘K/);
  await expect(row(/^Add or edit a link/)).toContainText(/Ctrl\+Shift\+K|⌘⇧K/);
  await expect(row(/^Highlight the selected words/)).toContainText('H');
  await expect(row(/^Back to the library/)).toContainText(/Alt\+←|⌥←/);
  await expect(row(/^Close what is open/)).toContainText('Esc');
  await expect(row(/^Show these shortcuts/)).toContainText(/Ctrl\+\/|⌘\//);
  await expect(sheet.getByRole('table')).toHaveCount(3);
  await app.page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  // In the note's title and text, ? is typed; Ctrl/Cmd+/ still opens the sheet.
  await notes.newNote();
  await app.page.keyboard.type('Who closed the road?');
  await expect(notes.title).toHaveValue('Who closed the road?');
  await expect(sheet).toHaveCount(0);
  await notes.type('Why?');
  await expect(notes.editor).toHaveText('Why?');
  await app.page.keyboard.press('ControlOrMeta+/');
  await expect(sheet).toBeVisible();
  await sheet.getByRole('button', { name: 'Close' }).click();
  await expect(sheet).toBeHidden();

  // The header's button opens it too, for whoever does not know the keys yet.
  await app.page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(sheet).toBeVisible();
});
