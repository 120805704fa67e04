import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { answerAllViaApi, startAssessmentViaApi } from './assess-via-api';
import { expect, test } from './fixtures';
import { startWebDoor } from './web-door';

// A board exports its return from the board page; the national collator imports it on another
// machine (another server and database) through the Import screen, alongside an altered copy
// that must be refused, and finds the board in its register.

test('a return exported from the board page imports on another machine; an altered copy is refused', async ({ page, api, saveScreen, expectNoAxeViolations }) => {
  test.slow(); // an export, a second server, three imports and three accessibility checks
  const board = await api('boards.create', { name: 'NHS Export Demo', code: 'S08000098' });
  const site = await api('sites.create', { boardId: board.id, name: 'Export General' });
  const ward = await api('wards.create', { siteId: site.id, name: 'Heather Ward', type: 'adult_acute', bedCount: 12, sexDesignation: 'mixed' });
  await api('areas.create', { wardId: ward.id, type: 'bedroom', name: 'Bedroom 1', supervisionTier: 3 });
  const assessment = await startAssessmentViaApi(api, ward.id, { assessors: [{ name: 'Ailsa Grant', role: 'estates' }] });
  const assessorId = await answerAllViaApi(api, assessment.id, { Q01: { value: 'B', note: 'Roof patched 2025' } });
  await api('assessments.signOff', { assessmentId: assessment.id, signedOffBy: assessorId });

  await page.goto(`#/boards/${board.id}`);
  const exportSection = page.getByRole('region', { name: 'Export return' });
  await expect(exportSection.getByLabel('Include photos')).not.toBeChecked();
  // One round, the latest, unless the user chooses another or every round.
  await expect(exportSection.getByLabel('Round')).toHaveValue('2026/27');
  await expect(exportSection.getByLabel('Round').getByRole('option')).toHaveText(['2026/27 (latest)', 'Every round']);
  const [download] = await Promise.all([page.waitForEvent('download'), exportSection.getByRole('button', { name: 'Download return (JSON)' }).click()]);
  expect(download.suggestedFilename()).toBe('nhs-export-demo-2026-27-return.json');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mhea-exchange-e2e-'));
  const returnFile = path.join(dir, download.suggestedFilename());
  await download.saveAs(returnFile);
  const text = fs.readFileSync(returnFile, 'utf8');
  const document = JSON.parse(text) as { assessments: { id: string }[]; digest: string };
  expect(document.assessments.map((a) => a.id)).toEqual([assessment.id]);
  await expect(page.getByText('Return downloaded: nhs-export-demo-2026-27-return.json, 1 signed-off assessment of round 2026/27').first()).toBeVisible();

  await exportSection.getByRole('button', { name: 'Prepare CSV files' }).click();
  await expect(exportSection.getByRole('link', { name: /\.csv$/ })).toHaveCount(11);
  const [csv] = await Promise.all([page.waitForEvent('download'), exportSection.getByRole('link', { name: 'wards.csv' }).click()]);
  const csvFile = path.join(dir, 'wards.csv');
  await csv.saveAs(csvFile);
  expect(fs.readFileSync(csvFile, 'utf8')).toMatch(/^\uFEFFward_id,site_id,name,type,type_label,bed_count/);
  expect(fs.readFileSync(csvFile, 'utf8')).toContain(',adult_acute,Adult acute,12,');
  await saveScreen('exchange-export');

  const national = await startWebDoor(path.join(dir, 'national.sqlite'));
  try {
    await page.goto(`${national.openUrl}#/import`);
    await expect(page.getByRole('heading', { level: 1, name: /Import returns/ })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Import', exact: true })).toHaveAttribute('aria-current', 'page');
    await expectNoAxeViolations();

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByText('Choose one or more return files (.json)')).toBeVisible();
    await expectNoAxeViolations();

    const altered = text.replace('"bedCount": 12', '"bedCount": 13');
    const alteredFile = path.join(dir, 'nhs-export-demo-edited.json');
    fs.writeFileSync(alteredFile, altered);
    await page.getByLabel('Return files').setInputFiles([returnFile, alteredFile]);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const results = page.getByRole('table', { name: 'Results' });
    // Verifying and importing two returns (digest, every score recomputed) takes longer than an ordinary step.
    await expect(results.getByRole('row')).toHaveCount(3, { timeout: 15_000 });
    await expect(results.getByRole('row', { name: /nhs-export-demo-2026-27-return\.json Imported 1 assessment added/ })).toBeVisible();
    await expect(results.getByRole('row', { name: /nhs-export-demo-edited\.json Refused/ })).toContainText(
      'nhs-export-demo-edited.json: digest does not match its content (file altered after export)',
    );
    await saveScreen('exchange-import');
    await expectNoAxeViolations();

    // Checking writes nothing and says what is wrong.
    await page.getByLabel('Return files').setInputFiles(alteredFile);
    await page.getByRole('button', { name: 'Check without importing' }).click();
    await expect(results.getByRole('row', { name: /nhs-export-demo-edited\.json Refused/ })).toBeVisible();
    await expect(results.getByRole('row')).toHaveCount(2);

    // The same file again changes nothing.
    await page.getByLabel('Return files').setInputFiles(returnFile);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(results.getByRole('row', { name: /nhs-export-demo-2026-27-return\.json Already imported/ })).toBeVisible();

    await page.getByRole('link', { name: 'Estate register' }).click();
    await expect(page.getByRole('link', { name: 'NHS Export Demo' })).toBeVisible();
    // Back on the Import screen, the last results are still there.
    await page.getByRole('link', { name: 'Import', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Import returns/ })).toBeVisible();
    await expect(results.getByRole('row', { name: /nhs-export-demo-2026-27-return\.json Already imported/ })).toBeVisible();
  } finally {
    await national.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('exporting a return that would hold no assessment warns first, and sends it only when asked', async ({ page, api, expectNoAxeViolations }) => {
  const board = await api('boards.create', { name: 'NHS Nothing Yet' });
  const site = await api('sites.create', { boardId: board.id, name: 'Quiet Hospital' });
  await api('wards.create', { siteId: site.id, name: 'Fern Ward', type: 'adult_acute', bedCount: 10, sexDesignation: 'mixed' });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`#/boards/${board.id}`);
  const exportSection = page.getByRole('region', { name: 'Export return' });
  let downloads = 0;
  page.on('download', () => (downloads += 1));
  await exportSection.getByRole('button', { name: 'Download return (JSON)' }).click();
  const warning = page.getByTestId('empty-return-warning');
  await expect(warning.getByRole('heading', { name: /This return holds no assessments/ })).toBeFocused();
  await expect(warning).toContainText('No assessment of NHS Nothing Yet is signed off');
  await expectNoAxeViolations();
  expect(downloads).toBe(0);
  await warning.getByRole('button', { name: 'Cancel' }).click();
  await expect(warning).toHaveCount(0);
  await exportSection.getByRole('button', { name: 'Download return (JSON)' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export it anyway' }).click()]);
  expect(download.suggestedFilename()).toBe('nhs-nothing-yet-return.json');
  // The CSP's frame-ancestors travels as a header only: the page logs no error about it, or any.
  expect(errors).toEqual([]);
});
