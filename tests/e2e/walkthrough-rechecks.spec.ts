import { answerAllViaApi, startAssessmentViaApi } from './assess-via-api';
import { expect, test } from './fixtures';
import { tabTo } from './keys';
import { makeSmallWard } from './walkthrough-helpers';

// The next round of a ward starts from the last signed-off one: the same areas, no answers, and
// each of last round's ligature points and open actions put up for re-check (removed, still
// present or changed) before the new round can be signed off.

test('a new round copies the areas and puts last round’s ligature points and open actions up for re-check', async ({ page, api, saveScreen, expectNoAxeViolations }) => {
  test.slow(); // a signed-off round set up through the API, and three accessibility checks
  const { ward } = await makeSmallWard(api);
  const first = await startAssessmentViaApi(api, ward.id, { assessedOn: '2025-11-18', round: '2025/26' });
  await answerAllViaApi(api, first.id);
  const bedroom = first.areas.find((a) => a.name === 'Bedroom 1')!;
  const point = await api('ligaturePoints.create', {
    assessmentId: first.id,
    areaId: bedroom.areaId,
    itemId: 'L02',
    element: 'Curtain track',
    heightBand: 'above_head',
    tier: 3,
    description: 'Fixed curtain track over the window',
    controls: [{ kind: 'physical_modification', description: 'Load-release track fitted' }],
    likelihoodBefore: 4,
    severityBefore: 5,
    likelihoodAfter: 2,
    severityAfter: 5,
    assessorId: first.assessors[0]!.id,
  });
  await api('actions.create', { assessmentId: first.id, ligaturePointId: point.id, type: 'replace', description: 'Test the load-release track', owner: 'Estates', dueDate: '2026-03-31', priority: 'medium', status: 'open' });
  await api('assessments.signOff', { assessmentId: first.id, signedOffBy: first.assessors[0]!.id });

  await page.goto(`/#/wards/${ward.id}`);
  await expect(page.getByRole('row', { name: /2025\/26/ })).toContainText('Signed off');
  await page.getByRole('link', { name: 'Start an assessment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Start an assessment' })).toBeVisible();
  await expect(page.getByText(/The last round \(2025\/26/)).toBeVisible();
  const form = page.getByRole('form', { name: 'Start an assessment' });
  await form.getByLabel('Date of the assessment').fill('2026-11-20');
  await form.getByLabel('Round').fill('2026/27');
  await form.getByRole('radio', { name: 'Unannounced' }).check();
  await form.getByLabel('Assessor 1: name').fill('Ali Reid');
  await saveScreen('walk-22-new-round-start');
  await expectNoAxeViolations();
  await form.getByRole('button', { name: 'Start the walkthrough' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Walkthrough' })).toBeVisible();

  const [latest] = (await api('assessments.listForWard', { wardId: ward.id })).filter((a) => a.status === 'draft');
  expect(latest!.previousAssessmentId).toBe(first.id);
  expect(latest!.areas.map((a) => a.name)).toEqual(first.areas.map((a) => a.name));
  expect(await api('answers.list', { assessmentId: latest!.id })).toEqual([]);

  const subnav = page.getByRole('navigation', { name: 'This assessment' });
  // The walkthrough says there are re-checks to decide, with the way there.
  await tabTo(page, page.getByRole('link', { name: '2 re-checks from the last round to decide' }), { back: true });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Re-checks from the last round' })).toBeFocused();
  await expect(page.getByText('2 to re-check, 2 still to decide')).toBeVisible();
  await expectNoAxeViolations();

  // The point first (its action is copied onto this round's copy of the point), by keyboard.
  const pointRow = page.locator('.app-panel').filter({ hasText: 'Ligature point: ' });
  await tabTo(page, pointRow.getByRole('radio', { name: 'Removed' }));
  await page.keyboard.press('ArrowRight');
  await expect(pointRow.getByRole('radio', { name: 'Still present' })).toBeChecked();
  await tabTo(page, pointRow.getByLabel('Note (optional)'));
  await page.keyboard.type('Track still in place; tested');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(pointRow.getByText('Decided: Still present')).toBeVisible();
  const actionRow = page.locator('.app-panel').filter({ hasText: 'Action: ' });
  await actionRow.getByRole('radio', { name: 'Changed' }).check();
  await actionRow.getByRole('button', { name: /Save the re-check/ }).click();
  await expect(actionRow.getByText('Decided: Changed')).toBeVisible();
  await expect(page.getByText('2 to re-check, 0 still to decide')).toBeVisible();
  await saveScreen('walk-23-rechecks');
  await expectNoAxeViolations();

  const rechecks = await api('rechecks.list', { assessmentId: latest!.id });
  expect(rechecks.map((r) => [r.subject, r.outcome])).toEqual([
    ['ligature_point', 'still_present'],
    ['action', 'changed'],
  ]);
  const history = await api('ligaturePoints.history', { lineageId: point.lineageId });
  expect(history.map((h) => [h.assessment.round, h.point?.element ?? null])).toEqual([
    ['2025/26', 'Curtain track'],
    ['2026/27', 'Curtain track'],
  ]);
  // The carried point is in this round's register.
  await subnav.getByRole('link', { name: 'Ligature register' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ligature register' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Curtain track', exact: true })).toBeVisible();
});
