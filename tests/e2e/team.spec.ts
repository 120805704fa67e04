import path from 'node:path';
import { goodValue } from '../helpers/assessments';
import type { Output } from '../../src/shared/contract';
import { itemInstances, type AreaForApplicability } from '../../src/shared/templates';
import { SCREENS_DIR, expect, expectNoAxeViolationsOn, test } from './fixtures';
import { apiAt, downloadFrom, renameDevice, saved, withDevices, type DoorApi } from './team-helpers';

// A team on two devices, each a browser on its own web door and database: the board lead hands
// the register and the assessment out, two assessors split the areas and both answer one question
// differently, the conflict is resolved on the Resolve page, the ward is signed off on the
// assessor's laptop and brought back to the board, the board's return is imported by NHS Scotland
// Assure on a third database, and every database gives the same scores.

type Item = Output<'templates.get'>['items'][number];

/** One assessor answers, on their own device, every question of their areas and the ward-level ones. */
async function walk(api: DoorApi, assessmentId: string, areaIds: string[], assessorId: string) {
  const assessment = await api('assessments.get', { id: assessmentId });
  const areas: AreaForApplicability[] = assessment.areas.map((a) => ({ id: a.areaId, type: a.type as AreaForApplicability['type'], supervisionTier: a.supervisionTier }));
  for (const key of Object.values(assessment.templates)) {
    const template = await api('templates.get', { key });
    for (const { item, areaId } of itemInstances(template.items as Item[], areas)) {
      if (areaId !== null && !areaIds.includes(areaId)) continue;
      await api('answers.record', { assessmentId, itemId: item.id, areaId, value: goodValue(item), assessorId });
    }
  }
}

test('two assessors on two devices: hand-out, split areas, a conflict resolved, sign-off, back to the board, national import, same scores', async ({ browser, page, server }) => {
  test.slow();
  await withDevices(browser, async ({ dir, add }) => {
    const { api: laptopApi, page: laptopPage } = await add('laptop');
    const boardApi = apiAt(server);
    const board = await boardApi('boards.create', { name: 'NHS Team Demo', code: 'S08000097' });
    const site = await boardApi('sites.create', { boardId: board.id, name: 'Royal Team Hospital' });
    const ward = await boardApi('wards.create', { siteId: site.id, name: 'Rowan Ward', type: 'adult_acute', bedCount: 12, sexDesignation: 'mixed' });
    for (const [type, name, tier] of [['bedroom', 'Bedroom 1', 3], ['bedroom', 'Bedroom 2', 3], ['lounge', 'Lounge', 2], ['corridor', 'Main corridor', 2]] as const) {
      await boardApi('areas.create', { wardId: ward.id, type, name, supervisionTier: tier });
    }
    // Two browsers, one per device: the board lead's (this test's page) and the assessor's laptop.
    const boardPage = page;

    // The board lead hands the register out; the laptop takes it.
    await boardPage.goto(`${server.url}#/boards/${board.id}`);
    const registerFile = await saved(
      (await Promise.all([boardPage.waitForEvent('download'), boardPage.getByRole('region', { name: 'Hand out the register' }).getByRole('button', { name: 'Download register file' }).click()]))[0],
      dir,
    );
    // A device with nothing yet: from the estate register's first page to Hand-outs.
    await laptopPage.getByRole('main').getByRole('link', { name: 'Hand-outs' }).click();
    await expect(laptopPage.getByRole('heading', { level: 1, name: /Hand-outs/ })).toBeVisible();
    await expect(laptopPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import', exact: true })).toHaveAttribute('aria-current', 'page');
    await laptopPage.getByLabel('Hand-out files').setInputFiles(registerFile);
    await laptopPage.getByRole('button', { name: 'Take files' }).click();
    const laptopResults = laptopPage.getByRole('table', { name: 'Files taken' });
    await expect(laptopResults.getByRole('row', { name: /Taken Register of NHS Team Demo: 7 records added/ })).toBeVisible();
    await expectNoAxeViolationsOn(laptopPage);

    // The board lead starts the assessment and splits the areas on its Team page.
    const assessment = await boardApi('assessments.start', { wardId: ward.id, assessedOn: '2026-11-20', round: '2026/27', announced: true, assessors: [{ name: 'Ailsa Grant', role: 'estates' }, { name: 'Rab Munro', role: 'clinical' }] });
    const [ailsa, rab] = assessment.assessors;
    await boardPage.goto(`${server.url}#/assessments/${assessment.id}/team`);
    await expect(boardPage.getByRole('heading', { level: 1, name: /Team and hand-outs/ })).toBeVisible();
    await renameDevice(boardPage, 'Board office PC');
    await boardPage.getByLabel('All areas of type').selectOption({ label: 'Bedroom' });
    await boardPage.getByLabel('go to').selectOption({ label: 'Ailsa Grant' });
    await boardPage.getByRole('button', { name: 'Assign', exact: true }).click();
    await expect(boardPage.getByLabel('Assessor for Bedroom 2')).toHaveValue(ailsa!.id);
    await boardPage.getByLabel('Assessor for Lounge').selectOption({ label: 'Rab Munro' });
    await expect(boardPage.getByLabel('Assessor for Lounge')).toHaveValue(rab!.id);
    await boardPage.getByLabel('Assessor for Main corridor').selectOption({ label: 'Rab Munro' });
    await expect(boardPage.getByLabel('Assessor for Main corridor')).toHaveValue(rab!.id);
    await expectNoAxeViolationsOn(boardPage);
    await boardPage.screenshot({ path: path.join(SCREENS_DIR, 'team-assign.png'), fullPage: true });
    const handout = await downloadFrom(boardPage, 'Download hand-out file', dir);

    // The laptop takes the hand-out and sees who takes which area.
    await laptopPage.getByLabel('Hand-out files').setInputFiles(handout);
    await laptopPage.getByRole('button', { name: 'Take files' }).click();
    await expect(laptopResults.getByRole('row', { name: /Rowan Ward \(assessment of 2026-11-20\) handed out from Board office PC/ })).toBeVisible();
    await laptopResults.getByRole('link', { name: 'Team and hand-outs' }).click();
    await expect(laptopPage.getByRole('heading', { level: 1, name: /Team and hand-outs/ })).toBeVisible();
    await expect(laptopPage.getByLabel('Assessor for Lounge')).toHaveValue(rab!.id);
    await expect(laptopPage.getByLabel('Assessor for Bedroom 1')).toHaveValue(ailsa!.id);
    await renameDevice(laptopPage, 'Rab’s laptop');
    await expectNoAxeViolationsOn(laptopPage);

    // Each walks their own areas; both answer Q04 (a ward-level question), differently.
    const areasOf = (type: 'bedroom' | 'other') => assessment.areas.filter((a) => (type === 'bedroom') === (a.type === 'bedroom')).map((a) => a.areaId);
    await walk(boardApi, assessment.id, areasOf('bedroom'), ailsa!.id);
    await walk(laptopApi, assessment.id, areasOf('other'), rab!.id);
    await boardApi('answers.record', { assessmentId: assessment.id, itemId: 'Q04', areaId: null, value: 'B', note: 'Fabric tired in places', assessorId: ailsa!.id });
    await laptopApi('answers.record', { assessmentId: assessment.id, itemId: 'Q04', areaId: null, value: 'C', note: 'Damp in the corridor ceiling', assessorId: rab!.id });

    // Ailsa's work goes to the laptop and is merged: one conflict.
    const fromBoard = await downloadFrom(boardPage, 'Download hand-out file', dir);
    await laptopPage.getByLabel('Files from other devices').setInputFiles(fromBoard);
    await laptopPage.getByRole('button', { name: 'Merge into this assessment' }).click();
    const merged = laptopPage.getByRole('table', { name: 'Files taken' }).getByRole('row', { name: /Work on Rowan Ward .* from Board office PC merged/ });
    await expect(merged).toContainText('1 new conflict');
    await expect(merged).toContainText('1 conflict to resolve before sign-off');
    await laptopPage.screenshot({ path: path.join(SCREENS_DIR, 'team-merged.png'), fullPage: true });

    // The sign-off page says why it waits, and every screen points at the Resolve page.
    await laptopPage.goto(`${laptopPage.url().split('#')[0]}#/assessments/${assessment.id}/sign-off`);
    await expect(laptopPage.getByText('1 conflict between devices is not yet resolved')).toBeVisible();
    await laptopPage.getByRole('link', { name: 'Resolve it' }).click();
    await expect(laptopPage.getByRole('heading', { level: 1, name: /Resolve work from several devices/ })).toBeVisible();
    const conflict = laptopPage.getByRole('region', { name: /Q04/ });
    await expect(conflict).toContainText('Changed differently on two devices');
    const fromAilsa = conflict.getByRole('group', { name: /from Board office PC/ });
    const fromRab = conflict.getByRole('group', { name: /from Rab’s laptop/ });
    await expect(fromAilsa).toContainText('By Ailsa Grant');
    await expect(fromAilsa).toContainText('Fabric tired in places');
    await expect(fromRab).toContainText('By Rab Munro');
    await expect(fromRab).toContainText('Damp in the corridor ceiling');
    await expect(fromRab).toContainText('Shown on this device now');
    await laptopPage.screenshot({ path: path.join(SCREENS_DIR, 'team-resolve.png'), fullPage: true });
    await expectNoAxeViolationsOn(laptopPage);
    await fromAilsa.getByRole('button', { name: /Keep this version/ }).click();
    await expect(laptopPage.getByText('Nothing to resolve: all work brought back from other devices has been merged.')).toBeVisible();

    // Signed off on the laptop, then brought back to the board.
    await laptopPage.getByRole('link', { name: 'Sign off' }).click();
    await laptopPage.getByLabel('Signed off by').selectOption({ label: 'Rab Munro (Clinical)' });
    await laptopPage.getByRole('button', { name: 'Sign off', exact: true }).click();
    await expect(laptopPage.getByRole('heading', { name: 'Sign off and lock this assessment?' })).toBeFocused();
    await laptopPage.getByRole('button', { name: /Confirm and sign off as Rab Munro/ }).click();
    await expect(laptopPage.getByRole('heading', { level: 1, name: 'Signed off' })).toBeVisible();
    await laptopPage.getByRole('link', { name: 'Team and hand-outs' }).click();
    const signedFile = await downloadFrom(laptopPage, 'Download hand-out file', dir);
    await boardPage.goto(`${server.url}#/handouts`);
    await boardPage.getByLabel('Hand-out files').setInputFiles(signedFile);
    await boardPage.getByRole('button', { name: 'Take files' }).click();
    await expect(boardPage.getByRole('table', { name: 'Files taken' }).getByRole('row', { name: /from Rab’s laptop merged: .* It is signed off\./ })).toBeVisible();

    // The board's return, imported by NHS Scotland Assure on another machine.
    await boardPage.goto(`${server.url}#/boards/${board.id}`);
    const exportSection = boardPage.getByRole('region', { name: 'Export return' });
    const returnFile = await saved((await Promise.all([boardPage.waitForEvent('download'), exportSection.getByRole('button', { name: 'Download return (JSON)' }).click()]))[0], dir);
    const national = await add('national');
    await national.page.goto(`${national.door.url}#/import`);
    await national.page.getByLabel('Return files').setInputFiles(returnFile);
    await national.page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(national.page.getByRole('table', { name: 'Results' }).getByRole('row', { name: /Imported 1 assessment added/ })).toBeVisible();

    // The same scores on the board, the laptop and nationally.
    const scores = await Promise.all([boardApi, laptopApi, national.api].map((api) => api('assessments.score', { id: assessment.id })));
    expect(scores.map((s) => s.status)).toEqual(['signed_off', 'signed_off', 'signed_off']);
    expect(scores[1]!.scores).toEqual(scores[0]!.scores);
    expect(scores[2]!.scores).toEqual(scores[0]!.scores);
    const q04 = (await national.api('answers.list', { assessmentId: assessment.id })).find((a) => a.itemId === 'Q04');
    expect(q04).toMatchObject({ value: 'B', note: 'Fabric tired in places', assessorId: ailsa!.id });
  });
});
