import { afterEach, describe, expect, it } from 'vitest';
import type { Input } from '../../src/shared/contract';
import { answerAll, startAssessment } from '../helpers/assessments';
import { createTestCore, type TestCore } from '../helpers/core';
import { SMALL_WARD, wardWithAssessment } from '../helpers/walkthrough';

// The recording rules of scoring method 2 as the services apply them: what the forms refuse, what
// sign-off refuses or asks the lead to confirm, and "today" as the calendar date in Europe/London.

let core: TestCore;
afterEach(() => core.close());

type PointInput = Omit<Input<'ligaturePoints.create'>, 'assessmentId' | 'areaId' | 'assessorId'>;

function draft() {
  const made = wardWithAssessment(core, SMALL_WARD);
  const area = (type: string) => made.assessment.areas.find((a) => a.type === type)!.areaId;
  const point = (areaId: string, fields: Partial<PointInput>) =>
    core.raw('ligaturePoints.create', {
      assessmentId: made.assessment.id,
      areaId,
      assessorId: made.assessorId,
      itemId: null,
      element: 'Curtain rail',
      heightBand: 'above_head',
      tier: 3,
      description: 'Fixed rail',
      controls: [{ kind: 'physical_modification', description: 'Collapsible rail' }],
      likelihoodBefore: 4,
      severityBefore: 4,
      likelihoodAfter: 1,
      severityAfter: 4,
      ...fields,
    });
  return { ...made, area, point };
}

const fieldsOf = (result: ReturnType<TestCore['raw']>) => (result.ok ? [] : (result.error.fields ?? []).map((f) => [f.path.join('.'), f.message]));

describe('recording a ligature point', () => {
  it('refuses a tier below the area’s without a reason, keeps one given, and drops a reason that explains nothing', () => {
    core = createTestCore();
    const { point, area } = draft();
    const refused = point(area('bedroom'), { tier: 2 });
    expect(fieldsOf(refused)).toEqual([['tierReason', 'Bedroom 1 is tier 3: say why this point is at tier 2']]);
    const kept = point(area('bedroom'), { tier: 2, tierReason: 'Behind the observation window of the staff base' });
    expect(kept).toMatchObject({ ok: true, data: { tier: 2, tierReason: 'Behind the observation window of the staff base' } });
    // At (or above) the area's tier a reason says nothing: it is not kept.
    expect(point(area('bedroom'), { tier: 3, tierReason: 'Not needed' })).toMatchObject({ ok: true, data: { tierReason: null } });
    expect(point(area('lounge'), { tier: 3, tierReason: 'Not needed' })).toMatchObject({ ok: true, data: { tierReason: null } });
  });

  it('refuses a risk after controls above the risk before, and a control that says nothing', () => {
    core = createTestCore();
    const { point, area } = draft();
    // tier 3: before 4 × 2 = 8, after (documented) 3 × 3 = 9
    expect(fieldsOf(point(area('bedroom'), { likelihoodBefore: 4, severityBefore: 2, likelihoodAfter: 3, severityAfter: 3 }))).toEqual([
      ['likelihoodAfter', 'The risk after controls cannot be higher than the risk before controls: check the likelihood and severity on both sides'],
    ]);
    expect(fieldsOf(point(area('bedroom'), { controls: [{ kind: 'other', description: ' ' }] }))).toEqual([['controls.0.description', 'Describe the other control']]);
    expect(fieldsOf(point(area('bedroom'), { controls: [{ kind: 'access_restriction', description: '' }] }))).toEqual([['controls.0.description', 'Describe the access restriction']]);
    // Vigilance kinds may go undescribed.
    expect(point(area('bedroom'), { likelihoodAfter: 4, controls: [{ kind: 'staff_observation', description: '' }] }).ok).toBe(true);
  });

  it('takes a likelihood below the tier floor as recorded (the engine raises it), and records vigilance alone for a high risk as a red finding', () => {
    core = createTestCore();
    const { point, area, assessment } = draft();
    const below = point(area('bedroom'), { likelihoodBefore: 2, severityBefore: 5, likelihoodAfter: 1, severityAfter: 5 });
    expect(below).toMatchObject({ ok: true, data: { likelihoodBefore: 2 } });
    const found = point(area('en_suite'), { element: 'Basin waste', likelihoodBefore: 2, severityBefore: 3, likelihoodAfter: 1, severityAfter: 3, controls: [{ kind: 'staff_vigilance', description: 'Hourly checks' }] });
    expect(found.ok).toBe(true);
    const ligature = core.call('assessments.score', { id: assessment.id }).scores.ligature;
    const scored = (result: typeof below) => ligature.points.find((p) => result.ok && p.pointId === (result.data as { id: string }).id)!;
    expect([scored(below).inherent.score, scored(below).floorApplied.inherent, scored(below).residual.score]).toEqual([20, true, 5]);
    expect([scored(found).inherent.score, scored(found).floorApplied.inherent, scored(found).residual.score]).toEqual([12, true, 12]);
    expect(ligature.rating).toBe('red');
    expect(ligature.gates.map((g) => g.reason)).toEqual(['vigilance_only_control', 'high_without_dated_removal']);
  });
});

describe('"not applicable" on a ligature prompt', () => {
  it('needs a reason, and sign-off lists every one in a tier 2 or 3 area', () => {
    core = createTestCore();
    const { assessment, assessorId, area } = draft();
    answerAll(core, assessment.id);
    const lounge = area('lounge');
    const refused = core.raw('answers.record', { assessmentId: assessment.id, itemId: 'L09', areaId: lounge, value: 'na', assessorId });
    expect(fieldsOf(refused)).toEqual([['naReason', 'L09 is a ligature prompt: say why it does not apply here']]);
    core.call('answers.record', { assessmentId: assessment.id, itemId: 'L09', areaId: lounge, value: 'na', naReason: 'Lounge emptied for refurbishment', assessorId });
    const check = core.call('assessments.signOffCheck', { assessmentId: assessment.id });
    expect(check.naPromptsInSupervisedAreas.map((p) => [p.itemId, p.areaName, p.naReason])).toEqual([['L09', 'Lounge', 'Lounge emptied for refurbishment']]);
    expect(check.ready).toBe(true);
  });
});

describe('a high risk resting on an "other" control', () => {
  it('is listed at sign-off; sign-off is refused until the lead confirms it, and the confirmation is recorded (and not carried to the next round)', () => {
    core = createTestCore();
    const { assessment, assessorId, area, point, ward } = draft();
    answerAll(core, assessment.id, (item, areaId) => (item.id === 'L09' && areaId === area('lounge') ? 'risk_present' : undefined));
    const created = point(area('lounge'), {
      itemId: 'L09', tier: 2, element: 'Curtain track', likelihoodBefore: 3, severityBefore: 4, likelihoodAfter: 3, severityAfter: 4,
      controls: [{ kind: 'other', description: 'Track fixed with tamper-proof screws, checked weekly' }],
    });
    if (!created.ok) throw new Error('point not recorded');
    const pointId = (created.data as { id: string }).id;
    core.call('actions.create', { assessmentId: assessment.id, ligaturePointId: pointId, type: 'replace', description: 'Fit a tested track', owner: 'Estates', dueDate: '2027-02-28', priority: 'high', status: 'open' });
    const check = core.call('assessments.signOffCheck', { assessmentId: assessment.id });
    expect(check).toMatchObject({ ready: true, otherControlsToConfirm: [{ pointId, areaName: 'Lounge', element: 'Curtain track', controls: 'Other: Track fixed with tamper-proof screws, checked weekly' }] });

    const refused = core.raw('assessments.signOff', { assessmentId: assessment.id, signedOffBy: assessorId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('1 high-risk point rests on an “other” control the lead has not confirmed'), fields: [{ path: ['confirmOtherControls', pointId] }] } });
    core.setNow('2026-11-23T15:45:00.000Z');
    core.call('assessments.signOff', { assessmentId: assessment.id, signedOffBy: assessorId, confirmOtherControls: [pointId] });
    expect(core.call('ligaturePoints.list', { assessmentId: assessment.id })[0]).toMatchObject({ otherControlConfirmedBy: 'Morag Baird', otherControlConfirmedAt: '2026-11-23T15:45:00.000Z' });
    expect(core.call('audit.list', { entityId: assessment.id, limit: 1 })[0]!.after).toMatchObject({ otherControlsConfirmed: [pointId] });

    // Next round: the point, still there, is confirmed afresh at that round's sign-off.
    const next = startAssessment(core, ward.id, { round: '2027/28', assessedOn: '2027-11-20' });
    const recheck = core.call('rechecks.list', { assessmentId: next.id }).find((r) => r.subject === 'ligature_point')!;
    const decided = core.call('rechecks.decide', { recheckId: recheck.id, outcome: 'still_present', assessorId: next.assessors[0]!.id });
    expect(core.call('ligaturePoints.list', { assessmentId: next.id }).find((p) => p.id === decided.currentId)).toMatchObject({ otherControlConfirmedBy: null, otherControlConfirmedAt: null });
  });
});

describe('dates and rounds', () => {
  it('refuses an assessment dated after today in Europe/London, and a round that is not the date’s financial year', () => {
    core = createTestCore();
    const { ward } = wardWithAssessment(core, SMALL_WARD);
    const other = core.call('wards.create', { siteId: ward.siteId, name: 'Second Ward', type: 'adult_acute', bedCount: 6, sexDesignation: 'mixed' });
    const start = (assessedOn: string, round: string) =>
      core.raw('assessments.start', { wardId: other.id, assessedOn, round, announced: true, assessors: [{ name: 'Morag Baird', role: 'estates' }] });
    // 23:30 UTC on 30 June is 00:30 on 1 July in London: 1 July is today, 2 July is not yet.
    core.setNow('2026-06-30T23:30:00.000Z');
    expect(fieldsOf(start('2026-07-02', '2026/27'))).toEqual([['assessedOn', 'The assessment date cannot be in the future (today is 2026-07-01)']]);
    expect(fieldsOf(start('2026-07-01', '2025/26'))).toEqual([['round', 'The round must be the financial year of the assessment date: 2026/27']]);
    expect(start('2026-07-01', '2026/27').ok).toBe(true);
  });

  it('refuses to sign off an assessment dated after the day, or whose round does not match, and lets a draft’s details be corrected', () => {
    core = createTestCore();
    const { assessment, assessorId } = draft();
    answerAll(core, assessment.id);
    // A draft from before the round rule, recorded against the wrong year.
    core.store.sqlite.prepare("UPDATE assessments SET round = '2025/26' WHERE id = ?").run(assessment.id);
    // Signed off the day before the visit it records.
    core.setNow('2026-11-19T12:00:00.000Z');
    const check = core.call('assessments.signOffCheck', { assessmentId: assessment.id });
    expect(check.ready).toBe(false);
    expect(check.reasons).toEqual([
      'The assessment is dated in the future: the assessment is dated 2026-11-20, after the day it is signed off (2026-11-19)',
      'The round does not match the date: the round is 2025/26, but 2026-11-20 falls in the financial year 2026/27',
    ]);
    expect(core.raw('assessments.signOff', { assessmentId: assessment.id, signedOffBy: assessorId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(fieldsOf(core.raw('assessments.updateDetails', { id: assessment.id, assessedOn: '2026-11-20', round: '2026/27', announced: true }))).toEqual([
      ['assessedOn', 'The assessment date cannot be in the future (today is 2026-11-19)'],
    ]);
    const corrected = core.call('assessments.updateDetails', { id: assessment.id, assessedOn: '2026-11-18', round: '2026/27', announced: false });
    expect(corrected).toMatchObject({ assessedOn: '2026-11-18', round: '2026/27', announced: false });
    expect(core.call('assessments.signOffCheck', { assessmentId: assessment.id }).ready).toBe(true);
  });

  it('judges an action overdue on today’s date in Europe/London, not UTC', () => {
    core = createTestCore();
    const { assessment, area, point } = draft();
    const created = point(area('bedroom'), {});
    if (!created.ok) throw new Error('point not recorded');
    core.call('actions.create', { assessmentId: assessment.id, ligaturePointId: (created.data as { id: string }).id, type: 'replace', description: 'Replace the rail', owner: 'Estates', dueDate: '2027-06-30', priority: 'high', status: 'open' });
    core.setNow('2027-06-30T22:59:00.000Z'); // 23:59 in London, still 30 June
    expect(core.call('actions.list', { assessmentId: assessment.id })[0]!.overdue).toBe(false);
    core.setNow('2027-06-30T23:01:00.000Z'); // 00:01 on 1 July in London; the UTC date is still 30 June
    expect(core.call('actions.list', { assessmentId: assessment.id })[0]!.overdue).toBe(true);
  });
});
