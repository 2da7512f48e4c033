import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The library view: sources table, import, sort and filter. */
export class LibraryPage {
  constructor(readonly page: Page) {}

  get table(): Locator {
    return this.page.getByRole('table');
  }

  /**
   * Body rows of the sources table drawn now (the header row excluded). The table is virtualized:
   * a long list draws only the rows on screen, so count a long list with `count`.
   */
  get rows(): Locator {
    return this.table.getByRole('row').filter({ hasNot: this.page.getByRole('columnheader') });
  }

  /** "100,000 sources, 2,314 shown". */
  get count(): Locator {
    return this.page.getByRole('status', { name: 'Sources shown' });
  }

  /** The table's scrolling box. */
  get scroller(): Locator {
    return this.page.locator('.source-table-scroll');
  }

  checkbox(title: string | RegExp): Locator {
    return this.table.getByRole('checkbox', { name: typeof title === 'string' ? `Select ${title}` : new RegExp(`^Select ${title.source}`) });
  }

  get bulkActions(): Locator {
    return this.page.getByRole('toolbar', { name: 'Selected sources' });
  }

  async filterByWords(words: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Filter by words' }).fill(words);
  }

  async sortBy(column: 'Title' | 'Outlet' | 'Author' | 'Date'): Promise<void> {
    await this.table.getByRole('columnheader', { name: column }).getByRole('button').click();
  }

  row(title: string | RegExp): Locator {
    return this.rows.filter({ hasText: title });
  }

  /** Loads the five sample articles (offered only on an empty library) and waits until all five are listed. */
  async loadSampleLibrary(): Promise<void> {
    await this.page.getByRole('button', { name: 'Load sample library' }).click();
    // The import runs in the parse worker; a spec that reads the library next (the CLI, a row) must not race it.
    await expect(this.rows).toHaveCount(5, { timeout: 20_000 });
  }

  /** Imports through the "Import articles" button and the file chooser it opens. */
  async importFiles(paths: string[]): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Import articles' }).click();
    await (await chooser).setFiles(paths);
  }

  /** Imports a folder through "Import folder" (a webkitdirectory input: the chooser takes the folder's path). */
  async importFolder(directory: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Import folder' }).click();
    await (await chooser).setFiles(directory);
  }

  get importProgress(): Locator {
    return this.page.getByRole('progressbar', { name: 'Import progress' });
  }

  get cancelImportButton(): Locator {
    return this.page.getByRole('button', { name: 'Cancel import' });
  }

  /** The live region with the last import's outcome. */
  get importSummary(): Locator {
    return this.page.getByRole('status', { name: 'Import summary' });
  }

  async open(title: string | RegExp): Promise<void> {
    await this.table.getByRole('button', { name: title }).or(this.table.getByRole('link', { name: title })).first().click();
  }
}
