import { scoreAssessment, scoreAssessments } from '../../../src/core/services/assessments/score';
import { scoredWards } from '../../../src/core/services/scores/scored-wards';
import type { Benchmark } from '../harness';
import { nationalDatabase, openCore } from '../harness';
import { must } from '../draft';

// Scoring on the national database (read only): one ward through the contract, the whole nation
// with the live engine (every current assessment read and scored from its answers: batched, as
// the scored-wards read model scores drafts, and one at a time for comparison), and the
// whole nation through the scored-wards read model, which uses the scores cached at sign-off.
// Target: national scoring under 1 s.

const bench: Benchmark = {
  name: 'scoring',
  async setup() {
    const core = openCore(nationalDatabase());
    const current = scoredWards(core.store.db);
    const ids = current.map((w) => w.assessment.id);
    const largest = [...current].sort((a, b) => b.ward.bedCount - a.ward.bedCount)[0]!;
    return {
      figures: [
        {
          label: `score one ward (${largest.ward.bedCount} beds), assessments.score`,
          runs: 200,
          warmup: 10,
          run: () => must(core, 'assessments.score', { id: largest.assessment.id }),
        },
        {
          label: `score the nation live, batched (${current.length} current assessments)`,
          runs: 7,
          warmup: 1,
          run: () => scoreAssessments(core.store.db, ids),
        },
        {
          label: `score the nation live, one assessment at a time (for comparison)`,
          runs: 5,
          warmup: 1,
          run: () => {
            for (const id of ids) scoreAssessment(core.store.db, id);
          },
        },
        {
          label: `scored wards for the nation, cached scores (${current.length} wards)`,
          runs: 20,
          warmup: 2,
          run: () => scoredWards(core.store.db),
        },
      ],
      close: () => core.close(),
    };
  },
};
export default bench;
