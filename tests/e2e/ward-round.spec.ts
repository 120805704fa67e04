import type { Page } from '@playwright/test';
import { answerAllViaApi } from './assess-via-api';
import { expect, test, type Api } from './fixtures';
import { focusedCard, makeSmallWard } from './walkthrough-helpers';

// The ward round as it really goes: rooms of one design filled from a sample room and checked for
// what differs (copied ligature points confirmed room by room), a room walked with nothing found
// marked in one go, either undone; the assessor's own route; reasons beside every rating.

const ROOMS = [
  { name: 'Bedroom 1', type: 'bedroom' as const, tier: 3 as const },
  { name: 'Bedroom 2', type: 'bedroom' as const, tier: 3 as const },
  { name: 'Bedroom 3', type: 'bedroom' as const, tier: 3 as const },
  { name: 'Lounge', type: 'lounge' as const, tier: 2 as const },
];

async function startRound(api: Api, { assessedOn, round } = { assessedOn: '2026-11-20', round: '2026/27' }) {
  const { ward } = await makeSmallWard(api, ROOMS);
  const assessment = await api('assessments.start', { wardId: ward.id, assessedOn, round, announced: true, assessors: [{ name: 'Morag Baird', role: 'estates' }] });
  const area = (name: string) => assessment.areas.find((a) => a.name === name)!.areaId;
  return { ward, assessment, area, assessorId: assessment.assessors[0]!.id };
}

const card = (page: Page, itemId: string) => page.locator('.app-item').filter({ has: page.getByText(new RegExp(`^${itemId} ·`)) });

test('rooms of one design are filled from a sample room, copied ligature points are confirmed room by room, and a fill can be undone', async ({ page, api, saveScreen, expectNoAxeViolations }) => {
  test.slow(); // a story of many steps: a fill, its copied points confirmed or refused room by room, sign-off waiting, an undo
  const { assessment, area, assessorId } = await startRound(api);
  // Bedroom 1 walked in full: its door (L01) has a ligature point.
  await answerAllViaApi(api, assessment.id, { L01: { value: 'risk_present' } }, (_item, areaId) => areaId !== area('Bedroom 1'));
  await api('ligaturePoints.create', {
    assessmentId: assessment.id, areaId: area('Bedroom 1'), itemId: 'L01', element: 'Door closer', heightBand: 'above_head', tier: 3, description: 'Overhead closer arm',
    controls: [{ kind: 'electronic_detection', description: 'Door-top alarm, tested weekly' }], likelihoodBefore: 4, severityBefore: 5, likelihoodAfter: 2, severityAfter: 5, assessorId,
  });

  await page.goto(`/#/assessments/${assessment.id}/areas/${area('Bedroom 1')}`);
  await expect(page.getByRole('heading', { level: 2, name: /^Bedroom 1/ })).toBeVisible();
  await page.getByRole('button', { name: 'Use as the sample room for other bedrooms' }).click();
  const dialog = page.getByRole('region', { name: 'Fill from Bedroom 1, the sample room' });
  await expect(dialog.getByRole('heading', { name: 'Fill from Bedroom 1, the sample room' })).toBeFocused();
  await expect(dialog.getByRole('checkbox', { name: /Bedroom 2/ })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: /Bedroom 3/ })).toBeChecked();
  await expect(dialog.getByTestId('copy-plan')).toContainText(/^\d+ answers will be copied\. Bedroom 1 has “Risk present” at L01: its ligature points are copied into each area filled, and each copy must be confirmed in its own room before sign-off\.$/);
  await saveScreen('ward-round-01-sample-room-confirm');
  await expectNoAxeViolations();
  await dialog.getByRole('button', { name: 'Fill 2 areas from Bedroom 1' }).click();
  await expect(page.getByText(/Filled 2 areas from Bedroom 1: \d+ answers, 2 ligature points to confirm\./)).toBeVisible();

  // Bedroom 2: assessed "as Bedroom 1"; every answer shows where it came from until touched.
  await page.getByRole('navigation', { name: 'Areas in walking order' }).getByRole('link', { name: 'Bedroom 2' }).click();
  await expect(page.getByTestId('area-progress')).toContainText('as Bedroom 1');
  const firstCopied = page.locator('.app-item').first();
  await expect(firstCopied.getByTestId('provenance')).toContainText('Copied from Bedroom 1: answer it again to confirm or change it.');
  const l01 = card(page, 'L01');
  await expect(l01.getByRole('radio', { name: /Risk present/ })).toBeChecked();
  const copied = l01.getByTestId('ligature-point');
  await expect(copied).toContainText('To confirm Copied from Bedroom 1.');
  await saveScreen('ward-round-02-copied-room');
  await expectNoAxeViolations();
  // The assessor checks the door: the closer is there.
  await copied.getByRole('button', { name: /It is here/ }).click();
  await expect(copied).not.toContainText('To confirm');
  // A copied answer answered again by key becomes the assessor's own.
  await firstCopied.focus();
  await page.keyboard.press('3');
  await expect(firstCopied.locator('.app-save-saved')).toContainText('Saved: No');
  await expect(firstCopied.getByTestId('provenance')).toHaveCount(0);

  // Sign-off waits for Bedroom 3's copy.
  const check = await api('assessments.signOffCheck', { assessmentId: assessment.id });
  expect(check.pointsToConfirm.map((p) => `${p.element} in ${p.areaName} from ${p.sourceAreaName}`)).toEqual(['Door closer in Bedroom 3 from Bedroom 1']);
  await page.getByRole('navigation', { name: 'This assessment' }).getByRole('link', { name: 'Sign off' }).click();
  await expect(page.getByTestId('points-to-confirm')).toContainText('Door closer in Bedroom 3 (copied from Bedroom 1)');
  await page.getByTestId('points-to-confirm').getByRole('link', { name: 'Door closer in Bedroom 3' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Bedroom 3/ })).toBeVisible();
  // Not in this room: the copy goes; the prompt still says "risk present", now with no point.
  await card(page, 'L01').getByRole('button', { name: /Not in this room/ }).click();
  await expect(card(page, 'L01')).toContainText('None recorded yet.');
  expect((await api('assessments.signOffCheck', { assessmentId: assessment.id })).pointsToConfirm).toEqual([]);

  // The fill can be undone: what is still as copied goes; what the assessor touched stays.
  await page.getByRole('navigation', { name: 'Areas in walking order' }).getByRole('link', { name: 'Bedroom 1' }).click();
  const fills = page.getByRole('list', { name: 'Answers filled in this area' });
  await fills.getByRole('button', { name: /Undo/ }).click();
  await expect(page.getByRole('heading', { name: /^Undo: Filled 2 areas from Bedroom 1\?/ })).toBeFocused();
  await expectNoAxeViolations();
  await page.getByRole('button', { name: 'Undo it' }).click();
  await expect(page.getByText(/Undone: \d+ answers removed, 2 kept/)).toBeVisible();
  const left = (await api('answers.list', { assessmentId: assessment.id })).filter((a) => a.areaId === area('Bedroom 2'));
  // The answer given again by hand, and the "risk present" its confirmed point stands on.
  expect(left.map((a) => a.itemId).sort()).toEqual(['L01', (await api('answers.list', { assessmentId: assessment.id })).find((a) => a.areaId === area('Bedroom 2') && a.value === 'no')!.itemId].sort());
});

test('an area walked with nothing found is marked "no findings" in one confirmed step, never its ligature prompts; the prompts come next', async ({ page, api, saveScreen, expectNoAxeViolations }) => {
  const { assessment, area } = await startRound(api);
  await page.goto(`/#/assessments/${assessment.id}/areas/${area('Lounge')}`);
  await expect(page.getByRole('heading', { level: 2, name: /^Lounge/ })).toBeVisible();
  await page.getByRole('button', { name: 'No findings in Lounge' }).click();
  const confirm = page.getByRole('region', { name: 'No findings in Lounge?' });
  await expect(confirm).toContainText(/The \d+ unanswered yes\/no questions are answered “Yes”/);
  await expect(confirm).toContainText(/\d+ ligature prompts stay for you to answer one by one\./);
  await saveScreen('ward-round-03-no-findings-confirm');
  await expectNoAxeViolations();
  await confirm.getByRole('button', { name: /Answer \d+ questions “Yes”/ }).click();
  // Straight on to the first question left: a ligature prompt.
  await expect.poll(() => focusedCard(page)).toMatch(/^item-L\d+_/);
  const stored = (await api('answers.list', { assessmentId: assessment.id })).filter((a) => a.areaId === area('Lounge'));
  expect(stored.length).toBeGreaterThan(5);
  expect(stored.every((a) => a.value === 'yes' && !a.itemId.startsWith('L'))).toBe(true);
  await expect(page.locator('.app-item').first().getByTestId('provenance')).toContainText('no findings');
  // The prompts by key.
  for (let i = 0; i < 5 && /^item-L/.test((await focusedCard(page)) ?? ''); i += 1) await page.keyboard.press('1');
  await expect(page.getByTestId('area-progress')).toContainText(/(\d+) of \1 answered/);
  await saveScreen('ward-round-04-no-findings-done');
  await expectNoAxeViolations();
});

test('the assessor sets the route by keyboard and by dragging; it is kept for the ward’s next round', async ({ page, api, saveScreen, expectNoAxeViolations }) => {
  // Last year's round, so the next one can be dated before today.
  const { ward, assessment, assessorId } = await startRound(api, { assessedOn: '2025-11-20', round: '2025/26' });
  await page.goto(`/#/assessments/${assessment.id}`);
  const nav = page.getByRole('navigation', { name: /Areas in walking order|Your route through the ward/ });
  await expect(nav.getByRole('link')).toHaveText(['Whole ward', 'Lounge', 'Bedroom 1', 'Bedroom 2', 'Bedroom 3']);
  await nav.getByRole('button', { name: 'Change the route' }).click();
  // By keyboard: the ward-level questions to the end (four places down).
  const down = nav.getByRole('button', { name: /^Down\s*: move Whole ward later$/ });
  await down.focus();
  for (let i = 0; i < 4; i += 1) await page.keyboard.press('Enter');
  await expect(nav.getByRole('status')).toHaveText('Whole ward moved to place 5 of 5.');
  await saveScreen('ward-round-05-route-editing');
  await expectNoAxeViolations();
  // By pointer: Bedroom 3 dragged by its handle to the top.
  const handle = nav.getByRole('button', { name: 'Drag Bedroom 3' });
  const top = nav.locator('[data-stop-index="0"]');
  const from = (await handle.boundingBox())!;
  const to = (await top.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + 20, to.y + to.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect(nav.locator('.app-route-name')).toHaveText(['1. Bedroom 3', '2. Lounge', '3. Bedroom 1', '4. Bedroom 2', '5. Whole ward']);
  await nav.getByRole('button', { name: 'Save the route' }).click();
  await expect(page.getByText('Route saved: the areas follow it, and the ward’s next round starts from it.')).toBeVisible();
  await expect(nav.getByRole('link')).toHaveText(['Bedroom 3', 'Lounge', 'Bedroom 1', 'Bedroom 2', 'Whole ward']);
  const saved = await api('assessments.get', { id: assessment.id });
  expect([saved.areas.map((a) => a.name), saved.wardPosition]).toEqual([['Bedroom 3', 'Lounge', 'Bedroom 1', 'Bedroom 2'], 4]);

  // The next round starts on the same route.
  await answerAllViaApi(api, assessment.id);
  await api('assessments.signOff', { assessmentId: assessment.id, signedOffBy: assessorId });
  const next = await api('assessments.start', { wardId: ward.id, assessedOn: '2026-11-20', round: '2026/27', announced: true, assessors: [{ name: 'Morag Baird', role: 'estates' }] });
  await page.goto(`/#/assessments/${next.id}`);
  await expect(page.getByRole('navigation', { name: 'Areas in walking order' }).getByRole('link')).toHaveText(['Bedroom 3', 'Lounge', 'Bedroom 1', 'Bedroom 2', 'Whole ward']);
  expect((await api('assessments.get', { id: next.id })).areas.map((a) => a.areaId)).toEqual(saved.areas.map((a) => a.areaId));
});

test('ratings show their reasons; a number shows its banding as it is typed, and the register’s figure or a contradiction', async ({ page, api, saveScreen, expectNoAxeViolations }) => {
  const { assessment } = await startRound(api);
  await page.goto(`/#/assessments/${assessment.id}/areas/ward`);
  const q06 = card(page, 'Q06');
  const box = q06.getByLabel('Answer in %');
  // The register has 3 bedrooms for 4 beds: 75 % offered, with where it comes from.
  await expect(box).toHaveValue('75');
  await expect(q06).toContainText('From the register: the register lists 3 bedrooms for 4 beds (each bedroom taken as a single room), so 75 %.');
  await box.focus();
  await expect(q06.locator('.app-number-band')).toHaveText('75 % counts as No — critical item: this makes the domain red (Yes from 100 %, Partial from 80 %).');
  await page.keyboard.type('90');
  await expect(q06.locator('.app-number-band')).toHaveText('90 % counts as Partial (Yes from 100 %, Partial from 80 %).');
  await page.keyboard.press('Enter');
  await expect(q06.locator('.app-save-saved')).toHaveText('Saved: 90 % (by Morag Baird)');
  await expect(q06).toContainText('Does not match the register. The answer is 90 %, but the register lists 3 bedrooms for 4 beds (each bedroom taken as a single room), which gives 75 %.');
  // A critical "No": quality turns red, and the live scores say which item, where.
  await q06.getByLabel('Answer in %').fill('30');
  await q06.getByLabel('Answer in %').press('Enter');
  await expect(q06.locator('.app-save-saved')).toHaveText('Saved: 30 % (by Morag Baird)');
  const quality = page.getByTestId('reasons-quality');
  await expect(quality).toContainText('Red because a critical item fails');
  await expect(quality).toContainText('Critical item Q06 (“What percentage of the ward\'s beds are in single bedrooms?”) a figure that counts as No for the whole ward.');
  await expect(page.getByTestId('reasons-ligature')).toContainText(/Not rated: \d+ ligature prompts are not answered\./);
  await saveScreen('ward-round-06-reasons');
  await expectNoAxeViolations();
  // The sign-off page gives the same reasons beside its ratings.
  await page.getByRole('navigation', { name: 'This assessment' }).getByRole('link', { name: 'Sign off' }).click();
  await expect(page.getByTestId('sign-off-scores').locator('tr[data-domain="quality"]')).toContainText('Critical item Q06');
  await expectNoAxeViolations();
});

test('after the last question of an area the walk moves on only once its answer says "Saved"', async ({ page, api }) => {
  const { assessment, area } = await startRound(api);
  await answerAllViaApi(api, assessment.id, {}, (_item, areaId) => areaId !== null);
  await page.goto(`/#/assessments/${assessment.id}/areas/${area('Lounge')}`);
  const cards = page.locator('.app-item');
  await expect(cards.first()).toBeVisible();
  // Answer all but the last by key.
  const total = await cards.count();
  await cards.first().focus();
  for (let i = 0; i < total - 1; i += 1) {
    const before = await focusedCard(page);
    await page.keyboard.press('1');
    await expect.poll(() => focusedCard(page)).not.toBe(before);
  }
  await expect(page.locator('.app-save-saving')).toHaveCount(0);
  // The last one's save is held on the way: focus stays on it, saying "Saving…".
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/rpc/answers.record', async (route) => {
    await held;
    await route.continue();
  });
  const last = await focusedCard(page);
  await page.keyboard.press('1');
  await expect(page.locator(`#${last} .app-save-saving`)).toBeVisible();
  await expect.poll(() => focusedCard(page)).toBe(last);
  release();
  await expect.poll(() => focusedCard(page)).not.toBe(last);
  await expect(page.getByRole('heading', { level: 2, name: /^Bedroom 1/ })).toBeVisible();
});
