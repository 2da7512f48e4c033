import { expect, test } from '../fixtures';
import { LibraryPage } from '../pages/LibraryPage';
import { ReaderPage } from '../pages/ReaderPage';

test('"Restore from backup" brings back the library as it was, and the restore can be undone', async ({ app }) => {
  const { page } = app;
  const library = new LibraryPage(page);
  await library.loadSampleLibrary();
  await expect(library.rows).toHaveCount(5);

  await page.getByRole('button', { name: 'Backups' }).click();
  const backups = page.getByRole('dialog', { name: 'Backups' });
  await backups.getByRole('button', { name: 'Back up now' }).click();
  await expect(backups.getByRole('status')).toContainText('Backed up as');
  await backups.getByRole('button', { name: 'Close' }).click();

  await library.open(/Pashinyan, Guterres Agree/);
  await new ReaderPage(page).deleteSource();
  await expect(library.rows).toHaveCount(4);

  await page.getByRole('button', { name: 'Backups' }).click();
  await backups.getByRole('button', { name: /^Restore from backup of/ }).first().click();
  await page.getByRole('alertdialog', { name: 'Restore from this backup?' }).getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(backups.getByRole('status')).toContainText('Restored the library');
  await expect(backups.getByRole('table', { name: 'Backups, newest first' })).toContainText('Before a restore');
  await backups.getByRole('button', { name: 'Close' }).click();
  await expect(library.rows).toHaveCount(5);
  await expect(library.row('Pashinyan, Guterres Agree')).toBeVisible();
});
