import { expect, test } from './fixtures';
import { focusedCard, makePng, walkSmallWard } from './walkthrough-helpers';

// A "no" answer can carry an action, a note and photos; the action plan lists the action with
// what it is about, lets its status change, and links back to the question.

test('a "no" answer gets an action, a note and a photo; the action plan changes its status and links back to the question', async ({ page, api, saveScreen, expectNoAxeViolations }) => {
  test.slow(); // an action, a note, a photo and the action plan, with two accessibility checks
  const { assessment, area: bedroom } = await walkSmallWard(page, api, 'Bedroom 1');

  const card = page.locator('.app-item').filter({ hasText: 'S05' }).first();
  await card.focus();
  await page.keyboard.press('n');
  await expect(card.locator('.app-save-saved')).toHaveText('Saved: No (by Morag Baird)');
  await card.getByRole('button', { name: /Add an action/ }).click();
  const actionForm = card.getByRole('form', { name: 'Add an action' });
  await expect(actionForm.getByLabel('What needs doing')).toBeFocused();
  await page.keyboard.type('Fit a door-top alarm');
  await actionForm.getByLabel('Owner').fill('Charge nurse');
  await actionForm.getByLabel('Due date (optional)').fill('2027-02-28');
  await actionForm.getByLabel('Priority').selectOption('high');
  await actionForm.getByRole('button', { name: 'Add action' }).click();
  await expect(card).toContainText('Fit a door-top alarm — Charge nurse, due 2027-02-28, High priority, Open');
  const [stored] = await api('answers.list', { assessmentId: assessment.id });
  expect(stored).toMatchObject({ itemId: 'S05', areaId: bedroom.areaId, value: 'no' });

  // A note is saved with the answer when the assessor leaves the box.
  await card.getByText('Note', { exact: true }).click();
  await card.getByLabel(/Note on S05 in Bedroom 1/).fill('Door-top alarm missing');
  await card.getByLabel(/Note on S05 in Bedroom 1/).blur();
  await expect(card.locator('.app-save-saved')).toBeVisible();
  await expect.poll(async () => (await api('answers.list', { assessmentId: assessment.id }))[0]?.note).toBe('Door-top alarm missing');
  // A photo of the answer.
  await card.getByText('Photos (0)').click();
  await card.getByLabel(/Add a photo of S05 in Bedroom 1/).setInputFiles({ name: 'door.png', mimeType: 'image/png', buffer: makePng(64, 40) });
  await expect(card.getByRole('img', { name: 'Photo 1 of S05 in Bedroom 1' })).toBeVisible();
  const photos = await api('photos.list', { assessmentId: assessment.id, answerId: stored!.id });
  expect(photos).toHaveLength(1);
  expect(photos[0]).toMatchObject({ mimeType: 'image/png', width: 64, height: 40 });
  await saveScreen('walk-20-answer-action');
  await expectNoAxeViolations();

  // The action plan lists it with what it is about; its status can be changed there.
  await page.getByRole('navigation', { name: 'This assessment' }).getByRole('link', { name: 'Action plan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Action plan' })).toBeVisible();
  const row = page.getByRole('row', { name: /Fit a door-top alarm/ });
  await expect(row).toContainText('S05 in Bedroom 1');
  await expect(row).not.toContainText('Overdue');
  await row.getByRole('button', { name: /Change/ }).click();
  const edit = page.getByRole('form', { name: 'Change the action' });
  await edit.getByLabel('Status').selectOption('on_track');
  await expectNoAxeViolations();
  await edit.getByRole('button', { name: 'Save action' }).click();
  await expect(row).toContainText('On track');
  expect((await api('actions.list', { assessmentId: assessment.id })).map((a) => a.status)).toEqual(['on_track']);
  await row.getByRole('link', { name: 'S05 in Bedroom 1' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Walkthrough' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Bedroom 1' })).toBeVisible();
  await expect.poll(() => focusedCard(page)).toContain('item-S05_');
});
