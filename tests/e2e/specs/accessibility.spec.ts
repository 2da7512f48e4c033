import AxeBuilder from '@axe-core/playwright';
import type { Locator } from '@playwright/test';
import type { MarginaliaApp } from '../fixtures';
import { expect, test } from '../fixtures';
import { HighlightsPanel } from '../pages/HighlightsPanel';
import { LibraryPage } from '../pages/LibraryPage';
import { NotesPage } from '../pages/NotesPage';
import { SearchBox } from '../pages/SearchBox';

/**
 * Every view that looks across sources, checked by axe-core (the accessibility engine browsers'
 * own audits use) against WCAG 2.1 A and AA: names, roles, ARIA, contrast, in the light scheme and
 * the dark one. A violation is reported with the rule, what it asks for and the elements it found.
 */
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function expectAccessible(app: MarginaliaApp, what: string): Promise<void> {
  // Transitions settled: a colour measured mid-fade is not the colour shown.
  await app.page.waitForTimeout(300);
  const results = await new AxeBuilder({ page: app.page }).withTags(WCAG).analyze();
  const found = results.violations.map(({ id, help, nodes }) => `${id} (${help}): ${nodes.length} element(s), e.g. ${nodes.slice(0, 3).map((node) => `${node.target.join(' ')}: ${node.failureSummary?.split('\n').slice(1).join(' ').trim()}`).join(' | ')}`);
  expect(found, `axe-core on ${what}`).toEqual([]);
}

const views = (app: MarginaliaApp) => app.page.getByRole('navigation', { name: 'Views' });

/** Opens a dialog by its button of the same name, checks it once `ready` (what it loads) is shown, and closes it with Escape. */
async function expectDialogAccessible(app: MarginaliaApp, name: string, ready: (dialog: Locator) => Locator = (dialog) => dialog): Promise<void> {
  await app.page.getByRole('button', { name, exact: true }).click();
  const dialog = app.page.getByRole('dialog', { name });
  await expect(ready(dialog)).toBeVisible();
  await expectAccessible(app, `the ${name} dialog`);
  await app.page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}

/** The sample library, with one passage coded in the reader, which stays open at it. */
async function sampleWithACodedPassage(app: MarginaliaApp): Promise<void> {
  const library = new LibraryPage(app.page);
  await library.loadSampleLibrary();
  await library.open(/Pashinyan, Guterres Agree/);
  const highlights = new HighlightsPanel(app.page);
  await highlights.highlight('Guterres');
  const item = highlights.item('Guterres');
  await item.getByRole('combobox', { name: 'Add tag' }).fill('actors/un');
  await item.getByRole('combobox', { name: 'Add tag' }).press('Enter');
  await expect(item.getByRole('button', { name: 'Remove tag actors/un' })).toBeVisible();
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`in the ${colorScheme} scheme`, () => {
    test.use({ colorScheme });
    test.beforeEach(async ({ app }) => {
      test.setTimeout(120_000);
      await app.page.emulateMedia({ colorScheme });
    });

    test('the reader with a coded passage and Related coverage, and two sources side by side, pass axe-core (WCAG 2.1 AA)', async ({ app }) => {
      await sampleWithACodedPassage(app);
      const related = app.page.getByRole('region', { name: 'Related coverage' });
      await related.scrollIntoViewIfNeeded();
      await expect(related.getByRole('listitem').first()).toContainText(/score 0\.\d\d/);
      await expectAccessible(app, 'the reader with a coded highlight and Related coverage');
      const highlights = new HighlightsPanel(app.page);
      await highlights.select('fact-finding mission');
      await expect(highlights.toolbar).toBeVisible();
      await expectAccessible(app, "the reader's selection toolbar");
      const search = new SearchBox(app.page);
      await search.search('Lachin');
      await expect(search.options().first()).toBeVisible();
      await expectAccessible(app, 'search results');
      await app.page.keyboard.press('Escape');
      await related.getByRole('listitem').first().getByRole('button', { name: /^Open side by side/ }).click();
      await expect(app.page.getByRole('article')).toHaveCount(2);
      await expectAccessible(app, 'two sources side by side');
    });

    test('the library, Passages, the code matrix, co-occurrence, Outlets and the Timeline pass axe-core (WCAG 2.1 AA)', async ({ app }) => {
      await sampleWithACodedPassage(app);
      await app.page.getByRole('button', { name: 'Back to library' }).click();
      await expect(new LibraryPage(app.page).rows.first()).toBeVisible();
      await expectAccessible(app, 'the library');
      await views(app).getByRole('button', { name: 'Passages' }).click();
      await expect(app.page.getByRole('table', { name: 'Passages' }).getByRole('cell').first()).toBeVisible();
      await expectAccessible(app, 'Passages');

      await views(app).getByRole('button', { name: 'Compare' }).click();
      await expect(app.page.getByRole('table', { name: 'Code matrix' }).getByRole('button').first()).toBeVisible();
      await expectAccessible(app, 'the code matrix');
      await app.page.getByRole('combobox', { name: 'Show' }).selectOption('codes');
      await expect(app.page.getByRole('table', { name: 'Code co-occurrence' })).toBeVisible();
      await expectAccessible(app, 'code co-occurrence');
      await expectDialogAccessible(app, 'Outlets', (dialog) => dialog.getByRole('table', { name: 'Outlets' }));

      await views(app).getByRole('button', { name: 'Timeline' }).click();
      await expect(app.page.getByRole('list', { name: /^Sources from / }).first()).toBeVisible();
      await expectAccessible(app, 'the timeline');
    });

    test('a note citing a passage, and the dialogs (Code by search, Codebook, Edit details, Backups, Keyboard shortcuts), pass axe-core (WCAG 2.1 AA)', async ({ app }) => {
      await sampleWithACodedPassage(app);
      await expectDialogAccessible(app, 'Edit details');
      await app.page.getByRole('button', { name: 'Back to library' }).click();

      await views(app).getByRole('button', { name: 'Passages' }).click();
      const notes = new NotesPage(app.page);
      await notes.newNote('What the UN said');
      await app.page.getByRole('table', { name: 'Passages' }).getByRole('button', { name: /^Cite in note/ }).first().click();
      await expect(notes.citations()).toHaveCount(1);
      await notes.waitUntilSaved();
      await expectAccessible(app, 'Passages beside a note with a citation');

      await expectDialogAccessible(app, 'Code by search');

      await views(app).getByRole('button', { name: 'Compare' }).click();
      await expectDialogAccessible(app, 'Codebook');

      await views(app).getByRole('button', { name: 'Library' }).click();
      await expectDialogAccessible(app, 'Backups');

      await app.page.getByRole('banner').getByRole('button', { name: /shortcuts/i }).click();
      await expect(app.page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
      await expectAccessible(app, 'the Keyboard shortcuts sheet');
    });
  });
}
