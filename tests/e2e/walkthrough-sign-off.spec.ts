import { answerAllViaApi, startAssessmentViaApi } from './assess-via-api';
import { expect, test, type Api } from './fixtures';
import { tabTo } from './keys';
import { allSettled, answerFocused, focusedCard, integrityCheck, makeSmallWard, openWalkthrough } from './walkthrough-helpers';

// Sign-off is refused while a checklist is not complete enough, naming what is missing; the
// assessor follows the list back to the questions, finishes by keyboard, checks the action plan
// and ligature register, and signs off. The scores shown are the engine's, and the assessment is
// read-only afterwards.

/** A small ward's assessment answered through the API, with a ligature point and an overdue action, and the lounge's ligature prompts still to answer. */
async function nearlyFinishedAssessment(api: Api) {
  const { ward } = await makeSmallWard(api);
  const assessment = await startAssessmentViaApi(api, ward.id);
  const bedroom = assessment.areas.find((a) => a.name === 'Bedroom 1')!;
  const lounge = assessment.areas.find((a) => a.name === 'Lounge')!;
  const assessorId = await answerAllViaApi(api, assessment.id, { L01: { value: 'risk_present' } }, (item, areaId) => areaId === lounge.areaId && item.id.startsWith('L'));
  const point = await api('ligaturePoints.create', {
    assessmentId: assessment.id,
    areaId: bedroom.areaId,
    itemId: 'L01',
    element: 'Door hinges',
    heightBand: 'knee_to_head',
    tier: 3,
    description: 'Butt hinges on the bedroom door, patient side',
    controls: [{ kind: 'physical_modification', description: 'Door closer removed; hinges to be replaced' }],
    likelihoodBefore: 4,
    severityBefore: 5,
    likelihoodAfter: 4,
    severityAfter: 4,
    assessorId,
  });
  await api('actions.create', {
    assessmentId: assessment.id,
    ligaturePointId: point.id,
    type: 'replace',
    description: 'Replace with continuous anti-ligature hinges',
    owner: 'Estates manager',
    dueDate: '2026-11-01',
    priority: 'high',
    status: 'open',
  });
  return assessment;
}

test('sign-off is refused while answers are missing; the assessor finishes by keyboard, checks the plan and register, and signs off', async ({ page, api, server, saveScreen, expectNoAxeViolations }) => {
  test.slow(); // the longest story: five screens by keyboard and five accessibility checks
  const assessment = await nearlyFinishedAssessment(api);
  await openWalkthrough(page, assessment.id);
  const subnav = page.getByRole('navigation', { name: 'This assessment' });

  // ---- refused, with what is missing ---------------------------------------------------------
  await tabTo(page, subnav.getByRole('link', { name: 'Sign off' }), { back: true, limit: 80 });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign off the assessment' })).toBeFocused();
  await expect(page.getByTestId('missing-list').getByRole('link').first()).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Sign off', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.locator('.nhsuk-error-summary')).toBeFocused();
  await expect(page.locator('.nhsuk-error-summary')).toContainText('The assessment was not signed off');
  await saveScreen('walk-08-sign-off-refused');
  await expectNoAxeViolations();

  // Follow the first missing item back to its question.
  const firstMissing = page.getByTestId('missing-list').getByRole('link').first();
  const missingLabel = (await firstMissing.textContent()) ?? '';
  await tabTo(page, firstMissing, { back: true, limit: 80 }); // past the Team and Resolve links
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Walkthrough' })).toBeVisible();
  await expect.poll(() => focusedCard(page)).toContain(`item-${missingLabel.split(' ')[0]}`);

  // ---- finish every question by keyboard -------------------------------------------------------
  const everyAnswered = page.getByText('Every question has an answer');
  for (let guard = 0; guard < 60 && (await everyAnswered.count()) === 0; guard += 1) {
    const card = await focusedCard(page);
    if (card && (await page.locator(`#${card} .app-save-saved`).count()) === 0) {
      await answerFocused(page);
    } else {
      // On an answered question (or none): J goes to the next unanswered one.
      await page.keyboard.press('j');
      await expect.poll(async () => (await focusedCard(page)) !== card || (await everyAnswered.count()) > 0).toBe(true);
    }
  }
  await allSettled(page);
  await expect(page.getByTestId('domain-progress').locator('li').last()).toHaveText(/All: (\d+) of \1/);
  await expect(page.getByTestId('live-scores')).toBeVisible();
  await saveScreen('walk-09-all-answered');
  await expectNoAxeViolations();

  // J with nothing left to answer offers the way to sign-off.
  await page.keyboard.press('j');
  await expect(page.getByRole('link', { name: 'All answered: go to sign-off' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign off the assessment' })).toBeFocused();

  // ---- action plan and ligature register -----------------------------------------------------
  await tabTo(page, subnav.getByRole('link', { name: 'Action plan' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Action plan' })).toBeFocused();
  const row = page.getByRole('row', { name: /Replace with continuous anti-ligature hinges/ });
  await expect(row).toContainText('Overdue');
  await expect(row).toContainText('Ligature point: Door hinges in Bedroom 1');
  await saveScreen('walk-10-action-plan');
  await expectNoAxeViolations();
  await tabTo(page, subnav.getByRole('link', { name: 'Ligature register' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Ligature register' })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Door hinges' })).toBeVisible();
  await saveScreen('walk-11-ligature-register');
  await expectNoAxeViolations();

  // ---- sign-off -------------------------------------------------------------------------------
  await tabTo(page, subnav.getByRole('link', { name: 'Sign off' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign off the assessment' })).toBeFocused();
  await expect(page.getByText('The assessment can be signed off')).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Sign off', exact: true }));
  await page.keyboard.press('Enter');
  // Nothing is locked until the assessor has seen what they lock: the ratings with their reasons
  // (here the red gate of the door hinges) and the open actions.
  await expect(page.getByRole('heading', { name: 'Sign off and lock this assessment?' })).toBeFocused();
  const lockSummary = page.getByTestId('sign-off-summary');
  await expect(lockSummary).toContainText('Ligature risk: Red');
  await expect(lockSummary).toContainText('Door hinges: extreme residual risk');
  await expect(page.getByText('1 open action, 1 overdue')).toBeVisible();
  await saveScreen('walk-11b-sign-off-confirm');
  await expectNoAxeViolations();
  await tabTo(page, page.getByRole('button', { name: /Confirm and sign off as Morag Baird/ }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Signed off' })).toBeVisible();
  // The signed-off page offers the ward report.
  await expect(page.getByRole('button', { name: 'Download ward report (PDF)' })).toBeVisible();
  await expect(page.getByText(/Signed off on .* by Morag Baird/)).toBeVisible();

  // The scores shown are the scoring engine's.
  const engine = (await api('assessments.score', { id: assessment.id })).scores;
  const table = page.getByTestId('sign-off-scores');
  for (const domain of ['quality', 'safety', 'therapeutic'] as const) {
    const shown = table.locator(`tr[data-domain="${domain}"]`);
    await expect(shown.locator('[data-rating]')).toHaveAttribute('data-rating', engine[domain].rating);
    await expect(shown.locator('[data-percentage]')).toHaveAttribute('data-percentage', String(engine[domain].percentage));
  }
  await expect(table.locator('tr[data-domain="ligature"] [data-rating]')).toHaveAttribute('data-rating', engine.ligature.rating);
  expect(engine.ligature.summary.pointCount).toBe(1);
  await saveScreen('walk-12-signed-off');
  await expectNoAxeViolations();

  // Read-only from now on.
  await tabTo(page, subnav.getByRole('link', { name: 'Walkthrough' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('This assessment can no longer be changed')).toBeVisible();
  await expect(page.locator('.app-item input[type="radio"]').first()).toBeDisabled();
  expect(integrityCheck(server.dbFile)).toBe('ok');
});

test('the Sign off button never signs without the confirmation, even when the page last saw the assessment not ready', async ({ page, api }) => {
  const assessment = await nearlyFinishedAssessment(api);
  await openWalkthrough(page, assessment.id);
  await page.getByRole('navigation', { name: 'This assessment' }).getByRole('link', { name: 'Sign off' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign off the assessment' })).toBeVisible();
  await expect(page.getByTestId('missing-list').getByRole('link').first()).toBeVisible();

  // The lounge's prompts are answered elsewhere (another tab, a colleague's merged work) while
  // this page still shows them missing.
  const lounge = assessment.areas.find((a) => a.name === 'Lounge')!;
  await answerAllViaApi(api, assessment.id, {}, (_item, areaId) => areaId !== lounge.areaId);
  expect((await api('assessments.signOffCheck', { assessmentId: assessment.id })).ready).toBe(true);
  await expect(page.getByTestId('missing-list')).toBeVisible();

  await page.getByRole('button', { name: 'Sign off', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sign off and lock this assessment?' })).toBeFocused();
  expect((await api('assessments.get', { id: assessment.id })).status).toBe('draft');
  await page.getByRole('button', { name: 'Cancel' }).click();
  expect((await api('assessments.get', { id: assessment.id })).status).toBe('draft');
});
