import { startAssessmentViaApi } from './assess-via-api';
import { expect, test } from './fixtures';
import { tabTo } from './keys';
import { focusedCard, makeSmallWard } from './walkthrough-helpers';

// A 46-bed ward has over 1,500 questions: the walkthrough shows one area at a time, records which
// assessor gave each answer, and a draft resumes on the question the assessor was at.

test('a large ward shows one area at a time, each answer records who gave it, and the draft resumes at the same question', async ({ page, api, expectNoAxeViolations }) => {
  test.slow(); // a ward of 101 areas and over 1,500 questions, opened twice
  const areas: { name: string; type: 'bedroom' | 'en_suite' | 'lounge'; tier: 1 | 2 | 3 }[] = [];
  for (let i = 1; i <= 46; i += 1) areas.push({ name: `Bedroom ${i}`, type: 'bedroom', tier: 3 }, { name: `En-suite ${i}`, type: 'en_suite', tier: 3 });
  for (let i = 1; i <= 7; i += 1) areas.push({ name: `Lounge ${i}`, type: 'lounge', tier: 2 });
  const { ward } = await makeSmallWard(api, areas);
  const assessment = await startAssessmentViaApi(api, ward.id, {
    announced: false,
    assessors: [
      { name: 'Morag Baird', role: 'estates' },
      { name: 'Dr Ewan Hay', role: 'clinical' },
    ],
  });

  await page.goto(`/#/wards/${ward.id}`);
  await tabTo(page, page.getByRole('link', { name: 'Resume the draft assessment' }));
  await page.keyboard.press('Enter');
  // Building and drawing a walk of 1,500 questions takes longer than an ordinary step.
  await expect(page.getByRole('heading', { level: 1, name: 'Walkthrough' })).toBeVisible({ timeout: 15_000 });
  const all = page.getByTestId('domain-progress').locator('li').last();
  await expect(all).toHaveText(/All: 0 of \d+/);
  const total = Number(/of (\d+)/.exec((await all.textContent()) ?? '')?.[1]);
  expect(total).toBeGreaterThanOrEqual(1500);
  // Only the chosen area's questions are on the page.
  const areaProgress = page.getByTestId('area-progress');
  const inArea = Number(/0 of (\d+)/.exec((await areaProgress.textContent()) ?? '')?.[1]);
  await expect(page.locator('.app-item')).toHaveCount(inArea);
  expect(inArea).toBeLessThan(40);
  await expectNoAxeViolations();

  // The second assessor answers: chosen once, recorded with each answer.
  await page.getByLabel('Answering as').selectOption({ label: 'Dr Ewan Hay (Clinical)' });
  await expect(page.getByTestId('answering-as')).toContainText('Dr Ewan Hay, Clinical');
  await page.getByRole('link', { name: 'Bedroom 3', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Bedroom 3' })).toBeVisible();
  const card = page.locator('.app-item').filter({ hasText: 'S05' }).first();
  await card.focus();
  await page.keyboard.press('n');
  await expect(card.locator('.app-save-saved')).toHaveText('Saved: No (by Dr Ewan Hay)');
  const stored = await api('answers.list', { assessmentId: assessment.id });
  expect(stored).toEqual([expect.objectContaining({ itemId: 'S05', value: 'no', assessorId: assessment.assessors[1]!.id })]);
  await expect.poll(() => focusedCard(page)).not.toContain('item-S05_');
  const next = await focusedCard(page);

  // Leave, and resume from the ward page: back on the question the key moved to, as the same assessor.
  await page.goto(`/#/wards/${ward.id}`);
  await page.getByRole('link', { name: 'Resume the draft assessment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Walkthrough' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('heading', { level: 2, name: 'Bedroom 3' })).toBeVisible();
  await expect.poll(() => focusedCard(page)).toBe(next);
  await expect(page.getByTestId('answering-as')).toContainText('Dr Ewan Hay, Clinical');
  await expect(all).toHaveText(/All: 1 of \d+/);
});
