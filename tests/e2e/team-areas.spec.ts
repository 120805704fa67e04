import fs from 'node:fs';
import path from 'node:path';
import { SCREENS_DIR, expect, expectNoAxeViolationsOn, test } from './fixtures';
import { downloadFrom, withDevices } from './team-helpers';

// One ward's register handed out from the ward's page, and the same room added on the walk on two
// devices: flagged on the Resolve page as a probable duplicate, merged into one there, and the one
// question the two devices answered differently in it left as a conflict to choose.

test('a ward’s register from its page; the same room added on two devices, merged into one on the Resolve page', async ({ browser, page, api, server }) => {
  test.slow();
  await withDevices(browser, async ({ dir, add }) => {
    const board = await api('boards.create', { name: 'NHS Rooms Demo' });
    const site = await api('sites.create', { boardId: board.id, name: 'Rooms Hospital' });
    const ward = await api('wards.create', { siteId: site.id, name: 'Larch Ward', type: 'adult_acute', bedCount: 10, sexDesignation: 'mixed' });
    await api('wards.create', { siteId: site.id, name: 'Hazel Ward', type: 'older_adult', bedCount: 8, sexDesignation: 'mixed' });
    await api('areas.create', { wardId: ward.id, type: 'bedroom', name: 'Bedroom 1', supervisionTier: 3 });
    await api('areas.create', { wardId: ward.id, type: 'lounge', name: 'Lounge', supervisionTier: 2 });

    // The ward's own page hands out that ward alone; the laptop takes it.
    await page.goto(`${server.url}#/wards/${ward.id}`);
    const section = page.getByRole('region', { name: 'Hand out this ward’s register' });
    await expect(section).toContainText('A file of Larch Ward, its site and its areas');
    const registerFile = await downloadFrom(page, 'Download register file', dir, section);
    const laptop = await add('laptop');
    await laptop.page.getByRole('main').getByRole('link', { name: 'Hand-outs' }).click();
    await laptop.page.getByLabel('Hand-out files').setInputFiles(registerFile);
    await laptop.page.getByRole('button', { name: 'Take files' }).click();
    await expect(laptop.page.getByRole('table', { name: 'Files taken' }).getByRole('row', { name: /Taken Register of NHS Rooms Demo: 5 records added/ })).toBeVisible();
    expect((await laptop.api('wards.list', { siteId: site.id })).map((w) => w.name)).toEqual(['Larch Ward']);

    // Handed out; each device adds "Bedroom 9" on the walk and answers in it, once differently.
    const assessment = await api('assessments.start', { wardId: ward.id, assessedOn: '2026-11-20', round: '2026/27', announced: true, assessors: [{ name: 'Ailsa Grant', role: 'estates' }, { name: 'Rab Munro', role: 'clinical' }] });
    const [ailsa, rab] = assessment.assessors;
    await api('device.rename', { name: 'Board office PC' });
    await laptop.api('device.rename', { name: 'Rab’s laptop' });
    const handout = await api('handouts.exportAssessment', { assessmentId: assessment.id, includePhotos: true });
    await laptop.api('handouts.import', { fileName: handout.fileName, content: handout.content });
    const ours = (await api('assessments.addArea', { assessmentId: assessment.id, type: 'bedroom', name: 'Bedroom 9', supervisionTier: 3 })).area;
    const theirs = (await laptop.api('assessments.addArea', { assessmentId: assessment.id, type: 'bedroom', name: 'Bedroom 9', supervisionTier: 3 })).area;
    await api('answers.record', { assessmentId: assessment.id, itemId: 'Q10', areaId: ours.id, value: 'yes', assessorId: ailsa!.id });
    await api('answers.record', { assessmentId: assessment.id, itemId: 'Q14', areaId: ours.id, value: 'partial', assessorId: ailsa!.id });
    await laptop.api('answers.record', { assessmentId: assessment.id, itemId: 'Q10', areaId: theirs.id, value: 'no', note: 'Wardrobe door hinge loose', assessorId: rab!.id });
    await laptop.api('answers.record', { assessmentId: assessment.id, itemId: 'Q14', areaId: theirs.id, value: 'partial', assessorId: rab!.id });

    // The laptop's work comes back to the board through its Team page.
    const fromLaptop = await laptop.api('handouts.exportAssessment', { assessmentId: assessment.id, includePhotos: true });
    const file = path.join(dir, fromLaptop.fileName);
    fs.writeFileSync(file, fromLaptop.content);
    await page.goto(`${server.url}#/assessments/${assessment.id}/team`);
    await page.getByLabel('Files from other devices').setInputFiles(file);
    await page.getByRole('button', { name: 'Merge into this assessment' }).click();
    await expect(page.getByRole('table', { name: 'Files taken' }).getByRole('row', { name: /merged/ })).toContainText('1 probable duplicate area to resolve before sign-off');

    // The Resolve page shows the pair; the second is the same room, merged into the first.
    await page.getByRole('link', { name: 'Resolve them' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Resolve work from several devices/ })).toBeVisible();
    const pair = page.getByRole('heading', { level: 3, name: 'Bedroom 9' }).locator('..');
    const moved = (await api('merge.conflicts', { assessmentId: assessment.id })).duplicates[0]!.areas.findIndex((a) => a.areaId === theirs.id) + 1;
    await expect(pair).toContainText(`Bedroom 9 (${moved}), from Rab’s laptop: 2 answers, 0 ligature points`);
    await expect(pair).toContainText(`Bedroom 9 (${3 - moved}), from Board office PC: 2 answers, 0 ligature points`);
    await expectNoAxeViolationsOn(page);
    await page.screenshot({ path: path.join(SCREENS_DIR, 'team-duplicate-areas.png'), fullPage: true });
    await pair.getByLabel('Area', { exact: true }).selectOption({ label: `Bedroom 9 (${moved})` });
    await pair.getByRole('button', { name: `Merge into Bedroom 9 (${3 - moved})` }).click();

    // One Bedroom 9; the same "partial" counts once, the two answers to Q10 wait as a conflict.
    const conflict = page.getByRole('region', { name: /Q10/ });
    await expect(conflict).toContainText('Bedroom 9');
    await expect(conflict).toContainText('Wardrobe door hinge loose');
    await expect(page.getByRole('heading', { level: 3, name: 'Bedroom 9' })).toHaveCount(0);
    expect((await api('assessments.get', { id: assessment.id })).areas.filter((a) => a.name === 'Bedroom 9').map((a) => a.areaId)).toEqual([ours.id]);
    await conflict.getByRole('group').filter({ hasText: 'Wardrobe door hinge loose' }).getByRole('button', { name: /Keep this version/ }).click();
    await expect(page.getByText('Nothing to resolve: all work brought back from other devices has been merged.')).toBeVisible();
    const answers = await api('answers.list', { assessmentId: assessment.id });
    expect(answers.filter((a) => a.areaId === ours.id).map((a) => [a.itemId, a.value]).sort()).toEqual([['Q10', 'no'], ['Q14', 'partial']]);
    expect(answers.filter((a) => a.areaId === theirs.id)).toEqual([]);
  });
});
