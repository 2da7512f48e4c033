import { expect, test } from '../fixtures';
import { LibraryPage } from '../pages/LibraryPage';

// Issue 16, item 7: a wrong date in "Edit details" showed "Invalid request for updateSource: ✖ … → at patch.publishedAt".
test('a wrong date in "Edit details" is explained in words, at the field, with no schema path on screen', async ({ app }) => {
  const library = new LibraryPage(app.page);
  await library.loadSampleLibrary();
  await library.open(/The sending of UN peacekeepers/);
  await app.page.getByRole('button', { name: 'Edit details' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Edit details' });
  const date = dialog.getByRole('textbox', { name: 'Published date' });

  for (const [typed, why] of [
    ['11/01/2023', 'Use the form YYYY-MM-DD'],
    ['2023-02-30', 'Not a real calendar date'],
  ] as const) {
    await date.fill(typed);
    await dialog.getByRole('button', { name: 'Save' }).click();
    const alert = dialog.getByRole('alert');
    await expect(alert).toHaveText('The details were not saved. Correct the published date marked below, then save again.');
    await expect(date).toHaveAttribute('aria-invalid', 'true');
    await expect(date).toHaveAccessibleDescription(new RegExp(why));
    await expect(date).toBeFocused();
    await expect(dialog).not.toContainText(/updateSource|publishedAt|patch\.|✖|→ at|Invalid request/);
  }

  // Corrected, it saves, and the reader shows the new date.
  await date.fill('2023-01-12');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.page.getByRole('main').getByText('2023-01-12', { exact: true })).toBeVisible();
});
