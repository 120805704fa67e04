import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { focusedCard, integrityCheck, makePng, makeSmallWard, tabTo } from './walkthrough-helpers';

// An assessor walks a small ward by keyboard alone: start, answer all four domains, record a
// ligature point with its action and a photo, survive the server being killed, sign off.

/** Answers the focused question with its first choice (or a number), then focus moves on. */
async function answerFocused(page: Page): Promise<string | null> {
  const card = await focusedCard(page);
  if (!card) return null;
  const number = page.locator(`#${card}-number`);
  if (await number.count()) {
    await tabTo(page, number);
    // Q06 (single rooms) and Q07: the compliant end of their range.
    await page.keyboard.type(card.startsWith('item-Q06') ? '100' : '0');
    await page.keyboard.press('Enter');
  } else {
    await page.keyboard.press('1');
  }
  return card;
}

/** Waits until no question on screen is saving, and none failed. */
async function allSettled(page: Page) {
  await expect(page.locator('.app-save-saving')).toHaveCount(0);
  await expect(page.locator('.app-item .app-save-failed')).toHaveCount(0);
}

test('an assessor walks a small ward by keyboard, survives a SIGKILL of the server, and signs off', async ({ page, api, server, saveScreen, expectNoAxeViolations }) => {
  test.setTimeout(180_000);
  const { ward } = await makeSmallWard(api);

  // ---- the ward page: start an assessment -----------------------------------------------
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

  // ---- the walkthrough ------------------------------------------------------------------
  await expect(page.getByRole('heading', { level: 1, name: 'Walkthrough' })).toBeVisible();
  const [assessment] = await api('assessments.listForWard', { wardId: ward.id });
  if (!assessment) throw new Error('The assessment was not started');
  expect(assessment).toMatchObject({ round: '2026/27', assessedOn: '2026-11-20', announced: true });
  expect(assessment.assessors.map((a) => [a.name, a.role])).toEqual([
    ['Morag Baird', 'estates'],
    ['Ali Reid', 'lay'],
  ]);
  // The first unanswered question has focus, in the first area.
  await expect(page.getByRole('heading', { level: 2, name: 'Bedroom 1' })).toBeVisible();
  expect(await focusedCard(page)).toBe('item-Q10_' + assessment.areas[0]!.areaId.replace(/[^A-Za-z0-9_-]/g, '_'));
  await expect(page.getByTestId('answering-as')).toContainText('Morag Baird, Estates');
  await saveScreen('walk-03-walkthrough-start');
  await expectNoAxeViolations();

  // Answer by key until the first ligature prompt of the bedroom.
  for (;;) {
    const card = await focusedCard(page);
    if (!card) throw new Error('No question has focus');
    if (card.startsWith('item-L01')) break;
    await answerFocused(page);
  }
  // L01: risk present ("R"), then record the ligature point from the keyboard.
  const l01 = page.locator('.app-item').filter({ has: page.getByRole('heading', { name: /bedroom door or its fittings/ }) });
  await page.keyboard.press('r');
  await expect(l01.getByRole('radio', { name: /Risk present/ })).toBeChecked();
  await expect(l01.locator('.app-save-saved')).toContainText('Saved: Risk present (by Morag Baird)');
  await tabTo(page, l01.getByRole('button', { name: /Record a ligature point/ }));
  await page.keyboard.press('Enter');
  const pointForm = l01.getByRole('form', { name: /Record a ligature point in Bedroom 1/ });
  await expect(pointForm.getByLabel('Fitting or element')).toBeFocused();
  await page.keyboard.type('Door hinges');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown'); // height band: knee to head
  await expect(pointForm.getByRole('radio', { name: 'Knee to head height' })).toBeChecked();
  await tabTo(page, pointForm.getByLabel('Description'));
  await page.keyboard.type('Butt hinges on the bedroom door, patient side');
  await tabTo(page, pointForm.getByRole('button', { name: 'Add a control' }));
  await page.keyboard.press('Enter');
  await tabTo(page, pointForm.getByLabel('Control 1: kind'), { back: true });
  await page.keyboard.type('Staff');
  await expect(pointForm.getByLabel('Control 1: kind')).toHaveValue('staff_vigilance');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Hourly observation');
  // Likelihood 3 before controls is below the tier 3 floor (4): raised to it, and the form says so.
  await tabTo(page, pointForm.getByLabel('Likelihood before controls'));
  await page.keyboard.type('3');
  await page.keyboard.press('Tab');
  await page.keyboard.type('5');
  await page.keyboard.press('Tab');
  await page.keyboard.type('4');
  await page.keyboard.press('Tab');
  await page.keyboard.type('4');
  await expect(pointForm.getByTestId('inherent-risk')).toHaveText('Inherent risk: 4 × 5 = 20 (extreme), likelihood raised to the tier 3 floor of 4');
  // Staff vigilance alone for an extreme risk is recorded as found, with a warning that it makes the ward red.
  await expect(pointForm.getByTestId('residual-risk')).toHaveText('Residual risk: 4 × 4 = 16 (extreme)');
  await expect(pointForm.getByTestId('vigilance-warning')).toContainText('This point makes the ward red');
  await tabTo(page, pointForm.getByLabel('What needs doing'));
  await page.keyboard.type('Replace with continuous anti-ligature hinges');
  await tabTo(page, pointForm.getByLabel('Owner'));
  await page.keyboard.type('Estates manager');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2026-11-01');
  await saveScreen('walk-04-ligature-point-floor-and-warning');
  await expectNoAxeViolations();

  // A documented physical control instead: the warning goes, and the point is recorded.
  await tabTo(page, pointForm.getByLabel('Control 1: kind'), { back: true });
  await page.keyboard.type('Phys');
  await expect(pointForm.getByLabel('Control 1: kind')).toHaveValue('physical_modification');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Door closer removed; hinges to be replaced');
  await expect(pointForm.getByTestId('vigilance-warning')).toHaveCount(0);
  await expect(pointForm.getByTestId('residual-risk')).toHaveText('Residual risk: 4 × 4 = 16 (extreme)');
  await tabTo(page, pointForm.getByRole('button', { name: 'Record ligature point' }));
  await page.keyboard.press('Enter');
  await expect(l01.locator('.app-point strong', { hasText: 'Door hinges' })).toBeVisible();
  await expect(l01).toContainText('Action: Replace with continuous anti-ligature hinges — Estates manager, 2026-11-01, Open');
  await expect(l01).toBeFocused();

  // A photo of the ligature point (picked from disk).
  await expect(l01.locator('.app-point').getByText('No person may appear in a photo')).toBeVisible();
  await l01.getByLabel(/Add a photo of ligature point Door hinges/).setInputFiles({ name: 'hinges.png', mimeType: 'image/png', buffer: makePng() });
  await expect(l01.getByText(/Photo saved: hinges.png\. Removed from the file: .*tEXt/)).toBeVisible();
  await expect(l01.getByRole('img', { name: /Photo 1 of ligature point Door hinges/ })).toBeVisible();
  await saveScreen('walk-05-ligature-point-recorded');
  await expectNoAxeViolations();

  // Back to the question and on with the keys.
  await l01.focus();
  await page.keyboard.press('j');
  for (let i = 0; i < 8; i += 1) await answerFocused(page);
  await allSettled(page);

  // A save that cannot reach the server says so, with a retry; "Saved" only once it is stored.
  await page.route('**/rpc/answers.record', (route) => route.abort('connectionrefused'));
  const failingCard = await answerFocused(page);
  const failing = page.locator(`#${failingCard}`);
  await expect(failing.locator('.app-save-failed')).toContainText('Not saved.');
  await expect(failing.locator('.app-save-saved')).toHaveCount(0);
  await expect(page.getByRole('alert').filter({ hasText: '1 answer is not saved' })).toBeVisible();
  await saveScreen('walk-06-save-failed');
  await page.unroute('**/rpc/answers.record');
  await failing.getByRole('button', { name: 'Try again' }).focus();
  await page.keyboard.press('Enter');
  await expect(failing.locator('.app-save-saved')).toBeVisible();
  await expect(page.getByText('1 answer is not saved')).toHaveCount(0);
  await failing.focus();
  await page.keyboard.press('j');
  for (let i = 0; i < 4; i += 1) await answerFocused(page);
  await allSettled(page);

  // ---- the server is killed mid-walkthrough --------------------------------------------------
  const progress = page.getByTestId('domain-progress');
  const allBefore = (await progress.locator('li').last().textContent()) ?? '';
  const answeredBefore = Number(/All: (\d+) of/.exec(allBefore)?.[1]);
  expect(answeredBefore).toBeGreaterThan(15);
  const shownSaved = await page.locator('.app-item').evaluateAll((cards) =>
    cards.filter((c) => c.querySelector('.app-save-saved')).map((c) => ({ id: c.id, text: c.querySelector('.app-save-saved')?.textContent ?? '' })),
  );
  const placeBefore = await focusedCard(page);
  // The next answer is on its way when the server dies: it may or may not be stored, but it was
  // never shown as saved, so nothing shown as saved may be missing afterwards.
  await page.keyboard.press('1');
  await expect.poll(() => focusedCard(page)).not.toBe(placeBefore);
  const placeAtKill = await focusedCard(page);
  await server.restart({ kill: true });
  expect(integrityCheck(server.dbFile)).toBe('ok');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Walkthrough' })).toBeVisible();
  const stored = await api('answers.list', { assessmentId: assessment.id });
  expect(stored.length).toBeGreaterThanOrEqual(answeredBefore);
  expect(stored.length).toBeLessThanOrEqual(answeredBefore + 1);
  for (const { id, text } of shownSaved) await expect(page.locator(`#${id} .app-save-saved`)).toHaveText(text);
  // Resumed exactly where the assessor was: on the question the last key moved to.
  await expect.poll(() => focusedCard(page)).toBe(placeAtKill);
  await saveScreen('walk-07-after-restart');

  // ---- sign-off is refused while answers are missing ----------------------------------------
  await tabTo(page, page.getByRole('navigation', { name: 'This assessment' }).getByRole('link', { name: 'Sign off' }), { back: true, limit: 80 });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign off the assessment' })).toBeFocused();
  await expect(page.getByTestId('missing-list').getByRole('link').first()).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Sign off' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('.nhsuk-error-summary')).toBeFocused();
  await expect(page.locator('.nhsuk-error-summary')).toContainText('The assessment was not signed off');
  await saveScreen('walk-08-sign-off-refused');
  await expectNoAxeViolations();
  // Follow the first missing item back to its question.
  const firstMissing = page.getByTestId('missing-list').getByRole('link').first();
  const missingLabel = (await firstMissing.textContent()) ?? '';
  await tabTo(page, firstMissing, { back: true, limit: 80 });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Walkthrough' })).toBeVisible();
  await expect.poll(() => focusedCard(page)).toContain(`item-${missingLabel.split(' ')[0]}`);

  // ---- finish every question by keyboard ----------------------------------------------------
  for (let guard = 0; guard < 200; guard += 1) {
    const done = await page.getByText('Every question has an answer').count();
    if (done) break;
    if (!(await focusedCard(page))) await page.keyboard.press('j');
    else await answerFocused(page);
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
  const subnav = page.getByRole('navigation', { name: 'This assessment' });
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

  // ---- sign-off -----------------------------------------------------------------------------
  await tabTo(page, subnav.getByRole('link', { name: 'Sign off' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign off the assessment' })).toBeFocused();
  await expect(page.getByText('The assessment can be signed off')).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Sign off' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Signed off' })).toBeVisible();
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
