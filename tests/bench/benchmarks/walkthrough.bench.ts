import { goodValue, instancesOf } from '../../helpers/assessments';
import { createTestCore } from '../../helpers/core';
import { largeWardAreas, wardWithAssessment } from '../../helpers/walkthrough';
import type { Benchmark } from '../harness';
import { must } from '../draft';

// The walkthrough on a large ward: 45 bedrooms with en-suites and ten shared rooms, about 1,580
// item instances with the current checklists, half answered (the middle of a walk). Saving an
// answer, the progress panel, the sign-off check and the live scores panel, each through the
// router. Target: an answer saved in under 5 ms at p95.

const bench: Benchmark = {
  name: 'walkthrough',
  async setup() {
    const core = createTestCore();
    const { assessment, assessorId } = wardWithAssessment(core, largeWardAreas(45), { bedCount: 45 });
    const instances = instancesOf(core, assessment);
    for (const { item, areaId } of instances.filter((_, i) => i % 2 === 0)) {
      core.call('answers.record', { assessmentId: assessment.id, itemId: item.id, areaId, value: goodValue(item), assessorId });
    }
    const size = `${assessment.areas.length} areas, ${instances.length} items`;
    return {
      figures: [
        {
          label: `record one answer, large ward (${size})`,
          runs: 2000,
          warmup: 100,
          run: (i) => {
            const { item, areaId } = instances[i % instances.length]!;
            return must(core, 'answers.record', { assessmentId: assessment.id, itemId: item.id, areaId, value: goodValue(item), note: 'checked', assessorId });
          },
        },
        { label: `progress, large ward (${size})`, runs: 300, warmup: 20, run: () => must(core, 'assessments.progress', { assessmentId: assessment.id }) },
        { label: `sign-off check, large ward (${size})`, runs: 300, warmup: 20, run: () => must(core, 'assessments.signOffCheck', { assessmentId: assessment.id }) },
        { label: `live scores, large ward (${size})`, runs: 300, warmup: 20, run: () => must(core, 'assessments.score', { id: assessment.id }) },
      ],
      close: () => core.close(),
    };
  },
};
export default bench;
