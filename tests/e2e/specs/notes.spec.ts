import Database from 'better-sqlite3';
import { expect, test } from '../fixtures';
import { HighlightsPanel } from '../pages/HighlightsPanel';
import { LibraryPage } from '../pages/LibraryPage';
import { NotesPage } from '../pages/NotesPage';
import { ReaderPage } from '../pages/ReaderPage';

const PEACEKEEPERS = /The sending of UN peacekeepers/;

test('a note written with Markdown shortcuts cites a source from the reader, and both survive a reload', async ({ app }) => {
  const library = new LibraryPage(app.page);
  const notes = new NotesPage(app.page);
  await library.loadSampleLibrary();
  await notes.newNote('Peacekeepers');
  await notes.type('# Two accounts\n- Baku: **no** peacekeepers ');
  await expect(notes.editor.getByRole('heading', { level: 1, name: 'Two accounts' })).toBeVisible();
  await expect(notes.editor.getByRole('listitem')).toHaveText('Baku: no peacekeepers');
  await expect(notes.editor.locator('strong')).toHaveText('no');

  await library.open(PEACEKEEPERS);
  await app.page.getByRole('button', { name: 'Cite in note' }).click();
  const chip = notes.citations(/^Citation: AzerNews, 2023-01-11/);
  await expect(chip).toBeVisible();
  await expect(chip).toHaveText('AzerNews, 2023-01-11');
  // The citation went where the caret was: at the end of the list item.
  await expect(notes.editor.getByRole('listitem')).toContainText('Baku: no peacekeepers AzerNews, 2023-01-11', { useInnerText: true });
  await notes.waitUntilSaved();
  await expect(app.page.getByRole('navigation', { name: 'Cited in notes', exact: true }).getByRole('button', { name: /Peacekeepers/ })).toBeVisible();

  await app.page.reload();
  await expect(notes.title).toHaveValue('Peacekeepers');
  await expect(notes.editor.getByRole('heading', { level: 1, name: 'Two accounts' })).toBeVisible();
  await expect(notes.citations()).toHaveCount(1);
  await expect(chip).toBeVisible();

  const listed = JSON.parse(app.cli(['notes', '--json']).stdout) as { id: number; title: string; updatedAt: string; citationCount: number }[];
  expect(listed).toEqual([{ id: expect.any(Number), title: 'Peacekeepers', updatedAt: expect.any(String), citationCount: 1 }]);

  // Clicking the chip opens its source in the reader.
  await app.page.getByRole('button', { name: 'Back to library' }).click();
  await expect(library.table).toBeVisible();
  await chip.click();
  await expect(app.page.getByRole('heading', { level: 1, name: PEACEKEEPERS })).toBeVisible();
  await expect(new ReaderPage(app.page).paragraphs.first()).toBeVisible();

  // "Cited in" opens the note at the citation.
  await notes.backToList();
  await app.page.getByRole('navigation', { name: 'Cited in notes', exact: true }).getByRole('button', { name: 'Open “Peacekeepers” at the citation' }).click();
  await expect(notes.title).toHaveValue('Peacekeepers');
  await expect(notes.editor.locator('.note-citation')).toHaveClass(/is-revealed/);
  await expect(notes.editor).toBeFocused();
});

test('hovering a citation shows the quoted passage; clicking it opens the reader at the passage, which flashes', async ({ app }) => {
  const library = new LibraryPage(app.page);
  const notes = new NotesPage(app.page);
  await library.loadSampleLibrary();
  const sources = JSON.parse(app.cli(['list', '--json']).stdout) as { id: number; title: string; outlet: string; publishedAt: string; citekey: string }[];
  const source = sources.find((s) => PEACEKEEPERS.test(s.title))!;
  const quote = 'Dmitriy Peskov told reporters on January 10';
  await notes.newNote('Quotes');
  // What the Highlights panel puts on a drag: a citation as JSON, here in "quote" mode.
  const transfer = await app.page.evaluateHandle(
    (json) => {
      const data = new DataTransfer();
      data.setData('application/x-marginalia-citation', json);
      return data;
    },
    JSON.stringify({
      sourceId: source.id,
      highlightId: null,
      snapshot: { quote, title: source.title, outlet: source.outlet, author: null, publishedAt: source.publishedAt, citekey: source.citekey },
      mode: 'quote',
    }),
  );
  await notes.editor.dispatchEvent('dragover', { dataTransfer: transfer });
  await notes.editor.dispatchEvent('drop', { dataTransfer: transfer });
  const blockquote = notes.editor.locator('blockquote');
  await expect(blockquote).toContainText(quote);
  const chip = blockquote.getByRole('button', { name: /^Citation: AzerNews, 2023-01-11/ });
  await chip.hover();
  await expect(app.page.getByRole('tooltip')).toContainText(`${quote}`);
  await expect(chip).toHaveAccessibleDescription(new RegExp(quote));

  await chip.click();
  const passage = new ReaderPage(app.page).paragraphs.filter({ hasText: quote });
  // The quoted words flash (the CSS Custom Highlight the reader's reveal paints), in view.
  const flashed = () =>
    app.page.evaluate(() =>
      [...(CSS.highlights.get('marginalia-flash') ?? [])].map((each) => {
        const range = document.createRange();
        range.setStart((each as AbstractRange).startContainer, (each as AbstractRange).startOffset);
        range.setEnd((each as AbstractRange).endContainer, (each as AbstractRange).endOffset);
        return range.toString();
      }),
    );
  await expect.poll(flashed, { intervals: [50] }).toContain(quote);
  await expect(passage).toBeInViewport();
});

test('typing @ offers sources to cite, by keyboard', async ({ app }) => {
  const notes = new NotesPage(app.page);
  await new LibraryPage(app.page).loadSampleLibrary();
  await notes.newNote('By keyboard');
  await notes.type('Peskov said @peacek');
  const menu = app.page.getByRole('listbox', { name: 'Sources and highlights to cite' });
  await expect(menu.getByRole('option')).toHaveCount(1);
  await expect(menu.getByRole('option', { selected: true })).toContainText('The sending of UN peacekeepers');
  await app.page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  await expect(notes.citations(/^Citation: AzerNews, 2023-01-11/)).toBeVisible();
  await expect(notes.editor).toHaveText('Peskov said AzerNews, 2023-01-11', { useInnerText: true });
  await app.page.keyboard.type(' and more.');
  await expect(notes.editor).toContainText('AzerNews, 2023-01-11 and more.', { useInnerText: true });
});

test('typing @ offers highlighted passages by their words too; picking one cites that passage', async ({ app }) => {
  const library = new LibraryPage(app.page);
  const notes = new NotesPage(app.page);
  const highlights = new HighlightsPanel(app.page);
  await library.loadSampleLibrary();
  await library.open(PEACEKEEPERS);
  const quote = 'The sending of UN peacekeepers to Karabakh';
  await highlights.highlight(quote);
  await notes.newNote('Passages by keyboard');
  await notes.type('Who decides? @peacekeepers');
  const menu = app.page.getByRole('listbox', { name: 'Sources and highlights to cite' });
  const sourceOption = menu.getByRole('group', { name: 'Sources' }).getByRole('option');
  const passageOption = menu.getByRole('group', { name: 'Highlights' }).getByRole('option');
  await expect(sourceOption).toHaveText(/^The sending of UN peacekeepers/);
  await expect(passageOption).toHaveCount(1);
  await expect(passageOption).toContainText(`“${quote}”`);
  await expect(passageOption.locator('mark')).toHaveText('peacekeepers');
  await expect(sourceOption).toHaveAttribute('aria-selected', 'true');

  await app.page.keyboard.press('ArrowDown');
  await expect(passageOption).toHaveAttribute('aria-selected', 'true');
  await expect(notes.editor).toHaveAttribute('aria-activedescendant', (await passageOption.getAttribute('id'))!);
  await app.page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  // A citation of the passage, not of the whole source: it carries the quote.
  const chip = notes.citations(/^Citation: AzerNews, 2023-01-11/);
  await expect(chip).toHaveAccessibleDescription(new RegExp(quote));
  await expect(notes.editor).toHaveText('Who decides? AzerNews, 2023-01-11', { useInnerText: true });
  await notes.waitUntilSaved();
  await highlights.edit(quote);
  await expect(highlights.item(quote).getByRole('navigation', { name: 'Passage cited in notes' })).toContainText('Passages by keyboard');
});

test('a note is deleted with undo, from the list and from the note itself', async ({ app }) => {
  const notes = new NotesPage(app.page);
  await notes.newNote('First');
  await notes.type('kept text');
  await notes.waitUntilSaved();
  await notes.backToList();
  await notes.newNote('Second');
  await notes.backToList();
  // Most recently edited first.
  await expect(notes.listItems).toHaveCount(2);
  await expect(notes.listItems.first()).toContainText('Second');

  await notes.pane.getByRole('button', { name: 'Delete “First”' }).click();
  await expect(notes.listItems).toHaveCount(1);
  await expect(notes.pane.getByRole('status').filter({ hasText: 'Deleted “First”.' })).toBeVisible();
  await notes.undoDelete();
  await expect(notes.listItems).toHaveCount(2);

  await notes.open('First');
  await expect(notes.editor).toHaveText('kept text');
  await notes.pane.getByRole('button', { name: 'Delete note' }).click();
  await expect(notes.listItems).toHaveCount(1);
  await notes.undoDelete();
  // The note was open when deleted: undo opens it again, text and all.
  await expect(notes.title).toHaveValue('First');
  await expect(notes.editor).toHaveText('kept text');
  expect(JSON.parse(app.cli(['notes', '--json']).stdout)).toHaveLength(2);
});

test('a note is renamed from the list', async ({ app }) => {
  const notes = new NotesPage(app.page);
  await notes.newNote('Draft');
  await notes.waitUntilSaved();
  await notes.backToList();
  await notes.pane.getByRole('button', { name: 'Rename “Draft”' }).click();
  const field = notes.pane.getByRole('textbox', { name: 'New title for “Draft”' });
  await field.fill('Lachin corridor, December');
  await field.press('Enter');
  await expect(notes.listItems.first()).toContainText('Lachin corridor, December');
  expect((JSON.parse(app.cli(['notes', '--json']).stdout) as { title: string }[])[0]!.title).toBe('Lachin corridor, December');
});

test('links accept web and library addresses only', async ({ app }) => {
  const notes = new NotesPage(app.page);
  await notes.newNote('Links');
  await notes.type('Armenpress');
  await app.page.keyboard.press('Shift+Home');
  await notes.pane.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Link' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Add link' });
  await dialog.getByLabel('Link address').fill('javascript:alert(1)');
  await dialog.getByRole('button', { name: 'Apply link' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('A link must start with http://, https:// or marginalia://.');
  await dialog.getByLabel('Link address').fill('https://armenpress.am/');
  await dialog.getByRole('button', { name: 'Apply link' }).click();
  await expect(notes.editor.getByRole('link', { name: 'Armenpress' })).toHaveAttribute('href', 'https://armenpress.am/');
});

test('a saved note the editor cannot read is shown read-only and never overwritten', async ({ app }) => {
  const notes = new NotesPage(app.page);
  await notes.newNote('Broken later');
  await notes.type('fine for now');
  await notes.waitUntilSaved();
  // As a damaged file or a newer version might leave it: a citation without its snapshot.
  const broken = JSON.stringify({
    root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [{ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [{ type: 'citation', version: 1, sourceId: 1, highlightId: null }] }] },
  });
  const db = new Database(app.libraryPath);
  try {
    db.prepare('UPDATE notes SET editor_state = ?').run(broken);
  } finally {
    db.close();
  }
  await app.page.reload();
  await expect(notes.pane.getByRole('alert')).toContainText('This note cannot be edited. Citation 1 is invalid: snapshot');
  await expect(notes.pane.getByRole('textbox', { name: 'Saved note data (read-only)' })).toHaveValue(broken);
  await expect(notes.title).toHaveCount(0);
  await notes.backToList();
  const stored = new Database(app.libraryPath, { readonly: true });
  try {
    expect((stored.prepare('SELECT editor_state FROM notes').get() as { editor_state: string }).editor_state).toBe(broken);
  } finally {
    stored.close();
  }
});

test('citing with no note open starts one; its citation of a deleted source still reads, and says the source is gone', async ({ app }) => {
  const library = new LibraryPage(app.page);
  const notes = new NotesPage(app.page);
  await library.loadSampleLibrary();
  await library.open(PEACEKEEPERS);
  await app.page.getByRole('button', { name: 'Cite in note' }).click();
  await expect(notes.title).toHaveValue('');
  await expect(notes.citations(/^Citation: AzerNews, 2023-01-11$/)).toBeVisible();
  await notes.waitUntilSaved();
  await new ReaderPage(app.page).deleteSource();
  await expect(notes.citations('Citation: AzerNews, 2023-01-11 (source deleted)')).toBeVisible();
});

test('a cited highlight, once deleted, leaves the note reading its quote and saying the passage is gone', async ({ app }) => {
  const library = new LibraryPage(app.page);
  const notes = new NotesPage(app.page);
  const highlights = new HighlightsPanel(app.page);
  await library.loadSampleLibrary();
  await library.open(PEACEKEEPERS);
  const quote = 'Dmitriy Peskov told reporters on January 10';
  await highlights.highlight(quote);
  await highlights.item(quote).getByRole('button', { name: 'Cite in note' }).click();
  const chip = notes.citations(/^Citation: AzerNews, 2023-01-11/);
  await expect(chip).toHaveAccessibleDescription(new RegExp(quote));
  await notes.waitUntilSaved();
  await expect(app.page.getByRole('navigation', { name: 'Cited in notes', exact: true }).getByRole('button', { name: /^Open “Untitled note” at the citation/ })).toBeVisible();

  await (await highlights.edit(quote)).getByRole('button', { name: 'Delete highlight' }).click();
  await expect(notes.citations('Citation: AzerNews, 2023-01-11 (passage deleted)')).toBeVisible();
  await expect(notes.citations()).toHaveAccessibleDescription(new RegExp(`${quote}.*This passage was deleted from the library`));
  // Its snapshot is still what the library holds for the note.
  const [note] = JSON.parse(app.cli(['notes', '--json']).stdout) as { citationCount: number }[];
  expect(note!.citationCount).toBe(1);
});

test('a cited highlight’s item says which notes cite it and opens one at the citation; "Uncited highlights" leaves it out', async ({ app }) => {
  const library = new LibraryPage(app.page);
  const notes = new NotesPage(app.page);
  const highlights = new HighlightsPanel(app.page);
  await library.loadSampleLibrary();
  await library.open(PEACEKEEPERS);
  const cited = 'Dmitriy Peskov told reporters on January 10';
  const uncited = 'Nikol Pashinyan';
  await highlights.highlight(cited);
  await highlights.highlight(uncited);
  const citedIn = (quote: string) => highlights.item(quote).getByRole('navigation', { name: 'Passage cited in notes' });
  await highlights.edit(uncited);
  await expect(citedIn(uncited)).toHaveCount(0);

  await (await highlights.edit(cited)).getByRole('button', { name: 'Cite in note' }).click();
  await expect(notes.citations()).toHaveCount(1);
  await notes.title.fill('Who decides');
  await notes.backToList();
  const open = citedIn(cited).getByRole('button', { name: 'Open “Who decides” at the citation' });
  await expect(open).toBeVisible();
  await open.click();
  await expect(notes.title).toHaveValue('Who decides');
  await expect(notes.editor.locator('.note-citation')).toHaveClass(/is-revealed/);
  await expect(notes.editor).toBeFocused();

  // Only the passage no note cites is left; the count says how many of all are shown.
  await highlights.panel.getByRole('checkbox', { name: 'Uncited highlights' }).check();
  await expect(highlights.items).toHaveCount(1);
  await expect(highlights.item(uncited)).toHaveCount(1);
  await expect(highlights.panel.getByRole('heading', { name: /^Highlights 1 of 2$/ })).toBeVisible();
  await highlights.panel.getByRole('checkbox', { name: 'Uncited highlights' }).uncheck();
  await expect(highlights.items).toHaveCount(2);
});
