import { describe, expect, it } from 'vitest';
import { serialiseReturn } from '../../src/shared/exchange/serialise';
import { goodValue, instancesOf } from '../helpers/assessments';
import { createTestCore } from '../helpers/core';
import { answer, handOut, take, takeAssessment } from '../helpers/merge';

// The whole loop: the board lead hands the register and an assessment out to two assessors'
// laptops; they split the ward, both answer one question differently, the conflict is resolved,
// the ward is signed off on a laptop and brought back to the board, the board sends its return and
// NHS Scotland Assure imports it. The scores are the same on every database.

describe('a team on several devices, from the board lead to the national collation', () => {
  it('gives the same signed-off assessment and the same scores on every database', () => {
    const board = createTestCore();
    const ailsaLaptop = createTestCore();
    const rabLaptop = createTestCore();
    const national = createTestCore();

    const nhs = board.call('boards.create', { name: 'NHS Team Test', code: 'S08000090' });
    const site = board.call('sites.create', { boardId: nhs.id, name: 'Royal Team Hospital' });
    const ward = board.call('wards.create', { siteId: site.id, name: 'Rowan Ward', type: 'adult_acute', bedCount: 12, sexDesignation: 'mixed' });
    for (const [type, name, tier] of [['bedroom', 'Bedroom 1', 3], ['bedroom', 'Bedroom 2', 3], ['lounge', 'Lounge', 2], ['corridor', 'Main corridor', 2]] as const) {
      board.call('areas.create', { wardId: ward.id, type, name, supervisionTier: tier });
    }

    // 1. The register goes out first: both laptops know the ward by the board's ids.
    const register = board.call('handouts.exportRegister', { boardId: nhs.id });
    for (const laptop of [ailsaLaptop, rabLaptop]) expect(take(laptop, register)).toMatchObject({ kind: 'register', status: 'imported', added: 7 });
    expect(ailsaLaptop.call('wards.get', { id: ward.id }).name).toBe('Rowan Ward');

    // 2. The assessment, with the areas split between the two assessors.
    const assessment = board.call('assessments.start', { wardId: ward.id, assessedOn: '2026-11-20', round: '2026/27', announced: true, assessors: [{ name: 'Ailsa Grant', role: 'estates' }, { name: 'Rab Munro', role: 'clinical' }] });
    const [ailsa, rab] = assessment.assessors;
    const bedrooms = assessment.areas.filter((a) => a.type === 'bedroom').map((a) => a.areaId);
    const communal = assessment.areas.filter((a) => a.type !== 'bedroom').map((a) => a.areaId);
    board.call('assignments.set', { assessmentId: assessment.id, areaIds: bedrooms, assessorId: ailsa!.id });
    board.call('assignments.set', { assessmentId: assessment.id, areaIds: communal, assessorId: rab!.id });
    const handout = handOut(board, assessment.id);
    for (const laptop of [ailsaLaptop, rabLaptop]) expect(takeAssessment(laptop, handout)).toMatchObject({ status: 'started', conflicts: 0 });
    const shown = rabLaptop.call('merge.status', { assessmentId: assessment.id }).assignments;
    expect(shown.filter((a) => a.assessorName === 'Rab Munro').map((a) => a.areaName).sort()).toEqual(['Lounge', 'Main corridor']);

    // 3. Each walks their areas; both answer the ward-level questions, and disagree on one.
    const instances = instancesOf(board, board.call('assessments.get', { id: assessment.id }));
    for (const { item, areaId } of instances) {
      if (areaId === null || bedrooms.includes(areaId)) answer(ailsaLaptop, assessment.id, item.id, areaId, goodValue(item), { assessorId: ailsa!.id });
      if (areaId === null || communal.includes(areaId)) answer(rabLaptop, assessment.id, item.id, areaId, goodValue(item), { assessorId: rab!.id });
    }
    answer(ailsaLaptop, assessment.id, 'Q04', null, 'B', { assessorId: ailsa!.id });
    answer(rabLaptop, assessment.id, 'Q04', null, 'C', { assessorId: rab!.id });
    const point = ailsaLaptop.call('ligaturePoints.create', { assessmentId: assessment.id, areaId: bedrooms[0]!, itemId: 'L01', element: 'Wardrobe rail', heightBand: 'knee_to_head', tier: 3, description: 'Fixed rail', controls: [{ kind: 'physical_modification', description: 'Collapsible rail fitted' }], likelihoodBefore: 4, severityBefore: 5, likelihoodAfter: 1, severityAfter: 5, assessorId: ailsa!.id });
    ailsaLaptop.call('actions.create', { assessmentId: assessment.id, ligaturePointId: point.id, type: 'replace', description: 'Fit a rated wardrobe', owner: 'Estates', dueDate: '2027-02-28', priority: 'medium', status: 'open' });
    ailsaLaptop.call('answers.record', { assessmentId: assessment.id, itemId: 'L01', areaId: bedrooms[0]!, value: 'risk_present', assessorId: ailsa!.id });

    // 4. Rab's work comes back to Ailsa's laptop: everything merges but Q04.
    const merged = takeAssessment(ailsaLaptop, handOut(rabLaptop, assessment.id));
    expect(merged).toMatchObject({ status: 'merged', conflicts: 1, newConflicts: 1 });
    expect(merged.agreed).toBeGreaterThan(10);
    const check = ailsaLaptop.call('assessments.signOffCheck', { assessmentId: assessment.id });
    expect(check.ready).toBe(false);
    expect(check.reasons).toContain('1 conflict between devices is not yet resolved');
    const live = ailsaLaptop.call('assessments.score', { id: assessment.id });
    expect(live.conflicts.map((c) => [c.itemId, c.where])).toEqual([['Q04', 'Ward']]);
    const refused = ailsaLaptop.raw('assessments.signOff', { assessmentId: assessment.id, signedOffBy: ailsa!.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const [conflict] = ailsaLaptop.call('merge.conflicts', { assessmentId: assessment.id }).conflicts;
    expect(conflict!.versions.map((v) => `${String(v.row['value'])} by ${v.who}`).sort()).toEqual(['B by Ailsa Grant', 'C by Rab Munro']);
    ailsaLaptop.call('merge.resolve', { assessmentId: assessment.id, kind: 'answer', recordId: conflict!.id, keep: conflict!.versions.find((v) => v.row['value'] === 'C')!.key });
    const signed = ailsaLaptop.call('assessments.signOff', { assessmentId: assessment.id, signedOffBy: ailsa!.id });
    expect(signed.assessment.status).toBe('signed_off');

    // 5. The signed-off ward goes back to the board, and to Rab's laptop.
    const final = handOut(ailsaLaptop, assessment.id);
    expect(takeAssessment(board, final)).toMatchObject({ status: 'merged', conflicts: 0, assessment: { status: 'signed_off' } });
    expect(takeAssessment(rabLaptop, final)).toMatchObject({ assessment: { status: 'signed_off' } });
    // Rab's older file changes nothing on the board now: everything in it was seen before sign-off.
    expect(takeAssessment(board, handOut(rabLaptop, assessment.id))).toMatchObject({ status: 'unchanged' });

    // 6. The board's return, collated nationally.
    const returned = board.call('exchange.export', { boardId: nhs.id, round: '2026/27' });
    expect(returned.assessments.map((a) => a.id)).toEqual([assessment.id]);
    expect(national.call('exchange.import', { fileName: 'nhs-team-test-return.json', content: serialiseReturn(returned) })).toMatchObject({ status: 'imported', assessmentsAdded: 1 });

    const scores = [board, ailsaLaptop, rabLaptop, national].map((core) => core.call('assessments.score', { id: assessment.id }).scores);
    for (const other of scores.slice(1)) expect(other).toEqual(scores[0]);
    expect(scores[0]!.quality.rating).not.toBe('not_rated');
    const records = [board, ailsaLaptop, rabLaptop, national].map((core) => core.call('answers.list', { assessmentId: assessment.id }).sort((a, b) => (a.id < b.id ? -1 : 1)));
    for (const other of records.slice(1)) expect(other).toEqual(records[0]);
    expect(records[0]!.find((a) => a.itemId === 'Q04')).toMatchObject({ value: 'C', assessorId: rab!.id });
  });
});
