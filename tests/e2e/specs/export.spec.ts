import type { Download, Locator } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '../fixtures';
import { HighlightsPanel } from '../pages/HighlightsPanel';
import { LibraryPage } from '../pages/LibraryPage';
import { NotesPage } from '../pages/NotesPage';
import { ReaderPage } from '../pages/ReaderPage';

const PEACEKEEPERS = /The sending of UN peacekeepers/;

test.beforeEach(({ app: _app }, testInfo) => {
  // Downloads open the native save dialog in Electron, which Playwright cannot answer.
  test.skip(testInfo.project.name === 'electron', 'Export saves through the native save dialog in Electron, which Playwright cannot answer.');
});

/** Clicks and collects the downloads that one click starts (the Markdown, and a bibliography's two files). */
async function downloadsOf(button: Locator, count: number): Promise<Download[]> {
  const page = button.page();
  const downloads: Download[] = [];
  const collect = (download: Download) => downloads.push(download);
  page.on('download', collect);
  await button.click();
  await expect.poll(() => downloads.length).toBe(count);
  page.off('download', collect);
  return downloads;
}

const contentOf = async (download: Download) => fs.readFileSync(await download.path()).toString('utf8');

test('Export Markdown saves the same bytes as `marginalia export`, in both styles', async ({ app }) => {
  const library = new LibraryPage(app.page);
  const notes = new NotesPage(app.page);
  await library.loadSampleLibrary();
  await notes.newNote('Lachin: two accounts');
  await notes.type('# Two accounts\n- Baku: **no** peacekeepers ');
  await library.open(PEACEKEEPERS);
  await app.page.getByRole('button', { name: 'Cite in note' }).click();
  await expect(notes.citations()).toHaveCount(1);
  // Typed a moment before exporting, not yet autosaved: the file must have it.
  await notes.type(' Last words.');
  const exportButton = notes.pane.getByRole('button', { name: 'Export Markdown' });
  const { id } = (JSON.parse(app.cli(['notes', '--json']).stdout) as { id: number }[])[0]!;

  const [markdown] = await downloadsOf(exportButton, 1);
  expect(markdown!.suggestedFilename()).toBe('Lachin - two accounts.md');
  const cli = app.cli(['export', String(id)]);
  expect(cli.status).toBe(0);
  expect(await contentOf(markdown!)).toBe(cli.stdout);
  expect(cli.stdout).toMatch(/^# Lachin: two accounts\n\n# Two accounts\n\n- Baku: \*\*no\*\* peacekeepers \[\^1\] Last words\.\n/);

  await notes.pane.getByRole('combobox', { name: 'Style' }).selectOption('pandoc');
  const files = await downloadsOf(exportButton, 3);
  expect(files.map((file) => file.suggestedFilename())).toEqual(['Lachin - two accounts.md', 'Lachin - two accounts.json', 'Lachin - two accounts.bib']);
  const out = path.join(app.workDirectory, 'cli', 'Lachin - two accounts.md');
  expect(app.cli(['export', String(id), '--style', 'pandoc', '--out', out]).status).toBe(0);
  for (const file of files) expect(await contentOf(file)).toBe(fs.readFileSync(path.join(path.dirname(out), file.suggestedFilename()), 'utf8'));
  await expect(notes.pane.getByRole('status').filter({ hasText: /^Saved Lachin - two accounts\.md, / })).toBeVisible();
});

test('Export highlights saves a source’s passages as Markdown with links back to them', async ({ app }) => {
  const library = new LibraryPage(app.page);
  await library.loadSampleLibrary();
  await library.open(PEACEKEEPERS);
  await expect(new ReaderPage(app.page).article).toBeVisible();
  const highlights = new HighlightsPanel(app.page);
  await highlights.highlight('Dmitriy Peskov told reporters');
  await expect(highlights.item('Dmitriy Peskov told reporters')).toHaveCount(1);
  const button = highlights.panel.getByRole('button', { name: 'Export highlights' });

  const [file] = await downloadsOf(button, 1);
  expect(file!.suggestedFilename()).toMatch(/^The sending of UN peacekeepers.* - highlights\.md$/);
  const markdown = await contentOf(file!);
  expect(markdown).toMatch(/^# The sending of UN peacekeepers/);
  expect(markdown).toContain('\n> Dmitriy Peskov told reporters\n');
  expect(markdown).toMatch(/\[Open in Marginalia\]\(marginalia:\/\/source\/\d+\?highlight=\d+\)/);
});

test('Export options: without links back, and with the bibliography heading typed, the file is the CLI’s with the same flags', async ({ app }) => {
  const library = new LibraryPage(app.page);
  const notes = new NotesPage(app.page);
  await library.loadSampleLibrary();
  await notes.newNote('Options');
  await notes.type('Claim ');
  await library.open(PEACEKEEPERS);
  await app.page.getByRole('button', { name: 'Cite in note' }).click();
  await expect(notes.citations()).toHaveCount(1);
  await notes.pane.getByText('Options', { exact: true }).click();
  await notes.pane.getByRole('checkbox', { name: 'Links back to Marginalia' }).uncheck();
  await notes.pane.getByRole('textbox', { name: /Bibliography heading/ }).fill('Sources');
  const [markdown] = await downloadsOf(notes.pane.getByRole('button', { name: 'Export Markdown' }), 1);
  const content = await contentOf(markdown!);
  expect(content).not.toContain('marginalia://');
  expect(content).toContain('\n## Sources\n');
  const { id } = (JSON.parse(app.cli(['notes', '--json']).stdout) as { id: number }[])[0]!;
  expect(content).toBe(app.cli(['export', String(id), '--no-deep-links', '--bibliography-heading', 'Sources']).stdout);
});
