import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_ROOT, createTestCore, type TestCore } from '../helpers/core';
import { answerAll } from '../helpers/assessments';
import { pdfImageCounts, pdfPages, reportEstate } from '../helpers/reports';
import { SMALL_WARD, wardWithAssessment } from '../helpers/walkthrough';

// Each report is generated from a real SQLite file with assessed wards, then parsed back with
// pdf.js to check what a reader would see. PDFs are also written to test-output/ to look at.

let core: TestCore | undefined;
afterEach(() => core?.close());

const OUT = path.join(APP_ROOT, 'test-output', 'reports');

function keep(name: string, bytes: Buffer) {
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(path.join(OUT, name), bytes);
}

function decode(file: { pdfBase64: string }): Buffer {
  return Buffer.from(file.pdfBase64, 'base64');
}

function expectPageNumbers(pages: string[]) {
  pages.forEach((text, i) => expect(text, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`));
}

describe('ward report', () => {
  it('shows the ward, its four ratings, every shortfall with its note and photo, the register and the plan', async () => {
    core = createTestCore();
    const estate = reportEstate(core);
    const file = await core.callAsync('reports.ward', { assessmentId: estate.lodzNow.id });
    const bytes = decode(file);
    keep('ward-lodz.pdf', bytes);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(file.fileName).toBe('ward-report-lodz-ward-2026-27-2026-11-23.pdf');

    const pages = await pdfPages(bytes);
    expect(file.pageCount).toBe(pages.length);
    expectPageNumbers(pages);
    const text = pages.join('\n');
    // Embedded Roboto: letters outside Latin-1 come back as themselves.
    expect(text).toContain('Łódź Ward');
    expect(text).toContain('Arden Hospital');
    expect(text).toContain('NHS Reportshire (S08000099)');
    expect(text).toContain('Morag Baird (estates)');
    expect(text).toContain('Draft – not signed off');
    for (const page of pages) expect(page).toContain('Includes draft assessments that are not signed off');
    for (const page of pages) expect(page).toContain('quality-2026.1'.replace('-', '@'));
    // Ratings: the high residual point keeps ligature amber; a grade C and partials leave the others below 100%.
    expect(text).toMatch(/Ligature risk\s+Amber/);
    expect(text).toMatch(/Safety\s+Green\s+100\.0%/);
    // Shortfalls with the question, the answer, the note and the photo.
    expect(text).toContain('Grade C');
    expect(text).toContain('Does this area feel domestic rather than institutional');
    expect(text).toContain('Bare walls; the sofa is worn through');
    expect((await pdfImageCounts(bytes)).reduce((a, b) => a + b, 0)).toBe(1);
    // The register: element, tier, L×S with its band, and the action.
    expect(text).toContain('Curtain track');
    expect(text).toMatch(/2 × 4 = 8\s+High/);
    expect(text).toContain('Remove by 31 March 2027 (On track)');
    expect(text).toContain('Replace with a collapsible track');
  });

  it('says a signed-off ward report holds signed-off work only, and marks an overdue action', async () => {
    core = createTestCore();
    const estate = reportEstate(core);
    const file = await core.callAsync('reports.ward', { assessmentId: estate.birchNew.id });
    const bytes = decode(file);
    keep('ward-birch.pdf', bytes);
    const pages = await pdfPages(bytes);
    const text = pages.join('\n');
    expectPageNumbers(pages);
    expect(text).toContain('Signed off on 21 November 2026 by Morag Baird');
    for (const page of pages) expect(page).toContain('All assessments in this report are signed off.');
    expect(text).not.toContain('Includes draft');
    // The critical "no" fires a gate: safety is red whatever its percentage, and the gate is listed.
    expect(text).toMatch(/Safety\s+Red/);
    expect(text).toMatch(/Critical item S11 \(“Is the fire risk assessment for the ward current, with no high- ?priority actions overdue\?”\) answered No for the whole ward\./);
    expect(text).toMatch(/Ligature risk\s+Red/);
    expect(text).toContain('extreme residual risk (15)');
    expect(text).toMatch(/10 November 2026\s+OVERDUE/);
  });

  it('states the engine behind its figures, every action on a point, a lower tier’s reason, the lead’s confirmation and what the ligature action figures count', async () => {
    core = createTestCore();
    const { assessment, assessorId } = wardWithAssessment(core, SMALL_WARD);
    const area = (type: string) => assessment.areas.find((a) => a.type === type)!.areaId;
    answerAll(core, assessment.id, (item, areaId) => ((item.id === 'L09' && areaId === area('lounge')) || (item.id === 'L01' && areaId === area('bedroom')) ? 'risk_present' : undefined));
    const base = { assessmentId: assessment.id, heightBand: 'above_head' as const, description: 'Found on the walk round', assessorId };
    const track = core.call('ligaturePoints.create', {
      ...base, areaId: area('lounge'), itemId: 'L09', element: 'Curtain track', tier: 2, controls: [{ kind: 'other', description: 'Track fixed with tamper-proof screws' }],
      likelihoodBefore: 3, severityBefore: 4, likelihoodAfter: 3, severityAfter: 4,
    });
    const action = (type: 'replace' | 'mitigate', dueDate: string, status: 'open' | 'complete') =>
      core!.call('actions.create', { assessmentId: assessment.id, ligaturePointId: track.id, type, description: `${type} the track`, owner: 'Estates', dueDate, priority: 'high', status });
    action('replace', '2027-02-28', 'open');
    action('mitigate', '2026-11-10', 'complete');
    core.call('ligaturePoints.create', {
      ...base, areaId: area('bedroom'), itemId: 'L01', element: 'Door stop', tier: 2, tierReason: 'Door held open in sight of the staff base', controls: [{ kind: 'physical_modification', description: 'Flush stop' }],
      likelihoodBefore: 3, severityBefore: 2, likelihoodAfter: 1, severityAfter: 2,
    });
    core.call('assessments.signOff', { assessmentId: assessment.id, signedOffBy: assessorId, confirmOtherControls: [track.id] });

    const file = await core.callAsync('reports.ward', { assessmentId: assessment.id });
    const bytes = decode(file);
    keep('ward-method-2.pdf', bytes);
    const text = (await pdfPages(bytes)).join('\n');
    expect(text).toMatch(/Scored by\s+mhea-\s?scoring\/2, the result kept when it was signed off/);
    expect(text).toMatch(/"Other" control confirmed by Morag Baird on 23 November 2026 at sign-\s?off/);
    expect(text).toMatch(/2 \(below the area's: Door held open in sight of the staff base\)/);
    expect(text).toMatch(/Replace with a tested product by 28 February 2027 \(Open\)/);
    expect(text).toMatch(/Mitigate by 10 November 2026 \(Complete\)/);
    expect(text).toMatch(/Ligature actions overdue on the assessment date \(20 November 2026\)\s+0/);
    expect(text).toMatch(/Oldest target date of an open ligature action\s+28 February 2027/);
    expect(text).toMatch(/actions on compliance items \(quality, safety, therapeutic\) are not counted here/);
    expect(text).toMatch(/Every action, ligature and compliance alike\. "Overdue": not complete, and marked overdue or past its due date on 23 November 2026/);
  });

  it('refuses an assessment that does not exist, naming it', async () => {
    core = createTestCore();
    const result = await core.rawAsync('reports.ward', { assessmentId: crypto.randomUUID() });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('NOT_FOUND');
  });
});

describe('board and site reports', () => {
  it('the board report has scope, a heat map, charts, the top risks, overdue actions and change since last round', async () => {
    core = createTestCore();
    const estate = reportEstate(core);
    const file = await core.callAsync('reports.board', { boardId: estate.board.id, includeDrafts: true });
    const bytes = decode(file);
    keep('board.pdf', bytes);
    expect(file.fileName).toBe('board-report-nhs-reportshire-2026-27-2026-11-23.pdf');
    const pages = await pdfPages(bytes);
    expect(file.pageCount).toBe(pages.length);
    expect(pages.length).toBeGreaterThan(1);
    expectPageNumbers(pages);
    const text = pages.join('\n');

    expect(text).toContain('Consolidated estate report: NHS Reportshire');
    expect(text).toMatch(/Assessments counted\s+Signed off; drafts included \(marked "Draft"\) where a ward has no signed-\s?off assessment in the round/);
    expect(text).toMatch(/Wards assessed in this round\s+3 \(2 signed off, 1 draft\)/);
    expect(text).toMatch(/Scored by\s+mhea-\s?scoring\/2 \(3 wards\)/);
    expect(text).toContain('Quiet Ward (Glen Hospital)');
    for (const name of ['Birch Ward', 'Łódź Ward', 'Rowan Ward']) expect(text).toContain(name);
    for (const page of pages) expect(page).toContain('Includes draft assessments that are not signed off');
    expect(text).toContain('How wards are scored');
    // Heat map cells carry the rating word as well as its colour.
    expect(text).toMatch(/Birch Ward[\s\S]*?Signed off\s+Green[\s\S]*?Red\s+\d+\.\d%, gate\s+Red\s+1 extreme, 0 high/);
    // Chart legends and labels are text in the SVG.
    expect(text).toContain('Older adult');
    expect(text).toContain('Tier 3');
    // Top risks: the extreme one first, then the high one.
    const top = text.slice(text.indexOf('residual ligature risks'));
    expect(top.indexOf('Overhead door closer')).toBeGreaterThan(0);
    expect(top.indexOf('Overhead door closer')).toBeLessThan(top.indexOf('Curtain track'));
    expect(top).toMatch(/3 × 5 = 15\s+Extreme/);
    // Action plan status and the overdue action.
    expect(text).toMatch(/3 actions, on ligature points and compliance items alike: 3 not complete, of which 1 overdue/);
    expect(text).toMatch(/Fit a concealed anti-\s?ligature closer/);
    // Change since 2025/26: Birch went from green to red in safety and ligature; the others are new.
    expect(text).toContain('Change since the previous round (2025/26)');
    expect(text).toContain('Green to Red (worse)');
    expect(text).toContain('Amber (new)');
  });

  it('counts signed-off assessments only unless drafts are asked for, and says so', async () => {
    core = createTestCore();
    const estate = reportEstate(core);
    const text = (await pdfPages(decode(await core.callAsync('reports.board', { boardId: estate.board.id })))).join('\n');
    expect(text).toMatch(/Assessments counted\s+Signed off only \(drafts are left out\)/);
    expect(text).toMatch(/Wards assessed in this round\s+2 signed off/);
    // The draft ward is not in the heat map: it is listed as not assessed in the round.
    expect(text).toMatch(/Not assessed in this round \(2\)\s+Łódź Ward \(Arden Hospital\), Quiet Ward \(Glen Hospital\)/);
    expect(text).toContain('All assessments in this report are signed off.');
    expect(text).not.toContain('Includes draft');
  });

  it('a round can be chosen; the earlier round has no previous round to compare with', async () => {
    core = createTestCore();
    const estate = reportEstate(core);
    expect(core.call('reports.rounds', { boardId: estate.board.id })).toEqual(['2026/27', '2025/26']);
    expect(core.call('reports.rounds', { siteId: estate.glen.id })).toEqual(['2026/27']);
    const file = await core.callAsync('reports.board', { boardId: estate.board.id, round: '2025/26' });
    const text = (await pdfPages(decode(file))).join('\n');
    expect(text).toMatch(/Wards assessed in this round\s+1 signed off/);
    expect(text).toContain('All assessments in this report are signed off.');
    expect(text).toContain('No earlier round has been assessed in this scope');
    expect(text).not.toContain('Overhead door closer');

    const refused = await core.rawAsync('reports.board', { boardId: estate.board.id, round: '2019/20' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: ['round'] }] } });
    if (!refused.ok) expect(refused.error.message).toContain('Rounds signed off there: 2026/27, 2025/26. Include drafts to report on assessments not yet signed off.');
  });

  it('the site report covers that site only', async () => {
    core = createTestCore();
    const estate = reportEstate(core);
    const file = await core.callAsync('reports.site', { siteId: estate.glen.id });
    const bytes = decode(file);
    keep('site-glen.pdf', bytes);
    const pages = await pdfPages(bytes);
    expectPageNumbers(pages);
    const text = pages.join('\n');
    expect(text).toContain('Site report: Glen Hospital');
    expect(text).toContain('Rowan Ward');
    expect(text).not.toContain('Birch Ward');
    expect(text).toMatch(/Not assessed in this round \(1\)\s+Quiet Ward/);
    expect(text).toContain('All assessments in this report are signed off.');
    expect(text).toContain('No ligature points recorded in the wards assessed.');
  });

  it('a board with no assessment yet still gives an honest report', async () => {
    core = createTestCore();
    const board = core.call('boards.create', { name: 'NHS Empty' });
    const file = await core.callAsync('reports.board', { boardId: board.id });
    const text = (await pdfPages(decode(file))).join('\n');
    expect(text).toContain('No ward has been assessed in this round.');
    expect(text).toMatch(/Round\s+None assessed yet/);
    expect(text).toContain('No ward assessed yet');
    expect(text).toContain('No assessment is included in this report.');
    expect(text).not.toContain('All assessments in this report are signed off.');
  });
});
