import { expect, test } from '../fixtures';
import { LibraryPage } from '../pages/LibraryPage';

// Issue 16, item 11: a first run that teaches. On an empty library, besides the sample offer, a
// short walk through highlight → cite → export, dismissable and shown once. At 800×600.
test('an empty library shows first steps beside the sample offer; dismissed, they stay gone after a reload', async ({ app }) => {
  await app.page.setViewportSize({ width: 800, height: 600 });
  const steps = app.page.getByRole('region', { name: 'First steps' });
  await expect(steps).toBeVisible();
  await expect(steps.getByRole('listitem')).toHaveText([/^Highlight\./, /^Cite\./, /^Export\./]);
  await expect(app.page.getByRole('button', { name: 'Load sample library' })).toBeVisible();
  expect(await app.page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);

  await steps.getByRole('button', { name: 'Dismiss first steps' }).click();
  await expect(steps).toBeHidden();
  await app.page.reload();
  await expect(app.page.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();
  await expect(steps).toBeHidden();
});

test('first steps are shown once: once the library has articles they do not come back', async ({ app }) => {
  const steps = app.page.getByRole('region', { name: 'First steps' });
  await expect(steps).toBeVisible();
  const library = new LibraryPage(app.page);
  await library.loadSampleLibrary();
  await expect(library.rows).toHaveCount(5);
  await expect(steps).toBeHidden();
  await app.page.reload();
  await expect(library.rows).toHaveCount(5);
  await expect(steps).toBeHidden();
  expect(await app.page.evaluate(() => window.localStorage.getItem('marginalia.firstSteps.done'))).toBe('true');
});
