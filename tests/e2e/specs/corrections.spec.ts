import fs from 'node:fs';
import path from 'node:path';
import type { MarginaliaApp } from '../fixtures';
import { expect, test } from '../fixtures';
import type { CliHighlight } from '../pages/HighlightsPanel';
import { HighlightsPanel } from '../pages/HighlightsPanel';
import { LibraryPage } from '../pages/LibraryPage';
import { ReaderPage } from '../pages/ReaderPage';

const FRONT_MATTER = ['---', 'title: Harbour report', 'outlet: Coast Wire', '---', ''];
const FIRST = 'The harbour reopened on Tuesday after repairs.';
const SECOND = 'Fishing boats returned to the northern quay before dawn.';
const THIRD = 'The mayor promised new cranes by the spring.';
const INSERTED = 'A storm had closed it for a week.';
const KEPT = 'Fishing boats returned to the northern quay';
const DELETED = 'promised new cranes';

const cliHighlights = (app: MarginaliaApp) => JSON.parse(app.cli(['highlights', '--json']).stdout) as CliHighlight[];
const byExact = (app: MarginaliaApp, exact: string) => cliHighlights(app).find((highlight) => highlight.exact === exact);

function writeFile(app: MarginaliaApp, name: string, lines: string[]): string {
  const file = path.join(app.workDirectory, name);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

async function chooseCorrectedVersion(app: MarginaliaApp, file: string): Promise<void> {
  const chooser = app.page.waitForEvent('filechooser');
  await app.page.getByRole('button', { name: 'Import corrected version' }).click();
  await (await chooser).setFiles(file);
}

test('correcting the text and importing a corrected version re-anchor the highlights', async ({ app }) => {
  const library = new LibraryPage(app.page);
  await library.importFiles([writeFile(app, 'harbour.md', [...FRONT_MATTER, FIRST, '', SECOND, '', THIRD])]);
  await library.open('Harbour report');
  const reader = new ReaderPage(app.page);
  await expect(reader.article).toBeVisible();
  const highlights = new HighlightsPanel(app.page);
  await highlights.highlight(KEPT);
  await highlights.highlight(DELETED);
  await expect(highlights.items).toHaveCount(2);
  await expect.poll(() => cliHighlights(app).length).toBe(2);
  const before = byExact(app, KEPT)!;

  // Correct text: a sentence inserted before the first highlight, the second one's paragraph deleted.
  await app.page.getByRole('button', { name: 'Correct text' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Correct text' });
  const text = dialog.getByRole('textbox', { name: 'Article text' });
  const body = await text.inputValue();
  expect(body).toContain(SECOND);
  await text.fill(body.replace(FIRST, `${FIRST}\n\n${INSERTED}`).replace(`\n\n${THIRD}`, ''));
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.page.getByRole('status').filter({ hasText: 'Text corrected' })).toHaveText('Text corrected: 0 highlights kept, 1 moved, 1 orphaned.');
  await expect(reader.article).toContainText(INSERTED);
  await expect(reader.article).not.toContainText(THIRD);

  const moved = byExact(app, KEPT)!;
  expect(moved).toMatchObject({ exact: KEPT, orphaned: false, start: before.start + `\n\n${INSERTED}`.length });
  expect(moved.end - moved.start).toBe(KEPT.length);
  expect(byExact(app, DELETED)).toMatchObject({ orphaned: true });
  await expect(highlights.items).toHaveCount(1);
  await expect(highlights.orphans).toHaveCount(1);
  await expect(highlights.orphans).toContainText(DELETED);

  // Import corrected version: the file's text differs slightly (two words added before the highlight).
  const corrected = writeFile(app, 'harbour-v2.md', ['---', 'title: Harbour report, second edition', '---', '', FIRST.replace('after repairs', 'after long overdue repairs'), '', INSERTED, '', SECOND]);
  await chooseCorrectedVersion(app, corrected);
  await expect(app.page.getByRole('status').filter({ hasText: 'Corrected version imported' })).toHaveText(
    'Corrected version imported from harbour-v2.md: 0 highlights kept, 1 moved, 1 orphaned.',
  );
  await expect(reader.article).toContainText('long overdue repairs');
  // The researcher's metadata is kept; the file's own title is not taken.
  await expect(app.page.getByRole('heading', { level: 1 })).toHaveText('Harbour report');
  await expect.poll(() => byExact(app, KEPT)?.start).toBe(moved.start + 'long overdue '.length);
  expect(byExact(app, KEPT)).toMatchObject({ orphaned: false });
  await expect(highlights.item(KEPT)).toHaveCount(1);

  // A file that cannot be imported is refused with a reason; nothing changes.
  await chooseCorrectedVersion(app, writeFile(app, 'notes.docx', ['Not an article']));
  await expect(app.page.getByRole('alert').filter({ hasText: 'not imported' })).toContainText('notes.docx is not a supported file type');
  expect(byExact(app, KEPT)?.start).toBe(moved.start + 'long overdue '.length);
  await expect(reader.article).toContainText('long overdue repairs');
});
