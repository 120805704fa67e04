import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultTierFor } from '../../src/shared/domain/estate';
import { serialiseReturn } from '../../src/shared/exchange';
import { explainRatings } from '../../src/shared/scoring';
import { goodValue, instancesOf, signOff, startAssessment } from '../helpers/assessments';
import { createTestCore, makeWard, tempDir, type TestCore } from '../helpers/core';
import { buildJpeg } from '../helpers/images';
import { pdfPages, solidPng } from '../helpers/reports';
import { answerInstances, wardWithAssessment } from '../helpers/walkthrough';

// The ward round as it is walked: the assessor's route (kept for the next round), sample rooms
// (areas of one design filled from a fully answered one, with provenance and copied ligature
// points to confirm), "no findings" for a whole area, and undoing either.

let core: TestCore;
afterEach(() => core?.close());

const WARD: [Parameters<typeof wardWithAssessment>[1][number][0], string][] = [
  ['bedroom', 'Bedroom 1'],
  ['bedroom', 'Bedroom 2'],
  ['bedroom', 'Bedroom 3'],
  ['en_suite', 'En-suite 1'],
  ['lounge', 'Lounge'],
  ['entrance', 'Ward entrance'],
];

function setUp() {
  core = createTestCore();
  const made = wardWithAssessment(core, WARD);
  const area = (name: string) => made.assessment.areas.find((a) => a.name === name)!.areaId;
  return { ...made, area };
}

/** Answers every question of one area (compliantly, or as `pick` says). */
function answerArea(assessmentId: string, areaId: string, pick: (itemId: string) => string | undefined = () => undefined) {
  const assessment = core.call('assessments.get', { id: assessmentId });
  const here = instancesOf(core, assessment).filter((i) => i.areaId === areaId);
  const assessorId = assessment.assessors[0]!.id;
  for (const { item } of here) {
    core.call('answers.record', { assessmentId, itemId: item.id, areaId, value: (pick(item.id) ?? goodValue(item)) as never, assessorId });
  }
  return here;
}

function bedroomPoint(assessmentId: string, areaId: string, assessorId: string) {
  return core.call('ligaturePoints.create', {
    assessmentId,
    areaId,
    itemId: 'L01',
    element: 'Door closer',
    heightBand: 'above_head',
    tier: 3,
    description: 'Overhead closer arm',
    controls: [{ kind: 'electronic_detection', description: 'Door-top alarm, tested weekly' }],
    likelihoodBefore: 4,
    severityBefore: 5,
    likelihoodAfter: 2,
    severityAfter: 5,
    assessorId,
  });
}

describe('the route through the ward', () => {
  it('starts a first round with the ward-level questions, then the entrance, communal rooms and bedrooms', () => {
    const { assessment } = setUp();
    expect(assessment.wardPosition).toBe(0);
    expect(assessment.areas.map((a) => a.name)).toEqual(['Ward entrance', 'Lounge', 'Bedroom 1', 'Bedroom 2', 'Bedroom 3', 'En-suite 1']);
  });

  it('is set by the assessor, refused unless it holds every area and the ward-level questions once, and audited', () => {
    const { assessment, area } = setUp();
    const ids = assessment.areas.map((a) => a.areaId);
    const refusals = [
      ids,
      [...ids, 'ward', 'ward'],
      [...ids.slice(1), 'ward'],
      [...ids, ids[0]!, 'ward'],
      [...ids, crypto.randomUUID(), 'ward'],
    ];
    for (const route of refusals) {
      expect(core.raw('assessments.setRoute', { assessmentId: assessment.id, route })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: ['route'] }] } });
    }
    const route = [area('Bedroom 3'), area('En-suite 1'), area('Bedroom 1'), 'ward', area('Bedroom 2'), area('Lounge'), area('Ward entrance')];
    const after = core.call('assessments.setRoute', { assessmentId: assessment.id, route });
    expect(after.areas.map((a) => a.name)).toEqual(['Bedroom 3', 'En-suite 1', 'Bedroom 1', 'Bedroom 2', 'Lounge', 'Ward entrance']);
    expect(after.wardPosition).toBe(3);
    const audit = core.call('audit.list', { entityId: assessment.id, limit: 1 })[0]!;
    expect(audit.after).toEqual({ route });
    // The walk's order of unanswered questions follows the route.
    const progress = core.call('assessments.progress', { assessmentId: assessment.id });
    expect(progress.areas.map((a) => a.areaId)).toEqual(route.map((stop) => (stop === 'ward' ? null : stop)));
  });

  it('is kept for the ward’s next round, with an area added since at its end, and cannot change once signed off', () => {
    const { assessment, area, ward, assessorId } = setUp();
    const route = ['ward', area('Bedroom 2'), area('Bedroom 1'), area('Bedroom 3'), area('En-suite 1'), area('Lounge'), area('Ward entrance')].reverse();
    core.call('assessments.setRoute', { assessmentId: assessment.id, route });
    // An area found on the walk joins the end of the route.
    const added = core.call('assessments.addArea', { assessmentId: assessment.id, type: 'quiet_room', name: 'Quiet room', supervisionTier: 2 });
    expect(added.assessment.areas.at(-1)!.name).toBe('Quiet room');
    const all = instancesOf(core, added.assessment);
    answerInstances(core, added.assessment, all);
    signOff(core, assessment.id);
    expect(core.raw('assessments.setRoute', { assessmentId: assessment.id, route: [...route, added.area.id] })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    core.call('areas.create', { wardId: ward.id, type: 'bedroom', name: 'Bedroom 4', supervisionTier: 3 });
    const next = startAssessment(core, ward.id, { round: '2027/28', assessedOn: '2027-11-20' });
    for (const recheck of core.call('rechecks.list', { assessmentId: next.id })) core.call('rechecks.decide', { recheckId: recheck.id, outcome: 'removed', assessorId: next.assessors[0]!.id });
    expect(next.areas.map((a) => a.name)).toEqual(['Ward entrance', 'Lounge', 'En-suite 1', 'Bedroom 3', 'Bedroom 1', 'Bedroom 2', 'Quiet room', 'Bedroom 4']);
    expect(next.wardPosition).toBe(6);
    expect(assessorId).toBeTruthy();
  });
});

describe('sample rooms', () => {
  it('refuses a sample that is not fully answered, and a target of another type', () => {
    const { assessment, area, assessorId } = setUp();
    const partly = instancesOf(core, assessment).filter((i) => i.areaId === area('Bedroom 1')).slice(0, 3);
    answerInstances(core, assessment, partly);
    const notReady = core.raw('answers.fillFromSample', { assessmentId: assessment.id, sourceAreaId: area('Bedroom 1'), targetAreaIds: [area('Bedroom 2')], assessorId });
    expect(notReady).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/Bedroom 1 has \d+ unanswered questions/), fields: [{ path: ['sourceAreaId'] }] } });
    answerArea(assessment.id, area('Bedroom 1'));
    const wrongType = core.raw('answers.fillFromSample', { assessmentId: assessment.id, sourceAreaId: area('Bedroom 1'), targetAreaIds: [area('Bedroom 2'), area('En-suite 1')], assessorId });
    expect(wrongType).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('En-suite 1 is not the same type of area'), fields: [{ path: ['targetAreaIds'] }] } });
    expect(core.call('answers.list', { assessmentId: assessment.id }).filter((a) => a.areaId === area('Bedroom 2'))).toEqual([]);
  });

  it('fills every unanswered question from the sample, never overwriting one already given, each with its provenance on record', () => {
    const { assessment, area, assessorId } = setUp();
    const bedroomItems = instancesOf(core, assessment).filter((i) => i.areaId === area('Bedroom 1') && 'response' in i.item && i.item.response.type === 'yes_partial_no');
    const [own, other] = bedroomItems.map((i) => i.item.id);
    const sample = answerArea(assessment.id, area('Bedroom 1'), (id) => (id === own ? 'partial' : undefined));
    // Bedroom 2 already has an answer of its own that differs from the sample.
    core.call('answers.record', { assessmentId: assessment.id, itemId: own!, areaId: area('Bedroom 2'), value: 'no', note: 'Window restrictor broken', assessorId });
    core.setNow('2026-11-23T11:15:00.000Z');
    const result = core.call('answers.fillFromSample', { assessmentId: assessment.id, sourceAreaId: area('Bedroom 1'), targetAreaIds: [area('Bedroom 2'), area('Bedroom 3')], assessorId });
    expect(result.fill).toMatchObject({ kind: 'copy', sourceAreaId: area('Bedroom 1'), areaIds: [area('Bedroom 2'), area('Bedroom 3')], answersStanding: sample.length * 2 - 1, pointsToConfirm: 0, undoneAt: null });
    expect(result.answers).toHaveLength(sample.length * 2 - 1);

    const stored = core.call('answers.list', { assessmentId: assessment.id });
    const at = (itemId: string, name: string) => stored.find((a) => a.itemId === itemId && a.areaId === area(name))!;
    expect(at(own!, 'Bedroom 2')).toMatchObject({ value: 'no', note: 'Window restrictor broken', copiedFromAreaId: null, fillId: null });
    expect(at(own!, 'Bedroom 3')).toMatchObject({ value: 'partial', copiedFromAreaId: area('Bedroom 1'), fillId: result.fill.id, assessorId, answeredAt: '2026-11-23T11:15:00.000Z' });
    for (const { item } of sample) expect(at(item.id, 'Bedroom 3').value).toEqual(at(item.id, 'Bedroom 1').value);
    const areas = core.call('assessments.get', { id: assessment.id }).areas;
    expect(areas.filter((a) => a.sampleAreaId === area('Bedroom 1')).map((a) => a.name)).toEqual(['Bedroom 2', 'Bedroom 3']);

    // Each copied answer is in the audit log: who (the assessor and the actor), when, and from where.
    const entry = core.call('audit.list', { entityId: at(other!, 'Bedroom 3').id, limit: 5 });
    expect(entry).toHaveLength(1);
    expect(entry[0]).toMatchObject({ action: 'create', actor: 'test assessor', at: '2026-11-23T11:15:00.000Z', after: { copiedFromAreaId: area('Bedroom 1'), fillId: result.fill.id, assessorId } });

    // Touching a copied answer (even with the same value) makes it the assessor's own.
    core.call('answers.record', { assessmentId: assessment.id, itemId: other!, areaId: area('Bedroom 3'), value: at(other!, 'Bedroom 3').value, assessorId });
    const touched = core.call('answers.list', { assessmentId: assessment.id }).find((a) => a.itemId === other && a.areaId === area('Bedroom 3'))!;
    expect(touched).toMatchObject({ copiedFromAreaId: null, fillId: null });
    expect(core.call('fills.list', { assessmentId: assessment.id })[0]!.answersStanding).toBe(sample.length * 2 - 2);
  });

  it('copies a “risk present” prompt’s ligature points as new points to confirm in each room: they score, and sign-off waits for them', () => {
    const { assessment, area, assessorId } = setUp();
    answerArea(assessment.id, area('Bedroom 1'), (id) => (id === 'L01' ? 'risk_present' : undefined));
    const source = bedroomPoint(assessment.id, area('Bedroom 1'), assessorId);
    const result = core.call('answers.fillFromSample', { assessmentId: assessment.id, sourceAreaId: area('Bedroom 1'), targetAreaIds: [area('Bedroom 2'), area('Bedroom 3')], assessorId });
    expect(result.points).toHaveLength(2);
    for (const [point, name] of result.points.map((p, i) => [p, ['Bedroom 2', 'Bedroom 3'][i]!] as const)) {
      expect(point).toMatchObject({
        areaId: area(name),
        itemId: 'L01',
        element: 'Door closer',
        copiedFromPointId: source.id,
        fillId: result.fill.id,
        copyConfirmedAt: null,
        likelihoodAfter: 2,
        severityAfter: 5,
      });
      expect(point.lineageId).toBe(point.id);
      expect(point.id).not.toBe(source.id);
    }
    expect(result.fill.pointsToConfirm).toBe(2);

    // Every point is in the register and scored: three rooms, three points.
    const scores = core.call('assessments.score', { id: assessment.id }).scores;
    expect(scores.ligature.summary.pointCount).toBe(3);

    // Everything else answered: sign-off still waits for the two copies.
    const rest = instancesOf(core, assessment).filter((i) => ![area('Bedroom 1'), area('Bedroom 2'), area('Bedroom 3')].includes(i.areaId ?? ''));
    answerInstances(core, assessment, rest);
    const check = core.call('assessments.signOffCheck', { assessmentId: assessment.id });
    expect(check.ready).toBe(false);
    expect(check.pointsToConfirm.map((p) => [p.areaName, p.element, p.sourceAreaName])).toEqual([
      ['Bedroom 2', 'Door closer', 'Bedroom 1'],
      ['Bedroom 3', 'Door closer', 'Bedroom 1'],
    ]);
    expect(check.reasons).toContain('2 ligature points copied from a sample room are not yet confirmed in their own room');
    expect(core.raw('assessments.signOff', { assessmentId: assessment.id, signedOffBy: assessorId })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fields: [{ path: ['pointsToConfirm', result.points[0]!.id] }, { path: ['pointsToConfirm', result.points[1]!.id] }] },
    });

    // Bedroom 2: confirmed as found. Bedroom 3: not there (and its prompt is answered again).
    const confirmed = core.call('ligaturePoints.confirmCopy', { id: result.points[0]!.id, assessorId });
    expect(confirmed.copyConfirmedAt).toBe('2026-11-23T10:00:00.000Z');
    expect(core.raw('ligaturePoints.confirmCopy', { id: result.points[0]!.id, assessorId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(core.raw('ligaturePoints.confirmCopy', { id: source.id, assessorId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    core.call('ligaturePoints.rejectCopy', { id: result.points[1]!.id, assessorId });
    core.call('answers.record', { assessmentId: assessment.id, itemId: 'L01', areaId: area('Bedroom 3'), value: 'no_risk', assessorId });
    expect(core.call('ligaturePoints.list', { assessmentId: assessment.id })).toHaveLength(2);
    expect(core.call('assessments.signOffCheck', { assessmentId: assessment.id })).toMatchObject({ ready: true, pointsToConfirm: [] });
  });

  it('takes a copied point changed in its room as confirmed, and will not remove one that carries a photo', () => {
    const { assessment, area, assessorId } = setUp();
    answerArea(assessment.id, area('Bedroom 1'), (id) => (id === 'L01' ? 'risk_present' : undefined));
    bedroomPoint(assessment.id, area('Bedroom 1'), assessorId);
    const [a, b] = core.call('answers.fillFromSample', { assessmentId: assessment.id, sourceAreaId: area('Bedroom 1'), targetAreaIds: [area('Bedroom 2'), area('Bedroom 3')], assessorId }).points;
    const { id, assessmentId: _a, lineageId: _l, createdAt: _c, updatedAt: _u, copiedFromPointId: _s, fillId: _f, copyConfirmedAt: _t, copyConfirmedBy: _b, ...fields } = a!;
    const changed = core.call('ligaturePoints.update', { id, ...fields, description: 'Closer arm, longer here', assessorId });
    expect(changed).toMatchObject({ description: 'Closer arm, longer here', copyConfirmedBy: assessorId });
    expect(changed.copyConfirmedAt).not.toBeNull();
    core.call('photos.add', { assessmentId: assessment.id, ligaturePointId: b!.id, fileName: 'closer.jpg', mimeType: 'image/jpeg', dataBase64: Buffer.from(buildJpeg(16, 8)).toString('base64'), assessorId });
    expect(core.raw('ligaturePoints.rejectCopy', { id: b!.id, assessorId })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('has a photo or an action') } });
  });

  it('travels in the return: which areas were assessed as which sample, which answers are still copies, and the copied points', () => {
    core = createTestCore();
    const { ward } = makeWard(core);
    for (const [type, name] of WARD) core.call('areas.create', { wardId: ward.id, type, name, supervisionTier: defaultTierFor(type) });
    const assessment = startAssessment(core, ward.id);
    const assessorId = assessment.assessors[0]!.id;
    const area = (name: string) => assessment.areas.find((x) => x.name === name)!.areaId;
    answerArea(assessment.id, area('Bedroom 1'), (id) => (id === 'L01' ? 'risk_present' : undefined));
    bedroomPoint(assessment.id, area('Bedroom 1'), assessorId);
    const fill = core.call('answers.fillFromSample', { assessmentId: assessment.id, sourceAreaId: area('Bedroom 1'), targetAreaIds: [area('Bedroom 2')], assessorId });
    core.call('ligaturePoints.confirmCopy', { id: fill.points[0]!.id, assessorId });
    answerInstances(core, assessment, instancesOf(core, assessment).filter((i) => i.areaId !== area('Bedroom 1') && i.areaId !== area('Bedroom 2')));
    signOff(core, assessment.id);

    const file = core.call('exchange.export', { boardId: core.call('estate.path', { wardId: ward.id }).board.id });
    const record = file.assessments[0]!;
    expect(record.areas.find((a) => a.areaId === area('Bedroom 2'))).toMatchObject({ sampleAreaId: area('Bedroom 1') });
    expect(record.answers.filter((a) => a.copiedFromAreaId === area('Bedroom 1'))).toHaveLength(fill.answers.length);
    expect(record.ligaturePoints.find((p) => p.areaId === area('Bedroom 2'))).toMatchObject({ copiedFromPointId: fill.points[0]!.copiedFromPointId, copyConfirmedBy: assessorId });

    const collator = createTestCore();
    try {
      const report = collator.call('exchange.import', { fileName: 'return.json', content: serialiseReturn(file) });
      expect(report.assessmentsAdded).toBe(1);
      const imported = collator.call('assessments.get', { id: assessment.id });
      expect(imported.areas.find((a) => a.areaId === area('Bedroom 2'))!.sampleAreaId).toBe(area('Bedroom 1'));
      expect(collator.call('answers.list', { assessmentId: assessment.id }).filter((a) => a.copiedFromAreaId !== null)).toHaveLength(fill.answers.length);
    } finally {
      collator.close();
    }
  });
});

describe('no findings, and undoing a fill', () => {
  it('answers an area’s yes/no compliance questions “yes”, never its ligature prompts, grades or measurements', () => {
    const { assessment, area, assessorId } = setUp();
    const lounge = instancesOf(core, assessment).filter((i) => i.areaId === area('Lounge'));
    const compliance = lounge.filter((i) => 'response' in i.item);
    const found = compliance[0]!.item.id;
    core.call('answers.record', { assessmentId: assessment.id, itemId: found, areaId: area('Lounge'), value: 'no', assessorId });
    const result = core.call('answers.noFindings', { assessmentId: assessment.id, areaId: area('Lounge'), assessorId });
    expect(result.answers.map((a) => a.itemId).sort()).toEqual(compliance.filter((i) => i.item.id !== found).map((i) => i.item.id).sort());
    expect(result.answers.every((a) => a.value === 'yes' && a.fillId === result.fill.id && a.copiedFromAreaId === null)).toBe(true);
    const stored = core.call('answers.list', { assessmentId: assessment.id });
    expect(stored.find((a) => a.itemId === found)!.value).toBe('no');
    expect(stored.some((a) => a.itemId.startsWith('L'))).toBe(false);

    // The ward-level questions: yes/no ones only; grades (Q01) and numbers (Q06) stay.
    const ward = core.call('answers.noFindings', { assessmentId: assessment.id, areaId: null, assessorId });
    expect(ward.answers.some((a) => a.itemId === 'Q01' || a.itemId === 'Q06' || a.itemId.startsWith('L'))).toBe(false);
    expect(ward.answers.length).toBeGreaterThan(10);
    // Nothing left to mark: refused, saying so.
    expect(core.raw('answers.noFindings', { assessmentId: assessment.id, areaId: area('Lounge'), assessorId })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('nothing to mark') } });
  });

  it('undoes what a fill wrote and nobody touched since; keeps what was answered again or carries a photo; once only', () => {
    const { assessment, area, assessorId } = setUp();
    const { fill, answers } = core.call('answers.noFindings', { assessmentId: assessment.id, areaId: area('Lounge'), assessorId });
    const [touched, withPhoto] = answers;
    core.call('answers.record', { assessmentId: assessment.id, itemId: touched!.itemId, areaId: touched!.areaId, value: 'partial', assessorId });
    core.call('photos.add', { assessmentId: assessment.id, answerId: withPhoto!.id, fileName: 'wall.jpg', mimeType: 'image/jpeg', dataBase64: Buffer.from(buildJpeg(16, 8)).toString('base64'), assessorId });
    const undone = core.call('fills.undo', { fillId: fill.id, assessorId });
    expect(undone.removedAnswerIds.sort()).toEqual(answers.slice(2).map((a) => a.id).sort());
    expect(undone.keptAnswers).toBe(2);
    expect(undone.fill).toMatchObject({ undoneBy: assessorId, answersStanding: 1 });
    const left = core.call('answers.list', { assessmentId: assessment.id });
    expect(left.map((a) => a.id).sort()).toEqual([touched!.id, withPhoto!.id].sort());
    const deletes = core.call('audit.list', { entityId: answers[3]!.id, limit: 5 });
    expect(deletes.map((e) => e.action)).toEqual(['delete', 'create']);
    expect(core.raw('fills.undo', { fillId: fill.id, assessorId })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('already undone') } });
  });

  it('undoing a sample-room copy removes its unconfirmed points and the areas’ sample, and keeps a confirmed point with its prompt', () => {
    const { assessment, area, assessorId } = setUp();
    answerArea(assessment.id, area('Bedroom 1'), (id) => (id === 'L01' ? 'risk_present' : undefined));
    bedroomPoint(assessment.id, area('Bedroom 1'), assessorId);
    const { fill, points } = core.call('answers.fillFromSample', { assessmentId: assessment.id, sourceAreaId: area('Bedroom 1'), targetAreaIds: [area('Bedroom 2'), area('Bedroom 3')], assessorId });
    core.call('ligaturePoints.confirmCopy', { id: points[0]!.id, assessorId });
    const undone = core.call('fills.undo', { fillId: fill.id, assessorId });
    expect(undone.removedPointIds).toEqual([points[1]!.id]);
    expect(undone.keptPoints).toBe(1);
    expect(core.call('ligaturePoints.list', { assessmentId: assessment.id }).map((p) => p.id).sort()).toEqual(
      [points[0]!.id, core.call('ligaturePoints.list', { assessmentId: assessment.id }).find((p) => p.areaId === area('Bedroom 1'))!.id].sort(),
    );
    expect(core.call('assessments.get', { id: assessment.id }).areas.every((a) => a.sampleAreaId === null)).toBe(true);
    // Bedroom 2 keeps the "risk present" its confirmed point stands on; everything else copied goes.
    const left = core.call('answers.list', { assessmentId: assessment.id }).filter((a) => a.areaId === area('Bedroom 2') || a.areaId === area('Bedroom 3'));
    expect(left.map((a) => [a.itemId, a.areaId, a.value])).toEqual([['L01', area('Bedroom 2'), 'risk_present']]);
  });
});

describe('reasons where ratings show', () => {
  it('names the gate behind every red, the reason for every "not rated", and the figure against its threshold', () => {
    const { assessment, area, assessorId } = setUp();
    const templates = Object.fromEntries(Object.entries(assessment.templates).map(([d, key]) => [d, core.call('templates.get', { key })])) as never;
    const names = { area: (id: string | null) => (id === null ? 'Whole ward' : assessment.areas.find((a) => a.areaId === id)!.name), question: (id: string) => instancesOf(core, assessment).find((i) => i.item.id === id)?.item.question };
    const explain = () => explainRatings(core.call('assessments.score', { id: assessment.id }).scores, templates, names);

    // Nothing answered: every domain "not rated", each saying why.
    const empty = explain();
    expect(empty.map((e) => e.rating)).toEqual(['not_rated', 'not_rated', 'not_rated', 'not_rated']);
    expect(empty[0]!.summary).toMatch(/^Not rated: nothing is scored yet/);
    expect(empty[2]!.summary).toMatch(/^Not rated: \d+ ligature prompts are not answered\. A room nobody has checked is not a safe room\.$/);

    // A critical safety item answered "no" in Bedroom 2; L01 "risk present" in Bedroom 1 with no point.
    const critical = instancesOf(core, assessment).find((i) => i.areaId === area('Bedroom 2') && 'critical' in i.item && i.item.critical && i.item.id.startsWith('S'))!;
    core.call('answers.record', { assessmentId: assessment.id, itemId: critical.item.id, areaId: area('Bedroom 2'), value: 'no', assessorId });
    answerInstances(core, assessment, instancesOf(core, assessment).filter((i) => i.item.id.startsWith('L') && !(i.item.id === 'L01' && i.areaId === area('Bedroom 1'))));
    core.call('answers.record', { assessmentId: assessment.id, itemId: 'L01', areaId: area('Bedroom 1'), value: 'risk_present', assessorId });
    const [, safety, ligature] = explain();
    expect(safety).toMatchObject({ rating: 'red', summary: 'Red because a critical item fails, whatever the score (0%).' });
    expect(safety!.reasons[0]).toBe(`Critical item ${critical.item.id} (“${critical.item.question}”) answered No in Bedroom 2.`);
    expect(ligature!.rating).toBe('not_rated');
    expect(ligature!.reasons).toContain(`L01 (“${names.question('L01')}”) in Bedroom 1: risk present, but no ligature point is recorded.`);

    // The point recorded with an extreme residual risk: red, naming it and its room.
    core.call('ligaturePoints.create', { assessmentId: assessment.id, areaId: area('Bedroom 1'), itemId: 'L01', element: 'Curtain rail', heightBand: 'above_head', tier: 3, description: 'Fixed rail', controls: [{ kind: 'physical_modification', description: 'None yet' }], likelihoodBefore: 5, severityBefore: 5, likelihoodAfter: 4, severityAfter: 5, assessorId });
    const red = explain()[2]!;
    expect(red.rating).toBe('red');
    expect(red.reasons).toContain('Curtain rail: extreme residual risk (20) (Bedroom 1).');
  });
});

describe('the ward report', () => {
  it('says which areas were assessed as which sample room and what differed, and draws each photo’s mark-up over it', async () => {
    const { assessment, area, assessorId } = setUp();
    answerArea(assessment.id, area('Bedroom 1'), (id) => (id === 'L01' ? 'risk_present' : undefined));
    const source = bedroomPoint(assessment.id, area('Bedroom 1'), assessorId);
    const fill = core.call('answers.fillFromSample', { assessmentId: assessment.id, sourceAreaId: area('Bedroom 1'), targetAreaIds: [area('Bedroom 2'), area('Bedroom 3')], assessorId });
    core.call('ligaturePoints.confirmCopy', { id: fill.points[0]!.id, assessorId });
    // Bedroom 3 differs from the sample on one question.
    const differs = fill.answers.find((a) => a.areaId === area('Bedroom 3') && a.value === 'yes')!;
    core.call('answers.record', { assessmentId: assessment.id, itemId: differs.itemId, areaId: differs.areaId, value: 'no', assessorId });
    // A photo of the sample's point, marked up with an arrow, a circle and a label.
    const photo = core.call('photos.add', { assessmentId: assessment.id, ligaturePointId: source.id, fileName: 'rail.png', mimeType: 'image/png', dataBase64: solidPng(200, 120, [120, 120, 120]).toString('base64'), assessorId });
    core.call('photos.update', { id: photo.id, caption: 'Rail above the window', markup: [{ kind: 'arrow', x1: 0.1, y1: 0.9, x2: 0.6, y2: 0.3 }, { kind: 'circle', x: 0.6, y: 0.3, r: 0.15 }, { kind: 'label', x: 0.05, y: 0.05, text: 'Rail' }], assessorId });

    const file = await core.callAsync('reports.ward', { assessmentId: assessment.id });
    const bytes = Buffer.from(file.pdfBase64, 'base64');
    const text = (await pdfPages(bytes)).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Areas assessed as a sample room');
    expect(text).toContain('As Bedroom 1: Bedroom 2, Bedroom 3');
    expect(text).toContain(`1 answer differs from Bedroom 1:`);
    expect(text).toContain(`Bedroom 3, ${differs.itemId}: No (Bedroom 1: Yes)`);
    expect(text).toContain('2 ligature points copied from Bedroom 1; 1 confirmed in their own room.');
    expect(text).toContain('Rail above the window');

    // The page with the photo, drawn: the mark-up's yellow is there, over the grey photo.
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'ward.pdf'), bytes);
    // pdftoppm's raw PPM: a "P6 width height 255" header, then RGB bytes.
    execFileSync('pdftoppm', ['-r', '72', path.join(dir, 'ward.pdf'), path.join(dir, 'page')]);
    const yellowPixels = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.ppm'))
      .map((f) => {
        const ppm = fs.readFileSync(path.join(dir, f));
        const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.toString('latin1', 0, 40))!;
        const pixels = ppm.subarray(header[0].length);
        let count = 0;
        for (let i = 0; i + 2 < pixels.length; i += 3) if (pixels[i]! > 230 && pixels[i + 1]! > 210 && pixels[i + 2]! < 110) count += 1;
        return count;
      })
      .reduce((a, b) => a + b, 0);
    expect(yellowPixels).toBeGreaterThan(50);
  });
});
