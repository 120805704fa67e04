import { expect, test } from './fixtures';

test('the Backups screen lists backups with their contents and restores one after showing what it holds', async ({ page, api, saveScreen, expectNoAxeViolations }) => {
  await api('boards.create', { name: 'NHS Kept' });
  await page.goto('#/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Backups' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Backups' })).toBeFocused();
  await expect(page.getByText('There are no backups yet.')).toBeVisible();

  await page.getByRole('button', { name: 'Make a backup now' }).click();
  await expect(page.getByRole('status').first()).toContainText('Backup made');
  const table = page.getByRole('table', { name: /Backups, newest first/ });
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('row').nth(1)).toContainText('1 board, 0 wards, 0 assessments (0 signed off)');
  await expect(table.getByRole('row').nth(1)).toContainText('Made by hand');

  // A change after the backup, which the restore will undo.
  await api('boards.create', { name: 'NHS Added Later' });
  await page.getByRole('button', { name: /^Restore the backup made/ }).click();
  const confirm = page.getByRole('region', { name: /Restore the backup made/ });
  await expect(confirm.getByRole('heading')).toBeFocused();
  await expect(confirm.getByText('Boards', { exact: true })).toBeVisible();
  await expect(confirm.locator('.nhsuk-summary-list__row').first()).toContainText('1');
  await expectNoAxeViolations();
  await saveScreen('backups-confirm-restore');

  await confirm.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(page.getByRole('status').first()).toContainText('Restored the backup made');
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('row').nth(1)).toContainText('Before a restore');
  await expect(table.getByRole('row').nth(1)).toContainText('2 boards');
  expect((await api('boards.list', {})).map((b) => b.name)).toEqual(['NHS Kept']);
  await expectNoAxeViolations();
  await saveScreen('backups');
});
