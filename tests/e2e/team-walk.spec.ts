import fs from 'node:fs';
import path from 'node:path';
import { SCREENS_DIR, expect, expectNoAxeViolationsOn, test } from './fixtures';
import { withDevices } from './team-helpers';

// What a team's split and its conflicts look like where the assessor walks: the area's assignee
// under its heading and beside it in the route, and after a merge, the question two devices
// answered differently flagged on its card, the live scores naming it as what keeps them
// provisional, until it is resolved.

test('the walkthrough shows who takes each area, and flags a question in conflict until it is resolved', async ({ browser, api }) => {
  test.slow();
  await withDevices(browser, async ({ dir, add }) => {
    const board = await api('boards.create', { name: 'NHS Walk Team' });
    const site = await api('sites.create', { boardId: board.id, name: 'Walk Team Hospital' });
    const ward = await api('wards.create', { siteId: site.id, name: 'Elm Ward', type: 'adult_acute', bedCount: 8, sexDesignation: 'mixed' });
    const bedroom = await api('areas.create', { wardId: ward.id, type: 'bedroom', name: 'Bedroom 1', supervisionTier: 3 });
    const lounge = await api('areas.create', { wardId: ward.id, type: 'lounge', name: 'Lounge', supervisionTier: 2 });
    const assessment = await api('assessments.start', { wardId: ward.id, assessedOn: '2026-11-20', round: '2026/27', announced: true, assessors: [{ name: 'Ailsa Grant', role: 'estates' }, { name: 'Rab Munro', role: 'clinical' }] });
    const [ailsa, rab] = assessment.assessors;
    await api('assignments.set', { assessmentId: assessment.id, areaIds: [bedroom.id], assessorId: ailsa!.id });
    await api('assignments.set', { assessmentId: assessment.id, areaIds: [lounge.id], assessorId: rab!.id });
    await api('device.rename', { name: 'Board office PC' });
    const laptop = await add('laptop');
    await laptop.api('device.rename', { name: 'Rab’s laptop' });
    const handout = await api('handouts.exportAssessment', { assessmentId: assessment.id, includePhotos: true });
    await laptop.api('handouts.import', { fileName: handout.fileName, content: handout.content });

    // Rab walks on his laptop: the lounge is his, the bedroom Ailsa's.
    const walk = laptop.page;
    await walk.goto(`${laptop.door.url}#/assessments/${assessment.id}/areas/${lounge.id}`);
    await expect(walk.getByRole('heading', { level: 1, name: 'Walkthrough' })).toBeVisible();
    await walk.getByLabel('Answering as').selectOption({ label: 'Rab Munro (Clinical)' });
    await expect(walk.getByTestId('area-assignee')).toHaveText('This area is assigned to you (Rab Munro); anyone may still answer here.');
    const route = walk.getByRole('navigation', { name: 'Areas in walking order' });
    await expect(route.getByRole('listitem').filter({ hasText: 'Bedroom 1' })).toContainText('assigned to Ailsa Grant');
    await expect(route.getByRole('listitem').filter({ hasText: 'Lounge' })).toContainText('assigned to you (Rab Munro)');
    await walk.getByRole('heading', { level: 2, name: /Lounge/ }).locator('..').screenshot({ path: path.join(SCREENS_DIR, 'team-walk-assignee.png') });

    // Ailsa answers Q04 on the board's PC; Rab answers it differently in his walkthrough.
    await api('answers.record', { assessmentId: assessment.id, itemId: 'Q04', areaId: null, value: 'B', note: 'Fabric tired in places', assessorId: ailsa!.id });
    await walk.goto(`${laptop.door.url}#/assessments/${assessment.id}/areas/ward`);
    const q04 = walk.locator('#item-Q04_ward');
    await q04.getByRole('radio', { name: 'Grade C' }).check();
    await expect(q04).toContainText('Saved: Grade C (by Rab Munro)');
    await expect(walk.getByTestId('area-assignee')).toHaveCount(0);

    // Ailsa's work is merged on the laptop's Team page.
    const fromBoard = await api('handouts.exportAssessment', { assessmentId: assessment.id, includePhotos: true });
    const file = path.join(dir, fromBoard.fileName);
    fs.writeFileSync(file, fromBoard.content);
    await walk.getByRole('link', { name: 'Team and hand-outs' }).click();
    await expect(walk.getByRole('heading', { level: 1, name: /Team and hand-outs/ })).toBeVisible();
    await walk.getByLabel('Files from other devices').setInputFiles(file);
    await walk.getByRole('button', { name: 'Merge into this assessment' }).click();
    await expect(walk.getByRole('table', { name: 'Files taken' }).getByRole('row', { name: /merged/ })).toContainText('1 new conflict');

    // Back in the walk: the question is flagged where Rab answers it, and the scores say why they are provisional.
    await walk.getByRole('link', { name: 'Walkthrough' }).click();
    await expect(walk.getByRole('heading', { level: 1, name: 'Walkthrough' })).toBeVisible();
    await walk.goto(`${laptop.door.url}#/assessments/${assessment.id}/areas/ward`);
    await expect(q04.getByText('In conflict between devices')).toBeVisible();
    await expect(walk.locator('.app-question-conflict')).toHaveCount(1);
    const provisional = walk.getByTestId('score-conflicts');
    await expect(provisional).toContainText('One record is in conflict between devices');
    await expect(provisional).toContainText('Q04');
    await expectNoAxeViolationsOn(walk);
    await q04.screenshot({ path: path.join(SCREENS_DIR, 'team-walk-conflict-question.png') });
    await walk.getByRole('region', { name: 'Live scores' }).screenshot({ path: path.join(SCREENS_DIR, 'team-walk-conflict-scores.png') });

    // Resolved from the card's link, the sign goes.
    await q04.getByRole('link', { name: 'Resolve it' }).click();
    await expect(walk.getByRole('heading', { level: 1, name: /Resolve work from several devices/ })).toBeVisible();
    await walk.getByRole('region', { name: /Q04/ }).getByRole('group', { name: /from Rab’s laptop/ }).getByRole('button', { name: /Keep this version/ }).click();
    await expect(walk.getByText('Nothing to resolve: all work brought back from other devices has been merged.')).toBeVisible();
    await walk.getByRole('link', { name: 'Walkthrough' }).click();
    await walk.goto(`${laptop.door.url}#/assessments/${assessment.id}/areas/ward`);
    await expect(q04).toContainText('Saved: Grade C (by Rab Munro)');
    await expect(q04.getByText('In conflict between devices')).toHaveCount(0);
    await expect(provisional).toHaveCount(0);
  });
});
