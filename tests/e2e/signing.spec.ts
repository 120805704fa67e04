import fs from 'node:fs';
import path from 'node:path';
import { serialiseReturn } from '../../src/shared/exchange/serialise';
import { tempDir } from '../helpers/core';
import { answerAllViaApi } from './assess-via-api';
import { expect, test, type Api } from './fixtures';
import { startWebDoor } from './web-door';

// Signed returns through the UI: a board makes its signing key and downloads the public key;
// NHS Scotland Assure (another machine) registers it, chooses to refuse unsigned returns, and
// imports the board's return as signed by that board, while an unsigned one is refused.

async function boardWithSignedOffWard(api: Api, name: string) {
  const board = await api('boards.create', { name });
  const site = await api('sites.create', { boardId: board.id, name: `${name} General` });
  const ward = await api('wards.create', { siteId: site.id, name: 'Heather Ward', type: 'adult_acute', bedCount: 12, sexDesignation: 'mixed' });
  await api('areas.create', { wardId: ward.id, type: 'bedroom', name: 'Bedroom 1', supervisionTier: 3 });
  const assessment = await api('assessments.start', { wardId: ward.id, assessedOn: '2026-11-20', round: '2026/27', announced: true, assessors: [{ name: 'Ailsa Grant', role: 'estates' }] });
  const assessorId = await answerAllViaApi(api, assessment.id);
  await api('assessments.signOff', { assessmentId: assessment.id, signedOffBy: assessorId });
  return board;
}

test('a board signs its return; the collator registers its key, refuses unsigned returns and imports it as the board’s', async ({ page, api, saveScreen, expectNoAxeViolations }) => {
  test.slow(); // two boards assessed through the API, a second web door, two accessibility checks and an import
  const board = await boardWithSignedOffWard(api, 'NHS Borders Test');
  const unsignedBoard = await boardWithSignedOffWard(api, 'NHS Orkney Test');
  const dir = tempDir('mhea-e2e-signing-');

  // The board's side: the board page says its returns are not signed yet, and leads to its key.
  await page.goto(`#/boards/${board.id}`);
  await expect(page.getByText('Returns from NHS Borders Test are not signed')).toBeVisible();
  await page.getByRole('link', { name: 'Make the board’s signing key' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Signing keys' })).toBeVisible();
  const keys = page.getByRole('table', { name: 'Boards and their signing keys' });
  await expect(keys.getByRole('row', { name: /NHS Borders Test No key: its returns are not signed/ })).toBeVisible();
  await keys.getByRole('button', { name: 'Make a signing key for NHS Borders Test' }).click();
  const row = keys.getByRole('row', { name: /NHS Borders Test Key [0-9A-F]{4} [0-9A-F]{4} [0-9A-F]{4} [0-9A-F]{4}, made / });
  await expect(row).toBeVisible();
  const label = /Key ([0-9A-F ]{19}),/.exec((await row.textContent()) ?? '')![1]!;
  await expectNoAxeViolations();
  await saveScreen('signing-01-board-key');
  const [keyDownload] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: 'Download public key of NHS Borders Test' }).click()]);
  expect(keyDownload.suggestedFilename()).toBe('nhs-borders-test-public-key.json');
  const keyFile = path.join(dir, keyDownload.suggestedFilename());
  await keyDownload.saveAs(keyFile);
  expect(fs.readFileSync(keyFile, 'utf8')).not.toContain('PRIVATE');

  // Its return, signed.
  await page.goto(`#/boards/${board.id}`);
  const exportSection = page.getByRole('region', { name: 'Export return' });
  await expect(exportSection.getByText(`Returns are signed with NHS Borders Test’s key ${label}`)).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), exportSection.getByRole('button', { name: 'Download return (JSON)' }).click()]);
  const returnFile = path.join(dir, download.suggestedFilename());
  await download.saveAs(returnFile);
  await expect(page.getByText(new RegExp(`Return downloaded: .*, signed with the board’s key ${label}`)).first()).toBeVisible();
  const unsignedFile = path.join(dir, 'orkney-return.json');
  fs.writeFileSync(unsignedFile, serialiseReturn(await api('exchange.export', { boardId: unsignedBoard.id })));

  const national = await startWebDoor(path.join(dir, 'national.sqlite'));
  try {
    // The collator's side: register the key, refuse unsigned returns.
    await page.goto(`${national.openUrl}#/signing`);
    await expect(page.getByRole('heading', { level: 1, name: 'Signing keys' })).toBeVisible();
    await page.getByLabel('Board’s public key file').setInputFiles(keyFile);
    await page.getByRole('button', { name: 'Register the key' }).click();
    const registered = page.getByRole('table', { name: 'Registered keys' });
    await expect(registered.getByRole('row', { name: new RegExp(`NHS Borders Test ${label}`) })).toBeVisible();
    await page.getByLabel('Refuse them').check();
    await expect(page.getByText('Saved: unsigned returns are refused.').first()).toBeVisible();
    await expect(page.getByLabel('Refuse them')).toBeChecked();
    await expectNoAxeViolations();
    await saveScreen('signing-02-register');

    await page.getByRole('link', { name: 'Import', exact: true }).click();
    await expect(page.getByText('Returns that are not signed are refused.')).toBeVisible();
    await page.getByLabel('Return files').setInputFiles([returnFile, unsignedFile]);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const results = page.getByRole('table', { name: 'Results' });
    await expect(results.getByRole('row')).toHaveCount(3);
    await expect(results.getByRole('row', { name: new RegExp(`Imported 1 assessment added.*Signed by NHS Borders Test, key ${label}\\.`) })).toBeVisible();
    await expect(results.getByRole('row', { name: /orkney-return\.json Refused/ })).toContainText('it is not signed, and this database accepts signed returns only');
    await expectNoAxeViolations();
    await saveScreen('signing-03-import');
  } finally {
    await national.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
