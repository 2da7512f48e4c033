import { importArticles, longArticle, openFromLibrary } from '../articles';
import { expect, test } from '../fixtures';
import { HighlightsPanel } from '../pages/HighlightsPanel';

// Issue 16, item 3: the article could not be focused and Shift+arrows selected nothing, so a
// keyboard user could not highlight. At 800×600, in dark mode (the focus ring and the caret show).
const TITLE = 'A report read by keyboard';

test('the article takes focus with a caret; Shift+arrows select words, H highlights them, Tab reaches the toolbar', async ({ app }) => {
  await app.page.setViewportSize({ width: 800, height: 600 });
  await app.page.emulateMedia({ colorScheme: 'dark' });
  await importArticles(app, { [TITLE]: longArticle(TITLE, 12) });
  const reader = await openFromLibrary(app, TITLE);
  const highlights = new HighlightsPanel(app.page);

  // Reached with Tab alone, its focus visible.
  for (let presses = 0; presses < 40 && !(await reader.article.evaluate((article) => article === document.activeElement)); presses += 1) await app.page.keyboard.press('Tab');
  await expect(reader.article).toBeFocused();
  expect(await reader.article.evaluate((article) => getComputedStyle(article).outlineStyle)).toBe('solid');
  const caret = app.page.locator('.article-caret');
  await expect(caret).toBeVisible();
  // Light on the dark page.
  const caretColour = await caret.evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(caretColour).toBe('rgb(231, 228, 220)');

  // Ctrl+Shift+Right three times: "Paragraph 1 of".
  for (let word = 0; word < 3; word += 1) await app.page.keyboard.press('Control+Shift+ArrowRight');
  await expect.poll(() => app.page.evaluate(() => document.getSelection()?.toString().trim())).toBe('Paragraph 1 of');
  await expect(highlights.toolbar).toBeVisible();
  await app.page.keyboard.press('h');
  // At 800 px beside Notes the Highlights panel is a drawer: its shortcut opens it, the caret stays.
  await app.page.keyboard.press('Control+Shift+P');
  await expect(highlights.item(/^Paragraph 1 of$/)).toBeVisible();

  // The caret moves down a line and Shift+End selects to the line's end; Tab reaches the toolbar.
  await reader.article.focus();
  await app.page.keyboard.press('ArrowDown');
  await app.page.keyboard.press('ArrowDown');
  await app.page.keyboard.press('Shift+End');
  const selected = await app.page.evaluate(() => document.getSelection()?.toString() ?? '');
  expect(selected.length).toBeGreaterThan(10);
  // As a person would: Tab once the toolbar is there (it follows the selection a frame or more
  // later; under load in CI, Tab went on past the article before it came).
  await expect(highlights.toolbar.getByRole('button', { name: /^Highlight, / })).toBeVisible();
  await app.page.keyboard.press('Tab');
  await expect(highlights.toolbar.getByRole('button', { name: /^Highlight, / })).toBeFocused();
  await app.page.keyboard.press('ArrowRight');
  await expect(highlights.toolbar.getByRole('button', { name: /^Highlight, / })).not.toBeFocused();
  await app.page.keyboard.press('ArrowLeft');
  await expect(highlights.toolbar.getByRole('button', { name: /^Highlight, / })).toBeFocused();
  await app.page.keyboard.press('Enter');
  await expect(highlights.items).toHaveCount(2);
});
