import { describe, expect, it } from 'vitest';
import { scoreAssessment, scoreAssessments } from '../../src/core/services/assessments/score';
import { seedNational } from '../../src/core/services/national/seed';
import { scoredWards } from '../../src/core/services/scores/scored-wards';
import { answerAll, goodValue, instancesOf, startAssessment } from '../helpers/assessments';
import { createTestCore } from '../helpers/core';
import { HEAVY_TEST_MS } from '../helpers/budgets';

// The batched scorer (national views score hundreds of drafts at once) must give exactly what
// scoring each assessment on its own gives: same scores, same issues, same order of everything.

describe('scoreAssessments (batched)', () => {
  it('gives exactly the scores of scoreAssessment for every assessment of a seeded sample, drafts included', { timeout: HEAVY_TEST_MS }, () => {
    const core = createTestCore();
    try {
      seedNational(core.store.db, { seed: 7, boards: 2, wardsPerBoard: 3 });
      const wards = core.store.sqlite.prepare('SELECT id FROM wards ORDER BY id').pluck().all() as string[];
      // Drafts of a new round: one fully answered with some N/A and non-compliant values, one
      // half answered, one with nothing answered yet.
      const full = startAssessment(core, wards[0]!, { round: '2027/28', assessedOn: '2027-09-01' });
      let n = 0;
      answerAll(core, full.id, (item) => (n++ % 5 === 0 && 'response' in item && item.response.type === 'yes_partial_no' ? 'no' : undefined));
      const half = startAssessment(core, wards[1]!, { round: '2027/28', assessedOn: '2027-09-02' });
      instancesOf(core, half)
        .filter((_, i) => i % 2 === 0)
        .forEach(({ item, areaId }) => core.call('answers.record', { assessmentId: half.id, itemId: item.id, areaId, value: goodValue(item), assessorId: half.assessors[0]!.id }));
      startAssessment(core, wards[2]!, { round: '2027/28', assessedOn: '2027-09-03' });

      const ids = core.store.sqlite.prepare('SELECT id FROM assessments ORDER BY id').pluck().all() as string[];
      expect(ids.length).toBeGreaterThan(15);
      const batch = scoreAssessments(core.store.db, ids);
      expect([...batch.keys()].sort()).toEqual(ids);
      for (const id of ids) expect(batch.get(id)).toStrictEqual(scoreAssessment(core.store.db, id));

      // The read model scores drafts through the batch: the same as scoring each one alone.
      for (const ward of scoredWards(core.store.db, { round: '2027/28' })) {
        expect(ward.scores).toStrictEqual(scoreAssessment(core.store.db, ward.assessment.id).scores);
      }
      expect(scoreAssessments(core.store.db, ['no-such-assessment']).size).toBe(0);
    } finally {
      core.close();
    }
  });
});
