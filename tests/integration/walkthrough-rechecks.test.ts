import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { answerAll, startAssessment } from '../helpers/assessments';
import { RESOURCES, createTestCore, type TestCore } from '../helpers/core';
import { SMALL_WARD, wardWithAssessment } from '../helpers/walkthrough';

let core: TestCore;
afterEach(() => core.close());

const risky = (item: { id: string }) => (item.id === 'L01' ? 'risk_present' : item.id === 'Q10' ? 'no' : undefined);

/** Round one: two ligature points, an open action on one, a complete action, an open action on an answer. */
function firstRound() {
  const made = wardWithAssessment(core, SMALL_WARD);
  const { assessment, assessorId } = made;
  answerAll(core, assessment.id, risky);
  const bedroom = assessment.areas.find((a) => a.type === 'bedroom')!.areaId;
  const garden = assessment.areas.find((a) => a.type === 'garden')!.areaId;
  const point = (areaId: string, element: string) =>
    core.call('ligaturePoints.create', {
      assessmentId: assessment.id, areaId, itemId: areaId === bedroom ? 'L01' : null, element, heightBand: 'knee_to_head', tier: areaId === bedroom ? 3 : 2,
      description: `${element} in place`, controls: [{ kind: 'physical_modification', description: 'Anti-ligature fitting' }],
      likelihoodBefore: 4, severityBefore: 5, likelihoodAfter: 2, severityAfter: 4, assessorId,
    });
  const rail = point(bedroom, 'Curtain rail');
  const fence = point(garden, 'Fence');
  const action = (extra: Record<string, unknown>, description: string, status: 'open' | 'complete') =>
    core.call('actions.create', { assessmentId: assessment.id, type: 'replace', description, owner: 'Estates', dueDate: '2027-03-31', priority: 'medium', status, ...extra });
  const railAction = action({ ligaturePointId: rail.id }, 'Fit a collapsible rail', 'open');
  action({ ligaturePointId: fence.id }, 'Top the fence', 'complete');
  const answerAction = action({ answerId: `${assessment.id}:Q10:${core.call('answers.list', { assessmentId: assessment.id }).find((a) => a.itemId === 'Q10')!.areaId ?? 'ward'}` }, 'Repair the flooring', 'open');
  core.call('assessments.signOff', { assessmentId: assessment.id, signedOffBy: assessorId });
  return { ...made, rail, fence, railAction, answerAction };
}

describe('a new round', () => {
  it('links the previous assessment, copies the ward’s current areas but no answers, and puts every point and open action up for re-check', () => {
    core = createTestCore();
    const first = firstRound();
    core.call('areas.create', { wardId: first.ward.id, type: 'quiet_room', name: 'Quiet room', supervisionTier: 2 });
    const next = startAssessment(core, first.ward.id, { round: '2027/28', assessedOn: '2027-11-20' });
    expect(next.previousAssessmentId).toBe(first.assessment.id);
    expect(next.areas.map((a) => a.name).sort()).toEqual([...SMALL_WARD.map(([, n]) => n), 'Quiet room'].sort());
    expect(core.call('answers.list', { assessmentId: next.id })).toEqual([]);
    expect(core.call('ligaturePoints.list', { assessmentId: next.id })).toEqual([]);

    const rechecks = core.call('rechecks.list', { assessmentId: next.id });
    // Points first (by area name: Bedroom 1, Garden), then the open actions; the complete one is not carried.
    expect(rechecks.map((r) => [r.subject, r.previousId])).toEqual([
      ['ligature_point', first.rail.id],
      ['ligature_point', first.fence.id],
      ['action', first.railAction.id],
      ['action', first.answerAction.id],
    ]);
    expect(rechecks.every((r) => r.outcome === null && r.currentId === null)).toBe(true);
    expect(rechecks[0]).toMatchObject({ areaName: 'Bedroom 1', summary: 'Curtain rail: Curtain rail in place', previousPoint: { id: first.rail.id, element: 'Curtain rail' }, previousAction: null });
    expect(rechecks[2]).toMatchObject({ areaName: 'Bedroom 1', previousAction: { id: first.railAction.id, description: 'Fit a collapsible rail' } });

    // Sign-off waits for every re-check.
    answerAll(core, next.id);
    const check = core.call('assessments.signOffCheck', { assessmentId: next.id });
    expect(check.ready).toBe(false);
    expect(check.undecidedRechecks.map((r) => r.id)).toEqual(rechecks.map((r) => r.id));
    expect(check.missing).toEqual([]);
    const refused = core.raw('assessments.signOff', { assessmentId: next.id, signedOffBy: next.assessors[0]!.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/4 re-checks from the previous round are not yet decided/) } });
  });

  it('follows a point across three rounds by its lineage: still present, then removed', () => {
    core = createTestCore();
    const first = firstRound();
    const round2 = startAssessment(core, first.ward.id, { round: '2027/28', assessedOn: '2027-11-20' });
    const assessor2 = round2.assessors[0]!.id;
    const [railCheck, fenceCheck, railActionCheck, answerActionCheck] = core.call('rechecks.list', { assessmentId: round2.id });

    // An action waits for its point's re-check, and an answer's action for this round's answer.
    expect(core.raw('rechecks.decide', { recheckId: railActionCheck!.id, outcome: 'still_present', assessorId: assessor2 })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Re-check the ligature point/) } });
    expect(core.raw('rechecks.decide', { recheckId: answerActionCheck!.id, outcome: 'still_present', assessorId: assessor2 })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^Answer Q10 for .* in this round first/) } });

    const stillThere = core.call('rechecks.decide', { recheckId: railCheck!.id, outcome: 'still_present', note: 'Not yet replaced', assessorId: assessor2 });
    expect(stillThere).toMatchObject({ outcome: 'still_present', note: 'Not yet replaced', assessorId: assessor2 });
    const copy = core.call('ligaturePoints.list', { assessmentId: round2.id }).find((p) => p.id === stillThere.currentId)!;
    expect(copy).toMatchObject({ lineageId: first.rail.lineageId, element: 'Curtain rail', likelihoodAfter: 2, assessorId: assessor2 });
    expect(copy.id).not.toBe(first.rail.id);

    core.call('rechecks.decide', { recheckId: fenceCheck!.id, outcome: 'removed', assessorId: assessor2 });
    const carried = core.call('rechecks.decide', { recheckId: railActionCheck!.id, outcome: 'still_present', assessorId: assessor2 });
    const actionCopy = core.call('actions.list', { assessmentId: round2.id }).find((a) => a.id === carried.currentId)!;
    expect(actionCopy).toMatchObject({ ligaturePointId: copy.id, lineageId: first.railAction.lineageId, description: 'Fit a collapsible rail', status: 'open' });

    answerAll(core, round2.id, risky);
    const changed = core.call('rechecks.decide', { recheckId: answerActionCheck!.id, outcome: 'changed', assessorId: assessor2 });
    const answerActionCopy = core.call('actions.list', { assessmentId: round2.id }).find((a) => a.id === changed.currentId)!;
    expect(answerActionCopy.answerId).toMatch(new RegExp(`^${round2.id}:Q10:`));
    core.call('actions.update', { id: answerActionCopy.id, type: 'replace', description: 'Replace the whole floor', owner: 'Estates', dueDate: '2028-03-31', priority: 'high', status: 'on_track' });
    core.call('assessments.signOff', { assessmentId: round2.id, signedOffBy: assessor2 });

    const round3 = startAssessment(core, first.ward.id, { round: '2028/29', assessedOn: '2028-11-20' });
    const assessor3 = round3.assessors[0]!.id;
    const rechecks3 = core.call('rechecks.list', { assessmentId: round3.id });
    expect(rechecks3.map((r) => r.previousId).sort()).toEqual([copy.id, actionCopy.id, answerActionCopy.id].sort());
    const railCheck3 = rechecks3.find((r) => r.previousId === copy.id)!;
    core.call('rechecks.decide', { recheckId: railCheck3.id, outcome: 'removed', note: 'Collapsible rail fitted', assessorId: assessor3 });

    const history = core.call('ligaturePoints.history', { lineageId: first.rail.lineageId });
    expect(history.map((h) => [h.assessment.round, h.point?.id ?? null, h.recheck?.outcome ?? null, h.recheck?.note ?? null])).toEqual([
      ['2026/27', first.rail.id, null, null],
      ['2027/28', copy.id, 'still_present', 'Not yet replaced'],
      ['2028/29', null, 'removed', 'Collapsible rail fitted'],
    ]);
    expect(history.map((h) => h.assessment.status)).toEqual(['signed_off', 'signed_off', 'draft']);
    expect(core.raw('ligaturePoints.history', { lineageId: 'no-such-lineage' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('lets a decision be changed while the copy has nothing attached, and refuses once it has', () => {
    core = createTestCore();
    const first = firstRound();
    const round2 = startAssessment(core, first.ward.id, { round: '2027/28', assessedOn: '2027-11-20' });
    const assessorId = round2.assessors[0]!.id;
    const [railCheck] = core.call('rechecks.list', { assessmentId: round2.id });
    const changed = core.call('rechecks.decide', { recheckId: railCheck!.id, outcome: 'changed', assessorId });
    const same = core.call('rechecks.decide', { recheckId: railCheck!.id, outcome: 'still_present', assessorId });
    expect(same.currentId).toBe(changed.currentId);
    const removed = core.call('rechecks.decide', { recheckId: railCheck!.id, outcome: 'removed', assessorId });
    expect(removed.currentId).toBeNull();
    expect(core.call('ligaturePoints.list', { assessmentId: round2.id })).toEqual([]);

    const again = core.call('rechecks.decide', { recheckId: railCheck!.id, outcome: 'still_present', assessorId });
    core.call('actions.create', { assessmentId: round2.id, ligaturePointId: again.currentId!, type: 'remove', description: 'Take the rail down', owner: 'Estates', dueDate: '2028-01-31', priority: 'high', status: 'open' });
    const refused = core.raw('rechecks.decide', { recheckId: railCheck!.id, outcome: 'removed', assessorId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/already has an action or photo/) } });
    expect(core.call('ligaturePoints.list', { assessmentId: round2.id })).toHaveLength(1);
  });

  it('carries a point into a round on a newer ligature checklist that dropped its prompt, so the copy can still be edited', () => {
    core = createTestCore();
    const { assessment, assessorId, ward } = wardWithAssessment(core, SMALL_WARD);
    answerAll(core, assessment.id);
    const bedroom = assessment.areas.find((a) => a.type === 'bedroom')!.areaId;
    const fields = { areaId: bedroom, element: 'Bed frame', heightBand: 'low_lying', tier: 3, description: 'Slatted frame', controls: [{ kind: 'physical_modification', description: 'Solid plinth ordered' }], likelihoodBefore: 4, severityBefore: 4, likelihoodAfter: 4, severityAfter: 4 } as const;
    const kept = core.call('ligaturePoints.create', { assessmentId: assessment.id, itemId: 'L01', ...fields, controls: [...fields.controls], assessorId });
    const dropped = core.call('ligaturePoints.create', { assessmentId: assessment.id, itemId: 'L02', ...fields, controls: [...fields.controls], assessorId });
    core.call('assessments.signOff', { assessmentId: assessment.id, signedOffBy: assessorId });

    const template = JSON.parse(fs.readFileSync(path.join(RESOURCES, 'checklists', 'ligature.json'), 'utf8')) as { version: string; items: { id: string }[] };
    template.version = '2026.2';
    template.items = template.items.filter((i) => i.id !== 'L02');
    core.call('templates.install', { fileName: 'ligature-2026.2.json', content: JSON.stringify(template) });
    const round2 = startAssessment(core, ward.id, { round: '2027/28', assessedOn: '2027-11-20' });
    expect(round2.templates.ligature).toBe('ligature@2026.2');
    const assessor2 = round2.assessors[0]!.id;
    const copies = core.call('rechecks.list', { assessmentId: round2.id }).map((r) => core.call('rechecks.decide', { recheckId: r.id, outcome: 'changed', assessorId: assessor2 }));
    const points = core.call('ligaturePoints.list', { assessmentId: round2.id });
    const keptCopy = points.find((p) => p.lineageId === kept.lineageId)!;
    const droppedCopy = points.find((p) => p.lineageId === dropped.lineageId)!;
    expect([keptCopy.itemId, droppedCopy.itemId]).toEqual(['L01', null]);
    expect(copies.every((c) => c.currentId !== null)).toBe(true);
    const edited = core.call('ligaturePoints.update', { id: droppedCopy.id, ...fields, controls: [...fields.controls], itemId: null, description: 'Plinth fitted on one side', assessorId: assessor2 });
    expect(edited.description).toBe('Plinth fitted on one side');
  });

  it('starts a first assessment with nothing to re-check', () => {
    core = createTestCore();
    const { assessment } = wardWithAssessment(core, SMALL_WARD);
    expect(assessment.previousAssessmentId).toBeNull();
    expect(core.call('rechecks.list', { assessmentId: assessment.id })).toEqual([]);
  });
});
