import type { Locator, Page } from '@playwright/test';

/** The library view: sources table, import, sort and filter. */
export class LibraryPage {
  constructor(readonly page: Page) {}

  get table(): Locator {
    return this.page.getByRole('table');
  }

  /** Body rows of the sources table (the header row excluded). */
  get rows(): Locator {
    return this.table.getByRole('row').filter({ hasNot: this.page.getByRole('columnheader') });
  }

  row(title: string | RegExp): Locator {
    return this.rows.filter({ hasText: title });
  }

  async loadSampleLibrary(): Promise<void> {
    await this.page.getByRole('button', { name: 'Load sample library' }).click();
  }

  /** Imports through the "Import articles" button and the file chooser it opens. */
  async importFiles(paths: string[]): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Import articles' }).click();
    await (await chooser).setFiles(paths);
  }

  async open(title: string | RegExp): Promise<void> {
    await this.table.getByRole('button', { name: title }).or(this.table.getByRole('link', { name: title })).first().click();
  }
}
