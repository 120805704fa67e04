import { expect, test } from './fixtures';
import { tabTo } from './keys';
import { focusedCard, makeSmallWard } from './walkthrough-helpers';

// An assessor starts the walkthrough of a ward by keyboard alone: the start form names what is
// missing, takes the date, round and assessors, and the walkthrough opens on the first question.

test('an assessment is started by keyboard: the form names what is missing, and the walkthrough opens on the first question', async ({ page, api, saveScreen, expectNoAxeViolations }) => {
  test.slow(); // the start form by keyboard and three accessibility checks
  const { ward } = await makeSmallWard(api);

  await page.goto(`/#/wards/${ward.id}`);
  await expect(page.getByRole('heading', { level: 1, name: /Rowan Ward/ })).toBeFocused();
  await expect(page.getByRole('heading', { name: /Assessments/ })).toBeVisible();
  await expectNoAxeViolations();
  await tabTo(page, page.getByRole('link', { name: 'Start an assessment' }));
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: 'Start an assessment' })).toBeFocused();
  const startForm = page.getByRole('form', { name: 'Start an assessment' });
  // Submitting with nothing chosen for "announced" shows the error summary.
  await tabTo(page, startForm.getByRole('button', { name: 'Start the walkthrough' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('.nhsuk-error-summary')).toBeFocused();
  await expect(page.locator('.nhsuk-error-summary')).toContainText('Say whether the visit was announced');
  await expect(page.locator('.nhsuk-error-summary')).toContainText('Enter the assessor’s name');
  await saveScreen('walk-01-start-errors');
  await expectNoAxeViolations();

  await tabTo(page, startForm.getByLabel('Date of the assessment'));
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('2026-11-20');
  await tabTo(page, startForm.getByLabel('Round'));
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('2026/27');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(startForm.getByRole('radio', { name: 'Announced', exact: true })).toBeChecked();
  await tabTo(page, startForm.getByLabel('Assessor 1: name'));
  await page.keyboard.type('Morag Baird');
  await tabTo(page, startForm.getByRole('button', { name: 'Add another assessor' }));
  await page.keyboard.press('Enter');
  await tabTo(page, startForm.getByLabel('Assessor 2: name'), { back: true });
  await page.keyboard.type('Ali Reid');
  await page.keyboard.press('Tab');
  await expect(startForm.getByLabel('Assessor 2: role')).toBeFocused();
  await page.keyboard.type('L');
  await expect(startForm.getByLabel('Assessor 2: role')).toHaveValue('lay');
  await saveScreen('walk-02-start-filled');
  await tabTo(page, startForm.getByRole('button', { name: 'Start the walkthrough' }));
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: 'Walkthrough' })).toBeVisible();
  const [assessment] = await api('assessments.listForWard', { wardId: ward.id });
  if (!assessment) throw new Error('The assessment was not started');
  expect(assessment).toMatchObject({ round: '2026/27', assessedOn: '2026-11-20', announced: true });
  expect(assessment.assessors.map((a) => [a.name, a.role])).toEqual([
    ['Morag Baird', 'estates'],
    ['Ali Reid', 'lay'],
  ]);
  // A walk starts with the questions asked once for the whole ward (at the entrance): the first has focus.
  await expect(page.getByRole('heading', { level: 2, name: 'Whole ward' })).toBeVisible();
  await expect.poll(() => focusedCard(page)).toBe('item-Q01_ward');
  await expect(page.getByTestId('answering-as')).toContainText('Morag Baird, Estates');
  await saveScreen('walk-03-walkthrough-start');
  await expectNoAxeViolations();
});
