import fs from 'node:fs';
import { pdfPages } from '../helpers/reports';
import { startAssessmentViaApi } from './assess-via-api';
import { expect, test, type Api } from './fixtures';
import { BoardPage } from './pages/BoardPage';
import { ReportSection } from './pages/ReportSection';

// A board lead downloads the board report from the board page; the file is a real PDF naming the
// board and the assessed ward. Site and ward pages offer their reports too. axe runs on each.

const DEMO_BOARD = 'NHS Loch Arden (demo)';

/** The demo estate, with one ward assessed through the contract (a draft, as a walkthrough leaves it). */
async function demoWithAssessment(api: Api) {
  await api('demo.seed', {});
  const board = (await api('boards.list', {})).find((b) => b.name === DEMO_BOARD)!;
  const site = (await api('sites.list', { boardId: board.id })).find((s) => s.name === 'Arden Royal Hospital')!;
  const ward = (await api('wards.list', { siteId: site.id })).find((w) => w.name === 'Willow Mother and Baby Unit')!;
  const assessment = await startAssessmentViaApi(api, ward.id, { assessors: [{ name: 'Ailsa Grant', role: 'estates' }] });
  const assessorId = assessment.assessors[0]!.id;
  await api('answers.record', { assessmentId: assessment.id, itemId: 'Q01', areaId: null, value: 'D', note: 'Roof leaks over the nursery', assessorId });
  const bedroom = assessment.areas.find((a) => a.type === 'bedroom')!.areaId;
  await api('ligaturePoints.create', {
    assessmentId: assessment.id,
    areaId: bedroom,
    itemId: 'L02',
    element: 'Window stay',
    heightBand: 'knee_to_head',
    tier: 3,
    description: 'Exposed window stay arm',
    controls: [{ kind: 'physical_modification', description: 'Stay boxed in' }],
    likelihoodBefore: 4,
    severityBefore: 4,
    likelihoodAfter: 2,
    severityAfter: 4,
    assessorId,
  });
  return { board, site, ward, assessment };
}

test('the board report is generated from the board page with a progress bar, then downloads as a PDF naming the board', async ({
  page,
  api,
  saveScreen,
  expectNoAxeViolations,
}) => {
  test.slow(); // a PDF built, downloaded and read back, and three accessibility checks
  const { board } = await demoWithAssessment(api);
  // Hold the report's answer until the progress bar has been checked, so the test does not race it.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/rpc/reports.board', async (route) => {
    const response = await route.fetch();
    await held;
    await route.fulfill({ response });
  });

  const boardPage = new BoardPage(page);
  await boardPage.goto(board.id);
  const report = new ReportSection(page, 'board report');
  await expect(report.choice('Round')).toHaveValue('2026/27');
  await expect(report.choice('Round').locator('option')).toHaveText(['2026/27 (latest)']);
  await expectNoAxeViolations();
  // The only assessment is a draft: the report counts signed-off work unless drafts are asked for.
  const drafts = report.region().getByLabel('Include drafts');
  await expect(drafts).not.toBeChecked();
  await drafts.check();

  const download = page.waitForEvent('download');
  await report.button().click();
  await expect(report.progress()).toBeVisible();
  await expect(report.button()).toBeDisabled();
  await expect(report.region()).toContainText('reading the assessments, then drawing the PDF');
  await saveScreen('board-report-progress');
  await expectNoAxeViolations();
  release();

  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^board-report-nhs-loch-arden-demo-2026-27-\d{4}-\d{2}-\d{2}\.pdf$/);
  const bytes = fs.readFileSync(await file.path());
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const pages = await pdfPages(bytes);
  expect(pages[0]).toContain(`Consolidated estate report: ${DEMO_BOARD}`);
  const text = pages.join(' ');
  expect(text).toContain('Willow Mother and Baby Unit');
  expect(text).toContain('Window stay');
  expect(text).toContain('Includes draft assessments that are not signed off');
  expect(text).toContain(`Page ${pages.length} of ${pages.length}`);

  await expect(report.progress()).toHaveCount(0);
  await expect(report.region()).toContainText(`The board report is ready (${pages.length} pages)`);
  await expect(report.region().getByRole('link', { name: `Save ${file.suggestedFilename()}` })).toBeVisible();
  await saveScreen('board-report-ready');
  await expectNoAxeViolations();
});

test('the site and ward pages offer their reports; the ward report downloads for the chosen assessment', async ({
  page,
  api,
  saveScreen,
  expectNoAxeViolations,
}) => {
  test.slow(); // a PDF built, downloaded and read back, four pages, two accessibility checks
  const { site, ward } = await demoWithAssessment(api);

  await page.goto(`/#/sites/${site.id}`);
  const siteReport = new ReportSection(page, 'site report');
  await expect(siteReport.choice('Round')).toHaveValue('2026/27');
  await expectNoAxeViolations();

  const other = (await api('wards.list', { siteId: site.id })).find((w) => w.name === 'Birch Ward')!;
  await page.goto(`/#/wards/${other.id}`);
  const unassessed = new ReportSection(page, 'ward report');
  await expect(unassessed.region()).toContainText('This ward has not been assessed yet');
  await expect(unassessed.button()).toHaveCount(0);

  await page.goto(`/#/wards/${ward.id}`);
  const wardReport = new ReportSection(page, 'ward report');
  await expect(wardReport.choice('Assessment').locator('option')).toHaveText(['2026/27, assessed 2026-11-20 (draft)']);
  const download = page.waitForEvent('download');
  await wardReport.button().click();
  const file = await download;
  const text = (await pdfPages(fs.readFileSync(await file.path()))).join(' ');
  expect(text).toContain('Ward assessment report: Willow Mother and Baby Unit');
  expect(text).toContain('Roof leaks over the nursery');
  await expect(wardReport.region()).toContainText('The ward report is ready');
  await saveScreen('ward-report-ready');
  await expectNoAxeViolations();
});
