import { startAssessmentViaApi } from './assess-via-api';
import { expect, test } from './fixtures';
import { tabTo } from './keys';
import { focusedCard, makePng, makeSmallWard, openWalkthrough } from './walkthrough-helpers';

// "Risk present" on a ligature prompt opens the ligature register form: the tier's likelihood
// floor and the "staff vigilance alone" rule are shown as the assessor types, and a ward-level
// prompt's point is recorded in the area where it is.

test('a ligature point is recorded by keyboard: raised to the tier’s floor, warned of staff vigilance alone, then kept with its action and a photo', async ({ page, api, saveScreen, expectNoAxeViolations }) => {
  test.slow(); // the whole ligature form by keyboard, twice, and two accessibility checks
  const { ward } = await makeSmallWard(api);
  const assessment = await startAssessmentViaApi(api, ward.id);
  const bedroom = assessment.areas.find((a) => a.name === 'Bedroom 1')!;
  // The bedroom's first ligature prompt, by its address (as the sign-off's list of missing answers links to it).
  await page.goto(`/#/assessments/${assessment.id}/areas/${bedroom.areaId}/items/${encodeURIComponent(`L01@${bedroom.areaId}`)}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Bedroom 1' })).toBeVisible();
  await expect.poll(() => focusedCard(page)).toBe(`item-L01_${bedroom.areaId}`);

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
  const [point] = await api('ligaturePoints.list', { assessmentId: assessment.id });
  expect(point).toMatchObject({ itemId: 'L01', element: 'Door hinges', heightBand: 'knee_to_head', tier: 3, likelihoodBefore: 3, severityBefore: 5 });

  // A photo of the ligature point (picked from disk), stripped of its metadata.
  await expect(l01.locator('.app-point').getByText('No person may appear in a photo')).toBeVisible();
  await l01.getByLabel(/Add a photo of ligature point Door hinges/).setInputFiles({ name: 'hinges.png', mimeType: 'image/png', buffer: makePng() });
  await expect(l01.getByText(/Photo saved: hinges.png\. Removed from the file: .*tEXt/)).toBeVisible();
  await expect(l01.getByRole('img', { name: /Photo 1 of ligature point Door hinges/ })).toBeVisible();
  await saveScreen('walk-05-ligature-point-recorded');
  await expectNoAxeViolations();
});

test('a ward-level ligature prompt records its point in the chosen area, and sign-off warns until it is recorded', async ({ page, api, expectNoAxeViolations }) => {
  test.slow(); // the ligature form, sign-off twice and two accessibility checks
  const { ward } = await makeSmallWard(api);
  const assessment = await startAssessmentViaApi(api, ward.id);
  await openWalkthrough(page, assessment.id, 'ward');
  await expect(page.getByRole('heading', { level: 2, name: 'Whole ward' })).toBeVisible();

  const wardPrompt = page.locator('.app-item').filter({ hasText: 'L14' });
  await wardPrompt.focus();
  await page.keyboard.press('r');
  await expect(wardPrompt.locator('.app-save-saved')).toContainText('Risk present');

  // Until the point is recorded, sign-off warns of a risk with no point, and links back to it.
  await page.getByRole('navigation', { name: 'This assessment' }).getByRole('link', { name: 'Sign off' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign off the assessment' })).toBeVisible();
  await expect(page.getByText('Risk present, but no ligature point recorded')).toBeVisible();
  await expectNoAxeViolations();
  await page.getByTestId('risk-without-point').getByRole('link', { name: 'L14 in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Walkthrough' })).toBeVisible();
  await expect.poll(() => focusedCard(page)).toBe('item-L14_ward');

  await wardPrompt.getByRole('button', { name: /Record a ligature point/ }).click();
  const wardPoint = wardPrompt.getByRole('form', { name: /Record a ligature point/ });
  await wardPoint.getByRole('button', { name: 'Record ligature point' }).click();
  await expect(wardPoint.locator('.nhsuk-error-summary')).toContainText('Choose the area where the point is');
  await wardPoint.getByLabel('Area where the point is').selectOption({ label: 'Lounge (tier 2)' });
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
  await expect(wardPrompt.locator('.app-point')).toContainText('Handrail · Lounge');
  const points = await api('ligaturePoints.list', { assessmentId: assessment.id });
  expect(points.map((p) => [p.itemId, p.element, p.tier, assessment.areas.find((a) => a.areaId === p.areaId)?.name])).toEqual([['L14', 'Handrail', 2, 'Lounge']]);

  await page.getByRole('navigation', { name: 'This assessment' }).getByRole('link', { name: 'Sign off' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign off the assessment' })).toBeVisible();
  await expect(page.getByText('Risk present, but no ligature point recorded')).toHaveCount(0);
});
