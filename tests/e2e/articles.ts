import fs from 'node:fs';
import path from 'node:path';
import type { MarginaliaApp } from './fixtures';
import { expect } from './fixtures';
import { LibraryPage } from './pages/LibraryPage';
import { ReaderPage } from './pages/ReaderPage';

/** A long Markdown article (numbered paragraphs, "Paragraph 7 of …"), long enough to scroll through. */
export function longArticle(title: string, paragraphs = 80): string {
  const body = Array.from({ length: paragraphs }, (_, index) => `Paragraph ${index + 1} of ${title}: the convoy waited at the checkpoint while the talks went on, and the road stayed closed.`);
  return ['---', `title: ${title}`, 'outlet: Test Wire', 'date: 2023-01-05', '---', '', ...body.flatMap((text) => [text, ''])].join('\n');
}

/** Imports Markdown articles through "Import articles" (one file each) and waits until the library lists them. */
export async function importArticles(app: MarginaliaApp, articles: Record<string, string>): Promise<void> {
  const library = new LibraryPage(app.page);
  const files = Object.entries(articles).map(([name, markdown], index) => {
    const file = path.join(app.workDirectory, `article-${index}-${name.replace(/\W+/g, '-')}.md`);
    fs.writeFileSync(file, markdown);
    return file;
  });
  await library.importFiles(files);
  // An import is set up here, not tested: on a machine shared at load 4 a core it took longer than
  // the default 5 s (its buttons still disabled), so it gets as long as it needs within the test's time.
  for (const title of Object.keys(articles)) await expect(library.table.getByRole('button', { name: title }).or(library.table.getByRole('link', { name: title })).first()).toBeVisible({ timeout: 20_000 });
}

/** Opens a source from the library and waits for its text. */
export async function openFromLibrary(app: MarginaliaApp, title: string): Promise<ReaderPage> {
  await new LibraryPage(app.page).open(title);
  const reader = new ReaderPage(app.page);
  await expect(app.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(reader.paragraphs.first()).toBeVisible();
  return reader;
}
