import { expect, test } from '../fixtures';
import { LibraryPage } from '../pages/LibraryPage';

interface Listed {
  id: number;
  title: string;
}

test('a marginalia:// deep link opens the app at the passage (browser form: /source/ID?highlight=ID)', async ({ app }) => {
  const { page } = app;
  await new LibraryPage(page).loadSampleLibrary();
  const sources = JSON.parse(app.cli(['list', '--json']).stdout) as Listed[];
  const azernews = sources.find((source) => source.title.startsWith('The sending of UN peacekeepers'))!;
  const body = (JSON.parse(app.cli(['show', String(azernews.id), '--json']).stdout) as { body: string }).body;
  const quote = 'Dmitriy Peskov told reporters';
  const start = body.indexOf(quote);

  // Mark the passage through the app's own API, as the reader's Highlight button does.
  const highlight = await page.evaluate(
    async ({ sourceId, start, end }) => {
      const token = sessionStorage.getItem('marginalia-token');
      const response = await fetch('/api/createHighlight', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ sourceId, start, end, color: 'green' }) });
      return ((await response.json()) as { value: { id: number } }).value;
    },
    { sourceId: azernews.id, start, end: start + quote.length },
  );

  const link = `marginalia://source/${azernews.id}?highlight=${highlight.id}`;
  const url = new URL(page.url());
  await page.goto(`${url.origin}${link.replace('marginalia://', '/')}${url.hash}`);

  await expect(page.getByRole('article')).toContainText('The sending of UN peacekeepers to Karabakh');
  const item = page.getByRole('region', { name: 'Highlights' }).locator('[aria-current="true"]');
  await expect(item).toContainText(quote);
  // The address bar no longer carries the link, and the access token is still there.
  expect(new URL(page.url()).search).toBe('');
  expect(new URL(page.url()).hash).toBe(url.hash);
});
