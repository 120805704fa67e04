import { afterAll, bench, describe } from 'vitest';
import { goodValue, instancesOf } from '../helpers/assessments';
import { createTestCore } from '../helpers/core';
import { largeWardAreas, wardWithAssessment } from '../helpers/walkthrough';

// Speed on a large ward: 45 bedrooms with en-suites and ten shared rooms, 1,579 item instances with
// the 2026.1 checklists (30 bedrooms give about 1,100, so the ward is larger than the case).
// Run: npx vitest bench --run --config tests/vitest.config.mts tests/bench/walkthrough.bench.ts
// The issue asks for an answer to be saved well under 5 ms at the service layer.

const core = createTestCore();
const { assessment, assessorId } = wardWithAssessment(core, largeWardAreas(45), { bedCount: 45 });
const instances = instancesOf(core, assessment);
console.log(`large ward: ${assessment.areas.length} areas, ${instances.length} item instances`);
// Half answered already, as in the middle of a walk.
for (const { item, areaId } of instances.filter((_, i) => i % 2 === 0)) {
  core.call('answers.record', { assessmentId: assessment.id, itemId: item.id, areaId, value: goodValue(item), assessorId });
}
let next = 0;
afterAll(() => core.close());

describe(`walkthrough on a ward of ${instances.length} item instances`, () => {
  bench('answers.record (one answer, through the router)', () => {
    const { item, areaId } = instances[next++ % instances.length]!;
    const result = core.dispatch('answers.record', { assessmentId: assessment.id, itemId: item.id, areaId, value: goodValue(item), note: 'checked', assessorId });
    if (!('ok' in result) || !result.ok) throw new Error(JSON.stringify(result));
  });
  bench('assessments.progress', () => {
    core.dispatch('assessments.progress', { assessmentId: assessment.id });
  });
  bench('assessments.signOffCheck', () => {
    core.dispatch('assessments.signOffCheck', { assessmentId: assessment.id });
  });
  bench('assessments.score (live scores panel)', () => {
    core.dispatch('assessments.score', { id: assessment.id });
  });
});
