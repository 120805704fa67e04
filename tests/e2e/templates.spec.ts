import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { tabTo } from './keys';
import { APP_ROOT } from './web-door';

// The Checklists screen (installed versions, preview-then-install from a file, make current) and
// the Help screen (the written scoring method), through the real web door.

type ItemJson = { id: string; weight: number; question: string } & Record<string, unknown>;
const SAFETY = JSON.parse(fs.readFileSync(path.join(APP_ROOT, 'resources', 'checklists', 'safety.json'), 'utf8')) as {
  version: string;
  title: string;
  items: ItemJson[];
} & Record<string, unknown>;

/** Safety 2026.2: S23 added, S22 removed, S13 reworded, S14 reweighted 2 → 1. */
function safetyNext() {
  const items = SAFETY.items
    .filter((item) => item.id !== 'S22')
    .map((item) => (item.id === 'S13' ? { ...item, question: `${item.question} Check at night too.` } : item.id === 'S14' ? { ...item, weight: 1 } : item));
  items.push({ ...SAFETY.items.find((item) => item.id === 'S21')!, id: 'S23' });
  return { ...SAFETY, version: '2026.2', title: 'Safety (proposed, version 2026.2)', items };
}

const jsonFile = (name: string, json: unknown) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json, null, 2)) });

const versionsTable = (page: Page, caption: string) => page.getByRole('table', { name: caption });

test('lists each checklist’s installed versions with the current one marked', async ({ page, saveScreen, expectNoAxeViolations }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Checklists' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Checklists');
  await expect(page.getByRole('link', { name: 'Checklists' })).toHaveAttribute('aria-current', 'page');
  for (const caption of ['Quality', 'Safety', 'Ligature risk', 'Therapeutic environment']) {
    const row = versionsTable(page, caption).getByRole('row', { name: /2026\.1/ });
    await expect(row).toContainText('Current');
    await expect(row).toContainText('Built into the app');
    await expect(row.getByRole('cell').nth(2)).toHaveText(/^[0-9a-f]{12}$/);
  }
  await expect(versionsTable(page, 'Safety').getByRole('row', { name: /2026\.1/ }).getByRole('cell').first()).toHaveText('22');
  await saveScreen('checklists');
  await expectNoAxeViolations();
});

test('installs a new version only after showing what it changes, then switches back with "Make current"', async ({
  page,
  api,
  saveScreen,
  expectNoAxeViolations,
}) => {
  await page.goto('/#/checklists');
  await page.getByLabel('Checklist template file (JSON)').setInputFiles(jsonFile('safety-2026.2.json', safetyNext()));

  const review = page.getByRole('region', { name: 'Check before installing: safety@2026.2' });
  await expect(review.getByRole('heading', { name: 'Check before installing: safety@2026.2' })).toBeFocused();
  const changes = review.getByRole('definition');
  await expect(review).toContainText('safety@2026.1, the current safety version');
  await expect(review.locator('dt', { hasText: 'Items added' }).locator('+ dd')).toHaveText('S23');
  await expect(review.locator('dt', { hasText: 'Items removed' }).locator('+ dd')).toHaveText('S22');
  await expect(review.locator('dt', { hasText: 'Items reworded' }).locator('+ dd')).toHaveText('S13 (question)');
  await expect(review.locator('dt', { hasText: 'Items reweighted' }).locator('+ dd')).toHaveText('S14 (weight 2 → 1)');
  await expect(review.locator('dt', { hasText: 'Rating thresholds' }).locator('+ dd')).toHaveText('Unchanged');
  await expect(changes.first()).toBeVisible();
  await saveScreen('checklists-preview');
  await expectNoAxeViolations();

  // Nothing is written by the preview.
  expect((await api('templates.list', {})).map((t) => t.key)).not.toContain('safety@2026.2');

  await expect(review.getByLabel('Make 2026.2 current for new safety assessments')).toBeChecked();
  await review.getByRole('button', { name: 'Install this version' }).click();
  await expect(page.getByText('Installed safety@2026.2. It is now current for new safety assessments.').first()).toBeVisible();
  const safety = versionsTable(page, 'Safety');
  await expect(safety).toBeFocused();
  await expect(safety.getByRole('row', { name: /2026\.2/ })).toContainText('Current');
  await expect(safety.getByRole('row', { name: /2026\.2/ })).toContainText('safety-2026.2.json');
  await expect(safety.getByRole('row', { name: /2026\.1/ })).not.toContainText('Current');
  await saveScreen('checklists-installed');
  await expectNoAxeViolations();

  await safety.getByRole('button', { name: 'Make current (Safety 2026.1)' }).click();
  await expect(page.getByText('safety@2026.1 is now current for new safety assessments.').first()).toBeVisible();
  await expect(safety.getByRole('row', { name: /2026\.1/ })).toContainText('Current');
  await expect(safety).toBeFocused();
  const current = (await api('templates.list', {})).filter((t) => t.isCurrent && t.domain === 'safety').map((t) => t.key);
  expect(current).toEqual(['safety@2026.1']);
});

test('a broken file shows its problems by item and field, and installs nothing', async ({ page, api, saveScreen, expectNoAxeViolations }) => {
  await page.goto('/#/checklists');
  const broken = safetyNext();
  broken.items = broken.items.map((item) => (item.id === 'S07' ? { ...item, weight: 5 } : item));
  await page.getByLabel('Checklist template file (JSON)').setInputFiles(jsonFile('safety-broken.json', broken));

  const summary = page.locator('.nhsuk-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('heading')).toHaveText('safety-broken.json cannot be installed');
  await expect(summary).toContainText('safety-broken.json: item S07 → weight:');
  await expect(page.getByRole('button', { name: 'Install this version' })).toHaveCount(0);
  await expect(page.getByText('Error: safety-broken.json cannot be installed: fix the problems listed above')).toBeVisible();
  await saveScreen('checklists-broken-file');
  await expectNoAxeViolations();

  const keys = (await api('templates.list', {})).map((t) => t.key).sort();
  expect(keys).toEqual(['ligature@2026.1', 'quality@2026.1', 'safety@2026.1', 'therapeutic@2026.1']);
  expect((await api('audit.list', { limit: 500 })).length).toBe(8);
});

test('the same version with different content is shown as refused before anything is written', async ({ page, api }) => {
  await api('templates.install', { fileName: 'safety-2026.2.json', content: JSON.stringify(safetyNext()) });
  await page.goto('/#/checklists');
  const edited = safetyNext();
  edited.items = edited.items.map((item) => (item.id === 'S01' ? { ...item, question: 'Is entry to the ward controlled at all times?' } : item));
  await page.getByLabel('Checklist template file (JSON)').setInputFiles(jsonFile('safety-edited.json', edited));
  const review = page.getByRole('region', { name: 'Check before installing: safety@2026.2' });
  await expect(review).toContainText('already installed with different content');
  await expect(review.getByRole('button', { name: 'Install this version' })).toHaveCount(0);
  await review.getByRole('button', { name: 'Choose another file' }).click();
  await expect(review).toHaveCount(0);
});

test('the checklists screen works from the keyboard alone', async ({ page }) => {
  await page.goto('/#/checklists');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  const fileInput = page.getByLabel('Checklist template file (JSON)');
  await tabTo(page, fileInput);
  // The browser's file dialog cannot be driven here; the file is set, then review goes on by keyboard.
  await fileInput.setInputFiles(jsonFile('safety-2026.2.json', safetyNext()));
  await expect(page.getByRole('heading', { name: 'Check before installing: safety@2026.2' })).toBeFocused();
  await tabTo(page, page.getByLabel('Make 2026.2 current for new safety assessments'));
  await page.keyboard.press('Space');
  await expect(page.getByLabel('Make 2026.2 current for new safety assessments')).not.toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Install this version' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Installed safety@2026.2. It is not current.').first()).toBeVisible();
  const makeCurrent = page.getByRole('button', { name: 'Make current (Safety 2026.2)' });
  await tabTo(page, makeCurrent);
  await page.keyboard.press('Enter');
  await expect(versionsTable(page, 'Safety').getByRole('row', { name: /2026\.2/ })).toContainText('Current');
});

test('the Help screen shows the scoring method with a contents list and worked examples', async ({ page, saveScreen, expectNoAxeViolations }) => {
  test.slow(); // a long document checked for accessibility twice
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Help' }).click();
  const h1 = page.getByRole('heading', { level: 1 });
  await expect(h1).toContainText('How wards are scored');
  await expect(h1).toBeFocused();
  const main = page.getByRole('main');
  for (const heading of ['1. Four results, never one', '3. Quality, safety and therapeutic environment', '4. Ligature risk', '6. Worked examples']) {
    await expect(main.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  }
  await expect(main.getByRole('heading', { level: 3, name: '6.2 A critical No makes the domain red (safety)' })).toBeVisible();
  await expect(main).toContainText('Score = 46 ÷ 52 × 100 = 88.46…% → 88.5%');
  await expect(main.getByRole('table').first()).toBeVisible();
  await saveScreen('help');
  await expectNoAxeViolations();

  // The contents list links to each section by keyboard, and focus lands on that section.
  const contents = page.getByRole('navigation', { name: 'Sections of the scoring method' });
  const link = contents.getByRole('link', { name: '6. Worked examples' });
  await tabTo(page, link);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/help\/help-6-worked-examples$/);
  await expect(main.getByRole('heading', { level: 2, name: '6. Worked examples' })).toBeFocused();
  await expect(contents.getByText('6. Worked examples')).toHaveAttribute('class', 'nhsuk-contents-list__current');
  await saveScreen('help-worked-examples');
  await expectNoAxeViolations();
});
