import type { Page, Route } from '@playwright/test';
import { expect, test } from '../fixtures';

/**
 * The views other than the library load their scripts when first shown (lazyViews.ts), preloaded
 * once the library's first rows are painted. These tests hold or fail a view's script (its request
 * routed) from the window's start, so the view is opened before its script is here.
 */

const views = (page: Page) => page.getByRole('navigation', { name: 'Views' });

/** Holds every request for the script whose file name starts with `name` until `release` is called. */
async function holdScript(page: Page, name: string): Promise<{ release: () => void; asked: Promise<void> }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let asked!: () => void;
  const wasAsked = new Promise<void>((resolve) => (asked = resolve));
  await page.route(`**/assets/${name}-*.js`, async (route: Route) => {
    asked();
    await released;
    await route.continue();
  });
  return { release, asked: wasAsked };
}

/** The desktop app loads its scripts from files, not over HTTP: these tests route the browser project's requests. */
const browserOnly = () => test.skip(test.info().project.name === 'electron', "Routes the window's script requests over HTTP.");

test('a view opened before its script is here says it is loading, in its own named region, and keeps focus where it was', async ({ app }) => {
  browserOnly();
  const held = await holdScript(app.page, 'PassagesPage');
  await app.page.reload();
  await held.asked;
  const tab = views(app.page).getByRole('button', { name: 'Passages' });
  await tab.focus();
  await app.page.keyboard.press('Enter');
  const region = app.page.getByRole('region', { name: 'Passages' });
  await expect(region.getByRole('status')).toHaveText('Loading Passages…');
  await expect(region).toHaveAttribute('aria-busy', 'true');
  await expect(tab).toBeFocused();
  held.release();
  await expect(app.page.getByRole('heading', { name: 'Passages', level: 1 })).toBeVisible();
  await expect(app.page.getByRole('table', { name: 'Passages' })).toBeVisible();
  await expect(app.page.getByText('Loading Passages…')).toHaveCount(0);
});

test('the notes column shown before its script is here says so in the column', async ({ app }) => {
  browserOnly();
  const held = await holdScript(app.page, 'NotesPane');
  // The column is open by default, so it is shown with the window's first page.
  await app.page.reload();
  await held.asked;
  const column = app.page.getByRole('region', { name: 'Notes' });
  await expect(column.getByRole('status')).toHaveText('Loading Notes…');
  held.release();
  await expect(column.getByRole('heading', { name: 'Notes' })).toBeVisible();
  await expect(app.page.getByText('Loading Notes…')).toHaveCount(0);
});

test('a view whose script fails to load says so with "Try again", which loads it; the rest of the window carries on', async ({ app }) => {
  browserOnly();
  let failing = true;
  await app.page.route('**/assets/TimelinePage-*.js', (route) => (failing ? route.abort('failed') : route.continue()));
  await app.page.reload();
  await views(app.page).getByRole('button', { name: 'Timeline' }).click();
  const alert = app.page.getByRole('region', { name: 'Timeline' }).getByRole('alert');
  await expect(alert).toContainText('Timeline could not be shown.');
  await expect(alert).toContainText('Its script did not load');
  // The window still works: the library is a click away, and back again the failure is still said.
  await views(app.page).getByRole('button', { name: 'Library' }).click();
  await expect(app.page.getByRole('heading', { name: 'Your library is empty', level: 1 })).toBeVisible();
  await views(app.page).getByRole('button', { name: 'Timeline' }).click();
  await expect(alert).toBeVisible();

  failing = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(app.page.getByRole('heading', { name: 'Timeline', level: 1 })).toBeVisible();
  await expect(app.page.getByRole('alert')).toHaveCount(0);
});
