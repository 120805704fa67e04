import { afterEach, describe, expect, it } from 'vitest';
import { scoreAssessments } from '../../src/core/services/assessments/score';
import { scoredWards } from '../../src/core/services/scores/scored-wards';
import { serialiseReturn } from '../../src/shared/exchange';
import { answerAll, signOff, startAssessment } from '../helpers/assessments';
import { createTestCore, makeWard, type TestCore } from '../helpers/core';

// A signed-off score is a record: editing the ward in the register afterwards (its type, its bed
// count) must not move it — not in the app, not in the cached read model, not in a return.

const cores: TestCore[] = [];
afterEach(() => {
  while (cores.length > 0) cores.pop()!.close();
});

function assessedWard() {
  const core = createTestCore();
  cores.push(core);
  const { board, ward } = makeWard(core, { bedCount: 10, type: 'adult_acute' });
  const bedroom = core.call('areas.create', { wardId: ward.id, type: 'bedroom', name: 'Bedroom 1', supervisionTier: 3 });
  const assessment = startAssessment(core, ward.id);
  answerAll(core, assessment.id);
  // One high residual risk (4 × 3 = 12): 1 point on 10 beds is 1.0 per 10 beds.
  core.call('ligaturePoints.create', {
    assessmentId: assessment.id, areaId: bedroom.id, itemId: 'L01', element: 'Door closer', heightBand: 'above_head', tier: 3,
    description: 'Exposed closer arm', controls: [{ kind: 'electronic_detection', description: 'Door-top alarm' }],
    likelihoodBefore: 4, severityBefore: 4, likelihoodAfter: 4, severityAfter: 3, assessorId: assessment.assessors[0]!.id,
  });
  return { core, board, ward, assessment };
}

describe('a signed-off score after the register changes', () => {
  it('stays as signed off when the ward’s bed count and type are edited later; a draft follows the register', () => {
    const { core, board, ward, assessment } = assessedWard();
    const draftBefore = core.call('assessments.score', { id: assessment.id }).scores;
    expect(draftBefore.ligature.summary.highExtremeResidualPer10Beds).toBe(1);

    const signed = signOff(core, assessment.id);
    expect(signed.assessment).toMatchObject({ wardType: 'adult_acute', bedCount: 10 });
    core.call('wards.update', { id: ward.id, name: ward.name, type: 'older_adult', bedCount: 20, sexDesignation: 'mixed' });

    const after = core.call('assessments.score', { id: assessment.id }).scores;
    expect(after).toEqual(signed.scores);
    expect(after.ligature.summary.highExtremeResidualPer10Beds).toBe(1);
    // The batched scorer (national views, or a score cached by an older engine) agrees.
    expect(scoreAssessments(core.store.db, [assessment.id]).get(assessment.id)!.scores).toEqual(signed.scores);
    const [current] = scoredWards(core.store.db, { boardId: board.id });
    expect(current!.ward).toMatchObject({ type: 'adult_acute', bedCount: 10 });
    expect(current!.rollup).toMatchObject({ wardType: 'adult_acute', bedCount: 10 });
    // Filters, comparison and drill-down go by the ward as scored, too.
    expect(scoredWards(core.store.db, { wardTypes: ['adult_acute'] }).map((w) => w.ward.id)).toEqual([ward.id]);
    expect(scoredWards(core.store.db, { wardTypes: ['older_adult'] })).toEqual([]);
    expect(core.call('compare.drill', { assessmentId: assessment.id, domain: 'ligature' }).ward).toMatchObject({ type: 'adult_acute', bedCount: 10 });
    expect(core.call('compare.data', { level: 'board', id: board.id }).filters.availableWardTypes).toEqual(['adult_acute']);

    // The next round is a draft: it scores against the register as it is now (20 beds → 0.5).
    const next = startAssessment(core, ward.id, { round: '2027/28', assessedOn: '2027-11-01' });
    for (const recheck of core.call('rechecks.list', { assessmentId: next.id })) {
      core.call('rechecks.decide', { recheckId: recheck.id, outcome: 'still_present', assessorId: next.assessors[0]!.id });
    }
    answerAll(core, next.id);
    const nextScores = core.call('assessments.score', { id: next.id }).scores;
    expect(nextScores.ligature.summary.highExtremeResidualPer10Beds).toBe(0.5);
  });

  it('travels in a return: the file carries the ward as scored, and a collator verifies and imports it', () => {
    const { core, board, ward, assessment } = assessedWard();
    const signed = signOff(core, assessment.id);
    core.call('wards.update', { id: ward.id, name: ward.name, type: 'older_adult', bedCount: 20, sexDesignation: 'mixed' });

    const file = core.call('exchange.export', { boardId: board.id });
    expect(file.assessments[0]).toMatchObject({ wardType: 'adult_acute', bedCount: 10 });
    expect(file.wards[0]).toMatchObject({ type: 'older_adult', bedCount: 20 });

    const collator = createTestCore();
    cores.push(collator);
    const content = serialiseReturn(file);
    expect(collator.call('exchange.verify', { fileName: 'return.json', content })).toMatchObject({ ok: true });
    expect(collator.call('exchange.import', { fileName: 'return.json', content })).toMatchObject({ status: 'imported', assessmentsAdded: 1 });
    expect(collator.call('assessments.score', { id: assessment.id }).scores).toEqual(JSON.parse(JSON.stringify(signed.scores)));
  });
});
