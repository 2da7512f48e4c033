import type { Locator, Page } from '@playwright/test';

export interface SourceDetails {
  title?: string;
  outlet?: string;
  author?: string;
  publishedDate?: string;
  url?: string;
  language?: string;
}

const FIELD_LABELS: Record<keyof SourceDetails, string> = {
  title: 'Title',
  outlet: 'Outlet',
  author: 'Author',
  publishedDate: 'Published date',
  url: 'URL',
  language: 'Language',
};

/** The reader: the article body, its details and their editing. */
export class ReaderPage {
  constructor(readonly page: Page) {}

  get article(): Locator {
    return this.page.getByRole('article');
  }

  get paragraphs(): Locator {
    return this.article.locator('p');
  }

  async editDetails(details: SourceDetails): Promise<void> {
    await this.page.getByRole('button', { name: 'Edit details' }).click();
    for (const [field, value] of Object.entries(details) as [keyof SourceDetails, string][]) {
      await this.page.getByLabel(FIELD_LABELS[field], { exact: true }).fill(value);
    }
    await this.page.getByRole('button', { name: 'Save' }).click();
  }

  async deleteSource(): Promise<void> {
    await this.page.getByRole('button', { name: 'Delete source' }).click();
    await this.page.getByRole('alertdialog').getByRole('button', { name: 'Delete', exact: true }).click();
  }
}
