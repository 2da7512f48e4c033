import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { LibraryPage } from '../pages/LibraryPage';
import { ReaderPage } from '../pages/ReaderPage';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/import');

/**
 * Records every state of the import progress bar while it exists. A folder of six files imports
 * faster than a test can poll, so the bar is watched from inside the page instead.
 */
async function watchProgressBar(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('[role="progressbar"][aria-label="Import progress"]');
      const state = bar ? `${bar.getAttribute('aria-valuetext')}` : null;
      if (state && seen.at(-1) !== state) seen.push(state);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  return () => page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
}

test('a folder of mixed files imports its articles, skips hidden and unsupported files, and lists the failure', async ({ app }) => {
  const folder = path.join(app.workDirectory, 'lachin');
  fs.mkdirSync(path.join(folder, 'saved pages'), { recursive: true });
  fs.writeFileSync(path.join(folder, 'brief.txt'), 'Red Cross convoys crossed the Lachin corridor on Tuesday.\n\nA second paragraph.\n');
  fs.writeFileSync(path.join(folder, 'report.md'), '---\ntitle: Checkpoint at the Hakari bridge\noutlet: Armenpress\ndate: 2023-04-23\n---\n\nA checkpoint was set up at the bridge.\n');
  fs.copyFileSync(path.join(FIXTURES, 'news-jsonld.html'), path.join(folder, 'saved pages', 'lachin-talks.html'));
  fs.writeFileSync(path.join(folder, '.notes.txt'), 'A hidden file is never imported.\n');
  fs.writeFileSync(path.join(folder, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]));
  fs.writeFileSync(path.join(folder, 'empty.txt'), '');

  const library = new LibraryPage(app.page);
  const progressSeen = await watchProgressBar(app.page);
  await library.importFolder(folder);

  await expect(library.importSummary).toContainText('Import finished: 3 imported · 0 duplicates · 1 failed · 2 skipped');
  await expect(library.importSummary.getByRole('list', { name: 'Files that failed' }).getByRole('listitem')).toHaveText(['empty.txt is empty. There is no text to import.']);
  await expect(library.importSummary).toContainText('Skipped 1 hidden file or folder and 1 unsupported file (.jpg 1).');
  // The bar counted the four articles (the hidden file and the photo are not among them) and left when done.
  expect((await progressSeen())[0]).toBe('0 of 4');
  await expect(library.importProgress).toHaveCount(0);

  await expect(library.rows).toHaveCount(3);
  await expect(library.row('Checkpoint at the Hakari bridge')).toContainText('Armenpress');
  await library.open('Lachin corridor talks resume in Brussels');
  const reader = new ReaderPage(app.page);
  await expect(app.page.getByRole('heading', { level: 1 })).toHaveText('Lachin corridor talks resume in Brussels');
  await expect(app.page.getByText('Caucasus Ledger · Anna Petrosyan, Rashad Aliyev · 2023-01-11', { exact: true })).toBeVisible();
  // The canonical URL, not the address the page was saved from; it opens outside the app.
  const original = app.page.getByRole('link', { name: 'https://caucasus-ledger.example/news/2023/01/lachin-talks-resume' });
  await expect(original).toBeVisible();
  await expect(original).toHaveAttribute('target', '_blank');
  await expect(reader.article).toContainText('Negotiators from Yerevan and Baku met in Brussels');
  await expect(reader.article).not.toContainText('We use cookies');
});

test('cancelling midway keeps what was imported and reports the rest as not imported', async ({ app }) => {
  const folder = path.join(app.workDirectory, 'many');
  fs.mkdirSync(folder);
  for (let index = 0; index < 300; index++) {
    const number = String(index).padStart(3, '0');
    fs.writeFileSync(path.join(folder, `report-${number}.txt`), `Report ${number} on the corridor.\n\n${'Convoys waited at the checkpoint for another day. '.repeat(40)}\n`);
  }
  const library = new LibraryPage(app.page);
  await library.importFolder(folder);

  await expect(library.importProgress).toHaveAttribute('aria-valuemax', '300');
  await expect(library.importProgress).not.toHaveAttribute('aria-valuenow', '0');
  await library.cancelImportButton.click();

  await expect(library.importSummary).toContainText('Import cancelled:');
  const counts = /Import cancelled: (\d+) imported · 0 duplicates · 0 failed · (\d+) not imported/;
  const summary = (await library.importSummary.textContent()) ?? '';
  expect(summary).toMatch(counts);
  const [, imported, notImported] = counts.exec(summary) ?? [];
  expect(Number(imported)).toBeGreaterThan(0);
  expect(Number(notImported)).toBeGreaterThan(0);
  expect(Number(imported) + Number(notImported)).toBe(300);
  await expect(library.importSummary).toContainText(`${notImported} files were not imported because the import was cancelled.`);

  // The library holds exactly what the summary says was imported.
  const listed = JSON.parse(app.cli(['list', '--json']).stdout) as unknown[];
  expect(listed).toHaveLength(Number(imported));
  await expect(library.count).toHaveText(`${imported} sources`);
});
