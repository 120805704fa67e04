import fs from 'node:fs';
import path from 'node:path';
import { createTestCore, tempDir } from '../helpers/core';
import { expect, test } from './fixtures';
import { startWebDoor } from './web-door';

// A damaged database does not stop the app: it opens on a recovery page that says what happened
// and offers the newest backup that passes every check. Each database here is damaged the way a
// failing disk or copy does it, before the real web door opens it.

test('a database with its first page overwritten opens on the recovery page, which restores the newest good backup', async ({ page, saveScreen, expectNoAxeViolations }) => {
  const file = path.join(tempDir('mhea-e2e-recovery-'), 'estates.sqlite');
  const setup = createTestCore({ file });
  setup.call('boards.create', { name: 'NHS Recovered' });
  setup.call('backups.create', {});
  setup.call('boards.create', { name: 'NHS After The Backup' });
  setup.close();
  const bytes = fs.readFileSync(file);
  bytes.fill(0, 0, 100);
  fs.writeFileSync(file, bytes);

  const door = await startWebDoor(file);
  try {
    await page.goto(door.openUrl);
    await expect(page.getByRole('heading', { level: 1, name: 'The database could not be opened' })).toBeVisible();
    await expect(page.getByText('file is not a database')).toBeVisible();
    // No way into pages that cannot open.
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
    await expect(page.getByText(/The newest backup that passed every check was made .*: 1 board, 0 wards/)).toBeVisible();
    await expectNoAxeViolations();
    await saveScreen('recovery-01-damaged');

    await page.getByRole('button', { name: 'Restore the newest good backup' }).click();
    await expect(page.getByRole('heading', { name: /^Restore the backup made .*\?$/ })).toBeFocused();
    await expect(page.getByText('It takes the place of the damaged database, which is moved aside')).toBeVisible();
    await expectNoAxeViolations();
    await page.getByRole('button', { name: 'Restore this backup' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Estate register' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'NHS Recovered' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'NHS After The Backup' })).toHaveCount(0);
    await expect(page.getByText(/The damaged database was moved aside and kept as .*estates\.sqlite\.damaged-\d{8}-\d{6}/).first()).toBeVisible();
    await saveScreen('recovery-02-restored');
  } finally {
    await door.stop();
  }
});

test('an empty (0-byte) database with no backup is not taken for a new one: the page offers to start again, keeping the file', async ({ page, saveScreen, expectNoAxeViolations }) => {
  const dir = tempDir('mhea-e2e-recovery-');
  const file = path.join(dir, 'estates.sqlite');
  fs.writeFileSync(file, '');

  const door = await startWebDoor(file);
  try {
    await page.goto(door.openUrl);
    await expect(page.getByRole('heading', { level: 1, name: 'The database could not be opened' })).toBeVisible();
    await expect(page.getByText(/the file is empty \(0 bytes\)/)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'No good backup' })).toBeVisible();
    await expect(page.getByText('There are no backups beside this database.')).toBeVisible();
    await expectNoAxeViolations();
    await saveScreen('recovery-03-empty-file');

    await page.getByRole('button', { name: 'Start again with an empty database' }).click();
    await page.getByRole('button', { name: 'Start an empty database' }).click();
    await expect(page.getByRole('heading', { name: 'Add your first board' })).toBeVisible();
    await expect(page.getByText(/Started an empty database\. The damaged one is kept as .*estates\.sqlite\.damaged-/).first()).toBeVisible();
    expect(fs.readdirSync(dir).filter((name) => name.startsWith('estates.sqlite.damaged-'))).toHaveLength(1);
  } finally {
    await door.stop();
  }
});
