import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** A highlight as `marginalia highlights --json` lists it. */
export interface CliHighlight {
  id: number;
  sourceId: number;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  color: string;
  comment: string;
  tags: string[];
  orphaned: boolean;
}

/** The reader's highlighting: selecting words, the selection toolbar, and the Highlights panel. */
export class HighlightsPanel {
  constructor(readonly page: Page) {}

  get panel(): Locator {
    return this.page.getByRole('region', { name: 'Highlights', exact: true });
  }

  get toolbar(): Locator {
    return this.page.getByRole('toolbar', { name: 'Selection' });
  }

  /** The items of placed highlights, in the panel's order. */
  get items(): Locator {
    return this.panel.getByRole('list', { name: 'Highlighted passages' }).locator(':scope > li');
  }

  /** Every item's quote button, in the panel's order (each says whether its editor is open). */
  get quotes(): Locator {
    return this.items.getByRole('button', { expanded: true }).or(this.items.getByRole('button', { expanded: false }));
  }

  item(quote: string | RegExp): Locator {
    return this.items.filter({ has: this.page.getByRole('button', { name: quote }) });
  }

  /** The item's quote button: shows the passage in the text and opens the item's editor. */
  quote(quote: string | RegExp): Locator {
    return this.item(quote).getByRole('button', { name: quote }).first();
  }

  /** Opens an item's editor (only the selected item has one) and returns the item. */
  async edit(quote: string | RegExp): Promise<Locator> {
    const button = this.quote(quote);
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    return this.item(quote);
  }

  get orphans(): Locator {
    return this.panel.getByRole('region', { name: 'Orphaned highlights' }).getByRole('listitem');
  }

  /** The panel's messages (deleted, imported, …); "Export highlights" has a status line of its own. */
  get status(): Locator {
    return this.panel.getByRole('status', { name: 'Highlight messages' });
  }

  /**
   * Selects text in the article as a user's drag would: from the first occurrence of `from`
   * (after the first occurrence of `after`, when given) to the end of the first occurrence of `to`
   * at or after it (the same words when `to` is omitted).
   */
  async select(from: string, { to = from, after }: { to?: string; after?: string } = {}): Promise<void> {
    // The reader loads the article after it opens: wait until the words are on the page.
    await expect(this.page.getByRole('article')).toContainText(from);
    await this.page.evaluate(
      ([from, to, after]) => {
        const texts = Array.from(document.querySelectorAll('article p')).map((paragraph) => paragraph.firstChild as Text);
        const find = (word: string, at: { paragraph: number; offset: number }) => {
          for (let paragraph = at.paragraph; paragraph < texts.length; paragraph += 1) {
            const offset = texts[paragraph]!.data.indexOf(word, paragraph === at.paragraph ? at.offset : 0);
            if (offset >= 0) return { paragraph, offset };
          }
          throw new Error(`"${word}" is not in the article`);
        };
        const origin = after ? find(after, { paragraph: 0, offset: 0 }) : { paragraph: 0, offset: 0 };
        const start = find(from, origin);
        const end = find(to, start);
        const range = document.createRange();
        range.setStart(texts[start.paragraph]!, start.offset);
        range.setEnd(texts[end.paragraph]!, end.offset + to.length);
        // A user selects what they see: bring it into view as a drag would.
        texts[start.paragraph]!.parentElement!.scrollIntoView({ block: 'center' });
        const selection = document.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
      },
      [from, to, after ?? null] as const,
    );
  }

  /**
   * Selects words and highlights them with the toolbar ("Highlight", or one colour's button),
   * then waits for the new item in the panel.
   */
  async highlight(from: string, options: { to?: string; after?: string; color?: string } = {}): Promise<void> {
    const count = await this.items.count();
    await this.select(from, options);
    // "Highlight, yellow": the main button names the colour it uses.
    await this.toolbar.getByRole('button', options.color ? { name: `Highlight ${options.color}`, exact: true } : { name: /^Highlight, \w+$/ }).click();
    await expect(this.items).toHaveCount(count + 1);
  }

  /** How many ranges each painted layer of the CSS Custom Highlight API holds (empty ones left out). */
  async paintedLayers(): Promise<Record<string, number>> {
    return this.page.evaluate(() => {
      const layers: Record<string, number> = {};
      CSS.highlights.forEach((highlight, name) => {
        if (highlight.size > 0) layers[name] = highlight.size;
      });
      return layers;
    });
  }

  /** The viewport rectangle of the first occurrence of `words` in the article (after `after`, when given). */
  async wordsBox(words: string, after?: string): Promise<{ x: number; y: number; width: number; height: number }> {
    return this.page.evaluate(
      ([words, after]) => {
        let searching = after === null;
        for (const paragraph of Array.from(document.querySelectorAll('article p'))) {
          const text = paragraph.firstChild as Text;
          const from = searching ? 0 : text.data.indexOf(after!);
          if (from < 0) continue;
          searching = true;
          const offset = text.data.indexOf(words, from);
          if (offset < 0) continue;
          const range = document.createRange();
          range.setStart(text, offset);
          range.setEnd(text, offset + words.length);
          const rect = range.getClientRects()[0]!;
          return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
        }
        throw new Error(`"${words}" is not in the article`);
      },
      [words, after ?? null] as const,
    );
  }
}
