import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The header's "Search library" box, its grouped results and its help. */
export class SearchBox {
  constructor(readonly page: Page) {}

  get input(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search library' });
  }

  get results(): Locator {
    return this.page.getByRole('listbox', { name: 'Search results' });
  }

  /** One group of results: 'Sources', 'Highlights' or 'Notes'. */
  group(name: 'Sources' | 'Highlights' | 'Notes'): Locator {
    return this.results.getByRole('group', { name, exact: true });
  }

  options(group?: 'Sources' | 'Highlights' | 'Notes'): Locator {
    return (group ? this.group(group) : this.results).getByRole('option');
  }

  option(text: string | RegExp, group?: 'Sources' | 'Highlights' | 'Notes'): Locator {
    return this.options(group).filter({ hasText: text });
  }

  get status(): Locator {
    return this.page.locator('.search-status');
  }

  /** Focuses the box with Ctrl+K and types the query key by key, as a person would. */
  async search(query: string): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+K');
    await expect(this.input).toBeFocused();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Backspace');
    await this.input.pressSequentially(query, { delay: 20 });
    await expect(this.status).not.toHaveText('Searching…');
  }

  /** The marked words of an option's snippet, in order. */
  async marks(option: Locator): Promise<string[]> {
    return option.locator('mark').allTextContents();
  }
}
