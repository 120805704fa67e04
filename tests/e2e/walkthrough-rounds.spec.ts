import { answerAllViaApi } from './assess-via-api';
import { expect, test } from './fixtures';
import { focusedCard, makePng, makeSmallWard, tabTo } from './walkthrough-helpers';

test('a large ward shows one area at a time; a "no" gets an action; an area is added on the spot; resume returns to the same question', async ({ page, api, saveScreen, expectNoAxeViolations }) => {
  test.setTimeout(120_000);
  const areas: { name: string; type: 'bedroom' | 'en_suite' | 'lounge'; tier: 1 | 2 | 3 }[] = [];
  for (let i = 1; i <= 46; i += 1) areas.push({ name: `Bedroom ${i}`, type: 'bedroom', tier: 3 }, { name: `En-suite ${i}`, type: 'en_suite', tier: 3 });
  for (let i = 1; i <= 7; i += 1) areas.push({ name: `Lounge ${i}`, type: 'lounge', tier: 2 });
  const { ward } = await makeSmallWard(api, areas);
  const assessment = await api('assessments.start', {
    wardId: ward.id,
    assessedOn: '2026-11-20',
    round: '2026/27',
    announced: false,
    assessors: [
      { name: 'Morag Baird', role: 'estates' },
      { name: 'Dr Ewan Hay', role: 'clinical' },
    ],
  });

  await page.goto(`/#/wards/${ward.id}`);
  await tabTo(page, page.getByRole('link', { name: 'Resume the draft assessment' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Walkthrough' })).toBeVisible();
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

  // Go to Bedroom 3, answer a safety question "no" with the N key and add an action to it.
  await page.getByRole('link', { name: 'Bedroom 3', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Bedroom 3' })).toBeVisible();
  const card = page.locator('.app-item').filter({ hasText: 'S05' }).first();
  await card.focus();
  await page.keyboard.press('n');
  await expect(card.locator('.app-save-saved')).toHaveText('Saved: No (by Dr Ewan Hay)');
  await card.getByRole('button', { name: /Add an action/ }).click();
  const actionForm = card.getByRole('form', { name: 'Add an action' });
  await expect(actionForm.getByLabel('What needs doing')).toBeFocused();
  await page.keyboard.type('Fit a door-top alarm');
  await actionForm.getByLabel('Owner').fill('Charge nurse');
  await actionForm.getByLabel('Due date (optional)').fill('2027-02-28');
  await actionForm.getByLabel('Priority').selectOption('high');
  await actionForm.getByRole('button', { name: 'Add action' }).click();
  await expect(card).toContainText('Fit a door-top alarm — Charge nurse, due 2027-02-28, High priority, Open');
  const stored = await api('answers.list', { assessmentId: assessment.id });
  expect(stored).toEqual([expect.objectContaining({ itemId: 'S05', value: 'no', assessorId: assessment.assessors[1]!.id })]);
  // A note is saved with the answer when the assessor leaves the box.
  await card.getByText('Note', { exact: true }).click();
  await card.getByLabel(/Note on S05 in Bedroom 3/).fill('Door-top alarm missing');
  await card.getByLabel(/Note on S05 in Bedroom 3/).blur();
  await expect(card.locator('.app-save-saved')).toBeVisible();
  await expect.poll(async () => (await api('answers.list', { assessmentId: assessment.id }))[0]?.note).toBe('Door-top alarm missing');
  // A photo of the answer.
  await card.getByText('Photos (0)').click();
  await card.getByLabel(/Add a photo of S05 in Bedroom 3/).setInputFiles({ name: 'door.png', mimeType: 'image/png', buffer: makePng(64, 40) });
  await expect(card.getByRole('img', { name: 'Photo 1 of S05 in Bedroom 3' })).toBeVisible();
  const photos = await api('photos.list', { assessmentId: assessment.id, answerId: stored[0]!.id });
  expect(photos).toHaveLength(1);
  expect(photos[0]).toMatchObject({ mimeType: 'image/png', width: 64, height: 40 });
  await saveScreen('walk-20-large-ward-action');
  await expectNoAxeViolations();

  // The action plan lists it with what it is about; its status can be changed there.
  await page.getByRole('navigation', { name: 'This assessment' }).getByRole('link', { name: 'Action plan' }).click();
  const row = page.getByRole('row', { name: /Fit a door-top alarm/ });
  await expect(row).toContainText('S05 in Bedroom 3');
  await expect(row).not.toContainText('Overdue');
  await row.getByRole('button', { name: /Change/ }).click();
  const edit = page.getByRole('form', { name: 'Change the action' });
  await edit.getByLabel('Status').selectOption('on_track');
  await expectNoAxeViolations();
  await edit.getByRole('button', { name: 'Save action' }).click();
  await expect(row).toContainText('On track');
  await row.getByRole('link', { name: 'S05 in Bedroom 3' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Bedroom 3' })).toBeVisible();
  await expect.poll(() => focusedCard(page)).toContain('item-S05_');

  // A ward-level ligature prompt answered "risk present": the point is recorded in a chosen area.
  await page.getByRole('link', { name: 'Whole ward', exact: true }).click();
  const wardPrompt = page.locator('.app-item').filter({ hasText: 'L14' });
  await wardPrompt.focus();
  await page.keyboard.press('r');
  await expect(wardPrompt.locator('.app-save-saved')).toContainText('Risk present');
  await wardPrompt.getByRole('button', { name: /Record a ligature point/ }).click();
  const wardPoint = wardPrompt.getByRole('form', { name: /Record a ligature point/ });
  // Until the point is recorded, sign-off warns of a risk with no point.
  await page.getByRole('navigation', { name: 'This assessment' }).getByRole('link', { name: 'Sign off' }).click();
  await expect(page.getByText('Risk present, but no ligature point recorded')).toBeVisible();
  await expectNoAxeViolations();
  await page.getByTestId('risk-without-point').getByRole('link', { name: 'L14 in' }).click();
  await expect.poll(() => focusedCard(page)).toBe('item-L14_ward');
  await wardPrompt.getByRole('button', { name: /Record a ligature point/ }).click();
  await wardPoint.getByRole('button', { name: 'Record ligature point' }).click();
  await expect(wardPoint.locator('.nhsuk-error-summary')).toContainText('Choose the area where the point is');
  await wardPoint.getByLabel('Area where the point is').selectOption({ label: 'Lounge 2 (tier 2)' });
  await expect(wardPoint.getByRole('radio', { name: /^Tier 2/ })).toBeChecked();
  await wardPoint.getByLabel('Fitting or element').fill('Handrail');
  await wardPoint.getByRole('radio', { name: 'Knee to head height' }).check();
  await wardPoint.getByLabel('Description').fill('Open-backed handrail by the lounge door');
  await wardPoint.getByLabel('Likelihood before controls').selectOption('3');
  await wardPoint.getByLabel('Severity before controls').selectOption('4');
  await wardPoint.getByRole('button', { name: 'Add a control' }).click();
  await wardPoint.getByLabel('Control 1: kind').selectOption('access_restriction');
  await wardPoint.getByLabel('Control 1: what it is').fill('Lounge locked unless staff are present');
  await wardPoint.getByLabel('Likelihood after controls').selectOption('1');
  await wardPoint.getByLabel('Severity after controls').selectOption('4');
  await wardPoint.getByLabel('Record the action for this point now').uncheck();
  await expectNoAxeViolations();
  await wardPoint.getByRole('button', { name: 'Record ligature point' }).click();
  await expect(wardPrompt.locator('.app-point')).toContainText('Handrail · Lounge 2');
  const points = await api('ligaturePoints.list', { assessmentId: assessment.id });
  expect(points.map((p) => [p.itemId, p.element, p.tier])).toEqual([['L14', 'Handrail', 2]]);

  // Add an area the register missed; the walkthrough goes to it.
  await page.getByText('Add an area on the spot').click();
  const addArea = page.getByRole('form', { name: 'Add an area on the spot' });
  await addArea.getByLabel('Area type').selectOption({ label: 'Bedroom' });
  await addArea.getByLabel('Area name').fill('Bedroom 47');
  await addArea.getByRole('button', { name: 'Add area to this assessment' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Bedroom 47' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Bedroom 47', exact: true })).toHaveAttribute('aria-current', 'location');
  expect((await api('assessments.get', { id: assessment.id })).areas.map((a) => a.name)).toContain('Bedroom 47');

  // Its first question has focus: answer it (focus moves on), leave, and resume from the ward page.
  const newArea = (await api('assessments.get', { id: assessment.id })).areas.find((a) => a.name === 'Bedroom 47')!;
  await expect.poll(() => focusedCard(page)).toBe(`item-Q10_${newArea.areaId}`);
  await page.keyboard.press('1');
  await expect(page.locator('.app-item').first().locator('.app-save-saved')).toBeVisible();
  await expect.poll(() => focusedCard(page)).not.toBe(`item-Q10_${newArea.areaId}`);
  const next = await focusedCard(page);
  expect(next).toContain(newArea.areaId);
  await page.goto(`/#/wards/${ward.id}`);
  await page.getByRole('link', { name: 'Resume the draft assessment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Walkthrough' })).toBeVisible();
  await expect.poll(() => focusedCard(page)).toBe(next);
  await saveScreen('walk-21-resumed');
});

test('a new round copies the areas and puts last round’s ligature points and open actions up for re-check', async ({ page, api, saveScreen, expectNoAxeViolations }) => {
  test.setTimeout(120_000);
  const { ward } = await makeSmallWard(api);
  const first = await api('assessments.start', { wardId: ward.id, assessedOn: '2025-11-18', round: '2025/26', announced: true, assessors: [{ name: 'Morag Baird', role: 'estates' }] });
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
  await expect(page.getByRole('heading', { name: 'Curtain track' })).toBeVisible();
});
