import type { Locator, Page } from '@playwright/test';
import { answerAllViaApi, startAssessmentViaApi, type AnswerOverrides } from './assess-via-api';
import { expect, test, type Api } from './fixtures';

/** Starts an assessment of a ward and answers every item through the API, compliantly unless named. */
async function assessWard(api: Api, wardId: string, overrides: AnswerOverrides = {}) {
  const assessment = await startAssessmentViaApi(api, wardId);
  const assessorId = await answerAllViaApi(api, assessment.id, overrides);
  return { assessment, assessorId };
}

async function signOff(api: Api, assessmentId: string, signedOffBy: string) {
  await api('assessments.signOff', { assessmentId, signedOffBy });
}

async function makeWard(api: Api, siteId: string, name: string, beds: number, enSuites: number) {
  const ward = await api('wards.create', { siteId, name, type: 'adult_acute', bedCount: beds, sexDesignation: 'mixed' });
  for (const n of [1, 2]) await api('areas.create', { wardId: ward.id, type: 'bedroom', name: `Bedroom ${n}`, supervisionTier: 3 });
  for (let n = 1; n <= enSuites; n += 1) await api('areas.create', { wardId: ward.id, type: 'en_suite', name: `En-suite ${n}`, supervisionTier: 3 });
  return ward;
}

/**
 * Two sites of one board: North's ward is compliant; South's ward fails a critical item and has an
 * extreme ligature risk. Both are signed off. A third ward, at North, is still a draft: it counts
 * only when drafts are asked for.
 */
async function twoAssessedSites(api: Api) {
  const board = await api('boards.create', { name: 'NHS Glen Compare' });
  const north = await api('sites.create', { boardId: board.id, name: 'North Hospital' });
  const south = await api('sites.create', { boardId: board.id, name: 'South Hospital' });
  const birch = await makeWard(api, north.id, 'Birch Ward', 10, 2);
  const larch = await makeWard(api, south.id, 'Larch Ward', 12, 1);
  const cedar = await api('wards.create', { siteId: north.id, name: 'Cedar Ward', type: 'older_adult', bedCount: 8, sexDesignation: 'mixed' });
  await api('areas.create', { wardId: cedar.id, type: 'bedroom', name: 'Bedroom 1', supervisionTier: 3 });
  const birchDone = await assessWard(api, birch.id);
  await signOff(api, birchDone.assessment.id, birchDone.assessorId);
  await assessWard(api, cedar.id);
  const { assessment, assessorId } = await assessWard(api, larch.id, { Q03: { value: 'no', note: 'Fire door to the garden does not close' } });
  await api('ligaturePoints.create', {
    assessmentId: assessment.id,
    areaId: assessment.areas.find((a) => a.name === 'Bedroom 1')!.areaId,
    element: 'Door hinge',
    heightBand: 'above_head',
    tier: 3,
    description: 'Continuous hinge with a gap at the top',
    controls: [{ kind: 'electronic_detection', description: 'Door-top alarm, tested weekly' }],
    likelihoodBefore: 5,
    severityBefore: 5,
    likelihoodAfter: 5,
    severityAfter: 5,
    assessorId,
  });
  await signOff(api, assessment.id, assessorId);
  return { board };
}

function row(page: Page, name: string | RegExp): Locator {
  return page.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
}

test('compares two sites side by side and drills down from a red cell to the items and ligature points behind it', async ({ page, api, saveScreen, expectNoAxeViolations }) => {
  test.slow(); // two wards assessed through the API, five screens and their accessibility checks
  await twoAssessedSites(api);
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compare' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Boards side by side');
  await expect(row(page, /NHS Glen Compare/)).toContainText('Red 1');
  await expectNoAxeViolations();
  await saveScreen('compare-nation');

  // A ward-type filter with no match says so, and stays in the address; unticking brings the wards back.
  await page.getByLabel('Adult acute').check();
  await page.getByRole('button', { name: 'Show comparison' }).click();
  await expect(page).toHaveURL(/types=adult_acute/);
  await expect(page.getByLabel('Adult acute')).toBeChecked();
  await expect(row(page, /NHS Glen Compare/)).toContainText('2 wards, 22 beds');
  await page.getByLabel('Adult acute').uncheck();
  await page.getByRole('button', { name: 'Show comparison' }).click();
  await expect(page).not.toHaveURL(/types=/);

  // Signed-off work only, unless drafts are asked for; then a ward shown by its draft is labelled.
  await expect(row(page, /NHS Glen Compare/)).toContainText('2 wards, 22 beds');
  await page.getByLabel('Include drafts').check();
  await page.getByRole('button', { name: 'Show comparison' }).click();
  await expect(page).toHaveURL(/drafts=1/);
  await expect(row(page, /NHS Glen Compare/)).toContainText('3 wards (1 draft), 30 beds');
  await expect(page.locator('.nhsuk-summary-list')).toContainText('Signed off, or the draft where a ward has no signed-off assessment in the round (1 draft)');
  await expectNoAxeViolations();
  await page.getByLabel('Include drafts').uncheck();
  await page.getByRole('button', { name: 'Show comparison' }).click();
  await expect(page).not.toHaveURL(/drafts=/);
  await expect(page.locator('.nhsuk-summary-list')).toContainText('Signed off only (drafts are left out)');

  // The two sites of the board, side by side, for one round.
  await page.getByLabel('Compare', { exact: true }).selectOption({ label: 'Sites of NHS Glen Compare' });
  await page.getByLabel('Round').selectOption('2026/27');
  await page.getByRole('button', { name: 'Show comparison' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Sites of NHS Glen Compare');
  const north = row(page, /North Hospital/);
  const south = row(page, /South Hospital/);
  await expect(north).toContainText('1 ward, 10 beds');
  await expect(south).toContainText('1 ward, 12 beds');
  // Quality: North green at 100 %, South red (a critical item answered no) at 88/94 = 93.6 %.
  await expect(north.getByRole('cell').nth(0)).toContainText('Green 1');
  await expect(north.getByRole('cell').nth(0)).toContainText('median 100%');
  await expect(south.getByRole('cell').nth(0)).toContainText('Red 1');
  await expect(south.getByRole('cell').nth(0)).toContainText('median 93.6%');
  // Ligature: one extreme point over 12 beds = 0.8 per 10 beds. En-suite: 2 of 2 and 1 of 2 bedrooms.
  await expect(south.getByRole('cell').nth(3)).toContainText('1 high or extreme');
  await expect(south.getByRole('cell').nth(3)).toContainText('0.8 per 10 beds');
  await expect(north.getByRole('cell').nth(4)).toContainText('100%');
  await expect(south.getByRole('cell').nth(4)).toContainText('50%');
  await expect(page.getByRole('img', { name: /Quality: ward percentages by ward type/ })).toBeVisible();
  // Adult acute percentages 93.6 and 100: Q1 = 93.6 + 0.25 × 6.4 = 95.2, median 96.8, Q3 98.4.
  await page.getByText('Quality: the figures as a table').click();
  await expect(page.getByRole('table', { name: 'Quality: ward percentages by ward type' })).toContainText('93.6%95.2%96.8%98.4%100%');
  await expect(page.getByRole('table', { name: 'Ligature risk by ward type' })).toContainText('0.5');
  await page.getByText('Ligature points per 10 beds: the figures as a table').click();
  await expect(page.getByRole('table', { name: 'High and extreme residual ligature points per 10 beds' })).toContainText('0.8');
  await expectNoAxeViolations();
  await saveScreen('compare-two-sites');

  // From the red site cell to the site's wards, then (by keyboard) to the items behind the red ward cell.
  await south.getByRole('link', { name: /Show the wards behind Quality, South Hospital/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Wards of South Hospital');
  const larchQuality = row(page, /Larch Ward/).getByRole('link', { name: /Show the items behind Quality, Larch Ward/ });
  await expect(larchQuality).toContainText('Red');
  await larchQuality.focus();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1 })).toContainText('Quality: Larch Ward');
  await expect(page.getByText('Critical item Q03 answered no for the ward')).toBeVisible();
  const items = page.getByRole('table', { name: /Items that fell short or were not answered \(1\)/ });
  await expect(items).toContainText('Q03');
  await expect(items).toContainText('Not met');
  await expect(items).toContainText('Fire door to the garden does not close');
  await expectNoAxeViolations();
  await saveScreen('compare-drill-quality');

  // Back keeps the filters (the round chosen above), then the ligature cell shows the register.
  await page.getByRole('main').getByRole('link', { name: 'Back to the comparison' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Wards of South Hospital');
  await expect(page.getByLabel('Round')).toHaveValue('2026/27');
  await row(page, /Larch Ward/).getByRole('link', { name: /Show the ligature points behind Ligature risk, Larch Ward/ }).click();
  const points = page.getByRole('table', { name: /Ligature points, highest residual risk first \(1\)/ });
  await expect(points).toContainText('Door hinge');
  await expect(points).toContainText('Extreme');
  await expect(points).toContainText('5 × 5 = 25');
  await expect(points).toContainText('Door-top alarm, tested weekly');
  await expectNoAxeViolations();
  await saveScreen('compare-drill-ligature');
});
