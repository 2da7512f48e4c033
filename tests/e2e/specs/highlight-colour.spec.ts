import type { Locator } from '@playwright/test';
import type { MarginaliaApp } from '../fixtures';
import { importArticles, openFromLibrary } from '../articles';
import { expect, test } from '../fixtures';
import type { CliHighlight } from '../pages/HighlightsPanel';
import { HighlightsPanel } from '../pages/HighlightsPanel';
import { NotesPage } from '../pages/NotesPage';

// Issue 16, item 10: "Highlight" and H used the last colour without showing which, and "Cite in
// note" on a plain selection made a highlight without saying so. Colours matter: in dark mode.
const TITLE = 'Three accounts of the road';
const ARTICLE = ['---', `title: ${TITLE}`, 'outlet: Test Wire', '---', '', 'Peacekeepers said the road would reopen.', '', 'Baku called the protest environmental.', '', 'Yerevan called it a blockade.', ''].join('\n');
const cliHighlights = (app: MarginaliaApp) => JSON.parse(app.cli(['highlights', '--json']).stdout) as CliHighlight[];

test('"Highlight" names and shows the colour H will use; citing a plain selection says it highlights it', async ({ app }) => {
  await app.page.emulateMedia({ colorScheme: 'dark' });
  await importArticles(app, { [TITLE]: ARTICLE });
  await openFromLibrary(app, TITLE);
  const highlights = new HighlightsPanel(app.page);
  const notes = new NotesPage(app.page);

  await highlights.select('Peacekeepers said');
  const main = highlights.toolbar.getByRole('button', { name: 'Highlight, yellow', exact: true });
  await expect(main).toBeVisible();
  await expect(main).toHaveText(/Highlight\s*yellow/);
  await expect(main).toHaveAttribute('aria-keyshortcuts', /(^| )H( |$)/);
  // The swatch on it stands out from the dark toolbar (WCAG 1.4.11: 3:1 for what tells states apart).
  expect(await swatchContrast(main)).toBeGreaterThanOrEqual(3);

  // Choosing red makes red the colour the button and H use next, and the button says so.
  await highlights.toolbar.getByRole('button', { name: 'Highlight red', exact: true }).click();
  await expect(highlights.items).toHaveCount(1);
  await highlights.select('Baku called');
  await expect(highlights.toolbar.getByRole('button', { name: 'Highlight, red', exact: true })).toBeVisible();
  expect(await swatchContrast(highlights.toolbar.getByRole('button', { name: 'Highlight, red', exact: true }))).toBeGreaterThanOrEqual(3);
  await app.page.keyboard.press('h');
  await expect(highlights.items).toHaveCount(2);
  await expect.poll(() => cliHighlights(app).map(({ exact, color }) => [exact, color])).toEqual([
    ['Peacekeepers said', 'red'],
    ['Baku called', 'red'],
  ]);

  // On a plain selection, "Cite in note" says it highlights the words, in which colour, and does.
  await notes.newNote('Framing');
  await highlights.select('Yerevan called');
  const cite = highlights.toolbar.getByRole('button', { name: 'Cite in note (highlights it in red)', exact: true });
  await expect(cite).toBeVisible();
  await expect(highlights.toolbar.getByRole('button', { name: 'Quote in note (highlights it in red)', exact: true })).toBeVisible();
  await cite.click();
  await expect(notes.citations()).toHaveCount(1);
  await expect.poll(() => cliHighlights(app).map(({ exact, color }) => [exact, color])).toContainEqual(['Yerevan called', 'red']);
});

/** Contrast ratio (WCAG) between a button's colour swatch and the toolbar behind it. */
async function swatchContrast(button: Locator): Promise<number> {
  return button.evaluate((element) => {
    const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const [R, G, B] = [r!, g!, b!].map((value) => {
        const c = value / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * R! + 0.7152 * G! + 0.0722 * B!;
    };
    const swatch = getComputedStyle(element.querySelector('.color-swatch')!).backgroundColor;
    const toolbar = getComputedStyle(element.closest('[role="toolbar"]')!).backgroundColor;
    const [a, b] = [luminance(rgb(swatch)), luminance(rgb(toolbar))].sort((x, y) => y - x);
    return (a! + 0.05) / (b! + 0.05);
  });
}

test('H pressed in the same moment the words are selected highlights those words, not the ones selected before', async ({ app }) => {
  await importArticles(app, { [TITLE]: ARTICLE });
  await openFromLibrary(app, TITLE);
  const highlights = new HighlightsPanel(app.page);
  await highlights.select('Peacekeepers said');
  await expect(highlights.toolbar.getByRole('button', { name: 'Highlight, yellow', exact: true })).toBeVisible();
  // The new selection and the key in one task, before any frame: as on a machine too busy to draw.
  await app.page.evaluate(() => {
    const paragraph = [...document.querySelectorAll('article p')].find((p) => p.textContent?.startsWith('Baku called'))!;
    const text = paragraph.firstChild as Text;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 'Baku called'.length);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    document.dispatchEvent(new Event('selectionchange'));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'h', code: 'KeyH', bubbles: true, cancelable: true }));
  });
  await expect(highlights.items).toHaveCount(1);
  await expect.poll(() => cliHighlights(app).map(({ exact }) => exact)).toEqual(['Baku called']);
});
