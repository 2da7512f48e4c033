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

  /** How far the reader's text is scrolled (its scrolling column, which holds the article). */
  async scrollTop(): Promise<number> {
    return this.article.evaluate((article) => {
      let element: HTMLElement | null = article.parentElement;
      while (element && !(element.scrollHeight > element.clientHeight && /auto|scroll/.test(getComputedStyle(element).overflowY))) element = element.parentElement;
      return Math.round((element ?? document.scrollingElement!).scrollTop);
    });
  }

  /** The text of the first paragraph wholly in view at the top of the reader. */
  async firstParagraphInView(): Promise<string> {
    return this.article.evaluate((article) => {
      let scroller: HTMLElement | null = article.parentElement;
      while (scroller && !(scroller.scrollHeight > scroller.clientHeight && /auto|scroll/.test(getComputedStyle(scroller).overflowY))) scroller = scroller.parentElement;
      const top = (scroller ?? document.documentElement).getBoundingClientRect().top;
      const first = Array.from(article.querySelectorAll('p')).find((paragraph) => paragraph.getBoundingClientRect().top >= Math.max(top, 0));
      return first?.textContent ?? '';
    });
  }

  /** Scrolls the reader's text the way a wheel would (so the app sees scroll events). */
  async scrollBy(pixels: number): Promise<void> {
    // The wheel goes to what is under the pointer: the middle of the part of the article on screen
    // (near the top it could be the header or a region of the reader that scrolls on its own).
    const box = (await this.article.boundingBox())!;
    const height = this.page.viewportSize()?.height ?? 600;
    const top = Math.max(box.y, 0);
    const bottom = Math.min(box.y + box.height, height);
    await this.page.mouse.move(box.x + box.width / 2, (top + bottom) / 2);
    await this.page.mouse.wheel(0, pixels);
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
