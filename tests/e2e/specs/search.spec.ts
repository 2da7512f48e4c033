import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { HighlightsPanel } from '../pages/HighlightsPanel';
import { LibraryPage } from '../pages/LibraryPage';
import { NotesPage } from '../pages/NotesPage';
import { ReaderPage } from '../pages/ReaderPage';
import { SearchBox } from '../pages/SearchBox';

const AZ_ARTICLE = [
  '---',
  'title: Laçın yolunda aksiya',
  'outlet: Report.az',
  'date: 2023-01-05',
  '---',
  '',
  'Ekoloji fəallar Laçın yolunda aksiyanı davam etdirirlər.',
  '',
  'Xankəndi şəhərində vəziyyət sakitdir.',
  '',
].join('\n');

/** The words the reader marks after a search result opened it (the CSS Custom Highlight the reader's reveal paints). */
const markedInReader = (page: Page) =>
  page.evaluate(() => {
    const found: string[] = [];
    // Static ranges, as painted: a live Range over the same text reads its words.
    CSS.highlights.get('marginalia-search-match')?.forEach((each) => {
      const range = document.createRange();
      range.setStart((each as AbstractRange).startContainer, (each as AbstractRange).startOffset);
      range.setEnd((each as AbstractRange).endContainer, (each as AbstractRange).endOffset);
      found.push(range.toString());
    });
    return found;
  });

/** True when the word the reader marked is inside the visible part of the page. */
const markInView = (page: Page) =>
  page.evaluate(() => {
    let range: Range | undefined;
    CSS.highlights.get('marginalia-search-match')?.forEach((each) => {
      range = document.createRange();
      range.setStart((each as AbstractRange).startContainer, (each as AbstractRange).startOffset);
      range.setEnd((each as AbstractRange).endContainer, (each as AbstractRange).endOffset);
    });
    const rect = range?.getBoundingClientRect();
    return rect !== undefined && rect.height > 0 && rect.top >= 0 && rect.bottom <= window.innerHeight;
  });

test('Ctrl+K searches the sample library as you type; Enter opens the best result at its marked word', async ({ app }) => {
  const library = new LibraryPage(app.page);
  await library.loadSampleLibrary();
  await expect(library.rows).toHaveCount(5);
  const search = new SearchBox(app.page);
  await search.search('Peskov');
  await expect(search.group('Sources')).toBeVisible();
  const best = search.options('Sources').first();
  await expect(best).toContainText('The sending of UN peacekeepers');
  expect(await search.marks(best)).toContain('Peskov');
  await expect(best).toHaveAttribute('aria-selected', 'true');

  await app.page.keyboard.press('Enter');
  const reader = new ReaderPage(app.page);
  await expect(reader.article).toContainText('Dmitriy Peskov told reporters on January 10');
  await expect(search.results).toBeHidden();
  await expect.poll(() => markedInReader(app.page)).toEqual(['Peskov']);
  await expect.poll(() => markInView(app.page)).toBe(true);
});

test('Lacin finds Laçın and Xankendi finds Xankəndi in an imported article, marking the original spelling', async ({ app }) => {
  const file = path.join(app.workDirectory, 'lacin.md');
  fs.writeFileSync(file, AZ_ARTICLE);
  const library = new LibraryPage(app.page);
  await library.importFiles([file]);
  await expect(library.row('Laçın yolunda aksiya')).toBeVisible();
  const search = new SearchBox(app.page);

  await search.search('Lacin');
  const lacin = search.option('Laçın yolunda aksiya', 'Sources');
  await expect(lacin).toBeVisible();
  expect(await search.marks(lacin)).toContain('Laçın');

  await search.search('Xankendi');
  const xankendi = search.option('Laçın yolunda aksiya', 'Sources');
  expect(await search.marks(xankendi)).toEqual(['Xankəndi']);
  await xankendi.click();
  await expect(new ReaderPage(app.page).article).toContainText('Xankəndi şəhərində vəziyyət sakitdir.');
  await expect.poll(() => markedInReader(app.page)).toEqual(['Xankəndi']);
});

const RU_ARTICLE = [
  '---',
  'title: Переговоры о коридоре',
  'outlet: ТАСС',
  'date: 2023-01-20',
  '---',
  '',
  'Стороны обсудили ситуацию вокруг Лачинского коридора.',
  '',
  'В Степанакерте спокойно.',
  '',
].join('\n');

const HY_ARTICLE = ['---', 'title: Արմենպրես. լուրեր', 'outlet: Արմենպրես', '---', '', 'Լաչինի միջանցքը փակ է։', ''].join('\n');

test('a word typed in one script finds its spellings in the others and its other forms; quoted, only as written', async ({ app }) => {
  const files = [
    ['ru.md', RU_ARTICLE],
    ['hy.md', HY_ARTICLE],
  ].map(([name, text]) => {
    const file = path.join(app.workDirectory, name!);
    fs.writeFileSync(file, text!);
    return file;
  });
  const library = new LibraryPage(app.page);
  await library.importFiles(files);
  await expect(library.row('Переговоры о коридоре')).toBeVisible();
  const search = new SearchBox(app.page);

  await search.search('Lachin');
  const russian = search.option('Переговоры о коридоре', 'Sources');
  const armenian = search.option('Արմենպրես. լուրեր', 'Sources');
  expect(await search.marks(russian)).toEqual(['Лачинского']);
  expect(await search.marks(armenian)).toEqual(['Լաչինի']);

  await search.search('"Lachin"');
  await expect(search.status).toHaveText('Nothing matches “"Lachin"”.');
  await expect(russian).toBeHidden();

  await search.search('Stepanakert');
  expect(await search.marks(russian)).toEqual(['Степанакерте']);
  await russian.click();
  await expect(new ReaderPage(app.page).article).toContainText('В Степанакерте спокойно.');
  await expect.poll(() => markedInReader(app.page)).toEqual(['Степанакерте']);
});

test('highlights and notes are found too, grouped under their headings, and each opens where it belongs', async ({ app }) => {
  const library = new LibraryPage(app.page);
  await library.loadSampleLibrary();
  await library.open(/The sending of UN peacekeepers/);
  const highlights = new HighlightsPanel(app.page);
  await highlights.highlight('Dmitriy Peskov told reporters');
  const notes = new NotesPage(app.page);
  await notes.newNote('Kremlin line');
  await notes.type('Peskov defers to Baku and Yerevan.');
  await notes.waitUntilSaved();
  await app.page.getByRole('button', { name: 'Back to library' }).click();
  // The library puts focus back on the source's row once it has loaded; search after that.
  await expect(library.table.getByRole('button', { name: /The sending of UN peacekeepers/ })).toBeFocused();

  const search = new SearchBox(app.page);
  await search.search('Peskov');
  await expect(search.results.getByRole('group')).toHaveText([/^Sources/, /^Highlights/, /^Notes/]);
  await expect(search.option('Dmitriy Peskov told reporters', 'Highlights')).toContainText('In The sending of UN peacekeepers');
  expect(await search.marks(search.options('Notes').first())).toEqual(['Peskov']);

  await search.option('Dmitriy Peskov told reporters', 'Highlights').click();
  await expect(new ReaderPage(app.page).article).toContainText('Dmitriy Peskov told reporters');
  await expect(highlights.quote('Dmitriy Peskov told reporters')).toHaveAttribute('aria-expanded', 'true');

  await notes.backToList();
  await search.search('defers');
  await search.option('Kremlin line', 'Notes').click();
  await expect(notes.title).toHaveValue('Kremlin line');
  await expect(notes.editor).toContainText('Peskov defers to Baku and Yerevan.');
});

test('arrows move through the results, Escape closes them, a malformed query says it fell back, and help explains the language', async ({ app }) => {
  const library = new LibraryPage(app.page);
  await library.loadSampleLibrary();
  const search = new SearchBox(app.page);
  await search.search('Lachin');
  await expect(search.options('Sources')).toHaveCount(5);
  const options = search.options();
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
  await app.page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(search.input).toHaveAttribute('aria-activedescendant', (await options.nth(1).getAttribute('id'))!);
  await app.page.keyboard.press('ArrowUp');
  await app.page.keyboard.press('ArrowUp');
  await expect(options.nth(4)).toHaveAttribute('aria-selected', 'true');
  await app.page.keyboard.press('Escape');
  await expect(search.results).toBeHidden();
  await expect(search.input).toHaveValue('Lachin');

  await search.search('"Lachin corridor');
  await expect(app.page.getByText(/never closed.*Searched for the plain words: Lachin corridor/)).toBeVisible();
  await expect(search.options('Sources')).toHaveCount(4);

  await search.search('Zangezur');
  await expect(search.status).toHaveText('Nothing matches “Zangezur”.');

  await app.page.getByRole('button', { name: 'Search help' }).click();
  const help = app.page.getByRole('region', { name: 'Search help' });
  await expect(help).toContainText('"lachin corridor"');
  await expect(help).toContainText('type:source');
  await expect(help).toContainText('after:2023-01-01');
});
