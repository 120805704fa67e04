import type { Input, Output } from '../../src/shared/contract';
import { defaultTierFor, type AreaType } from '../../src/shared/domain/estate';
import { goodValue, instancesOf, startAssessment } from './assessments';
import { makeWard, type TestCore } from './core';

type Assessment = Output<'assessments.get'>;

/** A ward with the given areas (default tiers), and a draft assessment of it. */
export function wardWithAssessment(core: TestCore, areas: [AreaType, string][], ward: Partial<Input<'wards.create'>> = {}) {
  const made = makeWard(core, ward);
  for (const [type, name] of areas) core.call('areas.create', { wardId: made.ward.id, type, name, supervisionTier: defaultTierFor(type) });
  const assessment = startAssessment(core, made.ward.id);
  return { ...made, assessment, assessorId: assessment.assessors[0]!.id };
}

export const SMALL_WARD: [AreaType, string][] = [
  ['bedroom', 'Bedroom 1'],
  ['en_suite', 'En-suite 1'],
  ['lounge', 'Lounge'],
  ['corridor', 'Corridor'],
  ['garden', 'Garden'],
];

/** A large ward: `bedrooms` bedrooms each with an en-suite, plus the shared rooms. */
export function largeWardAreas(bedrooms: number): [AreaType, string][] {
  const areas: [AreaType, string][] = [];
  for (let i = 1; i <= bedrooms; i += 1) areas.push(['bedroom', `Bedroom ${i}`], ['en_suite', `En-suite ${i}`]);
  areas.push(['lounge', 'Lounge'], ['dining', 'Dining room'], ['activity', 'Activity room'], ['quiet_room', 'Quiet room'], ['corridor', 'Corridor'], ['garden', 'Garden'], ['visitor_room', 'Visitor room'], ['entrance', 'Entrance'], ['clinic', 'Clinic'], ['bathroom_wc', 'Bathroom']);
  return areas;
}

/** Answers the given instances (compliantly unless `value` says otherwise) through the contract. */
export function answerInstances(core: TestCore, assessment: Assessment, instances: ReturnType<typeof instancesOf>, assessorId = assessment.assessors[0]!.id) {
  for (const { item, areaId } of instances) {
    core.call('answers.record', { assessmentId: assessment.id, itemId: item.id, areaId, value: goodValue(item), assessorId });
  }
}
