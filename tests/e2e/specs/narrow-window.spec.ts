import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { LibraryPage } from '../pages/LibraryPage';

// Issue 16, item 6 (the header only): at 800×600 the header wrapped to three rows. It is one row,
// nothing in it overlaps, its controls keep their whole names, and nothing scrolls sideways.
async function headerIsOneRow(page: Page): Promise<void> {
  const header = page.getByRole('banner');
  const height = (await header.boundingBox())!.height;
  expect(height).toBeLessThan(64);
  const boxes = await header.evaluate((element) =>
    Array.from(element.querySelectorAll<HTMLElement>('button, input, nav'))
      .filter((control) => control.offsetParent !== null && !control.closest('nav ~ *, .search-popover') && control.tagName !== 'NAV')
      .map((control) => {
        const rect = control.getBoundingClientRect();
        return { name: control.getAttribute('aria-label') ?? control.textContent ?? '', left: rect.left, right: rect.right };
      })
      .sort((a, b) => a.left - b.left),
  );
  for (let index = 1; index < boxes.length; index += 1) expect(boxes[index]!.left, `${boxes[index]!.name} overlaps ${boxes[index - 1]!.name}`).toBeGreaterThanOrEqual(boxes[index - 1]!.right - 1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
}

test('at 800×600 the header is one row in the library and the reader, its controls named in full', async ({ app }) => {
  await app.page.setViewportSize({ width: 800, height: 600 });
  const library = new LibraryPage(app.page);
  await library.loadSampleLibrary();
  await expect(library.rows).toHaveCount(5);
  await headerIsOneRow(app.page);
  for (const name of ['Import articles', 'Import folder', 'Notes', 'Backups']) await expect(app.page.getByRole('banner').getByRole('button', { name, exact: true })).toBeVisible();
  await library.open(/The sending of UN peacekeepers/);
  await expect(app.page.getByRole('banner').getByRole('button', { name: 'Back to library', exact: true })).toBeVisible();
  await headerIsOneRow(app.page);
});
