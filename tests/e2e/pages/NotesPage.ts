import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The notes column: the list of notes, the open note (title, toolbar, editor) and its citations. */
export class NotesPage {
  constructor(readonly page: Page) {}

  get pane(): Locator {
    return this.page.getByRole('region', { name: 'Notes', exact: true });
  }

  get title(): Locator {
    return this.pane.getByRole('textbox', { name: 'Note title' });
  }

  get editor(): Locator {
    return this.pane.getByRole('textbox', { name: 'Note editor' });
  }

  get saveStatus(): Locator {
    return this.pane.getByRole('status').filter({ hasText: /^(Saved|Saving…|Not saved)$/ });
  }

  /** Rows of the notes list (shown when no note is open). */
  get listItems(): Locator {
    return this.pane.getByRole('list', { name: /^All notes/ }).getByRole('listitem');
  }

  /** Citation chips in the open note, by the start of their accessible name ("Citation: AzerNews, 2023-01-11"). */
  citations(name: string | RegExp = /^Citation/): Locator {
    return this.editor.getByRole('button', { name });
  }

  async newNote(title?: string): Promise<void> {
    await this.pane.getByRole('button', { name: 'New note' }).click();
    await expect(this.editor).toBeVisible();
    if (title !== undefined) await this.title.fill(title);
  }

  /** Types into the note editor as a person would, key by key (Markdown shortcuts apply). */
  async type(text: string): Promise<void> {
    await this.editor.focus();
    await this.page.keyboard.type(text);
  }

  async waitUntilSaved(): Promise<void> {
    await expect(this.saveStatus).toHaveText('Saved');
  }

  async backToList(): Promise<void> {
    await this.pane.getByRole('button', { name: 'All notes' }).click();
  }

  async open(title: string): Promise<void> {
    await this.pane.getByRole('button', { name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`) }).click();
  }

  async undoDelete(): Promise<void> {
    await this.pane.getByRole('button', { name: 'Undo' }).click();
  }
}
