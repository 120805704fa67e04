import { scoreAssessments } from '../../../src/core/services/assessments/score';
import { scoredWards } from '../../../src/core/services/scores/scored-wards';
import type { Benchmark } from '../harness';
import { nationalDatabase, openCore } from '../harness';

// Goal: the nation scored live (every current assessment read from the store and scored by the
// engine, as the compare screen and reports do when no result was kept) within 1.5× of reading
// its answers: one raw prepared SELECT of each assessment's answers, the rows brought into
// JavaScript and nothing else done with them.

const bench: Benchmark = {
  name: 'floor',
  async setup() {
    const core = openCore(nationalDatabase());
    const ids = scoredWards(core.store.db).map((w) => w.assessment.id);
    const readAnswers = core.store.sqlite.prepare('SELECT item_id, area_id, value, na_reason FROM answers WHERE assessment_id = ?').raw();
    const answers = ids.reduce((n, id) => n + readAnswers.all(id).length, 0);
    return {
      figures: [
        {
          label: `national live rescoring (${ids.length} current assessments, ${answers.toLocaleString('en-GB')} answers)`,
          goal: 1.5,
          runs: 7,
          warmup: 1,
          project: { label: 'scoreAssessments: read and score every assessment', run: () => scoreAssessments(core.store.db, ids) },
          floor: {
            label: 'one raw prepared SELECT of the answers per assessment',
            run: () => {
              for (const id of ids) readAnswers.all(id);
            },
          },
        },
      ],
      close: () => core.close(),
    };
  },
};
export default bench;
