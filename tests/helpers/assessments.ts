import { itemInstances, type AreaForApplicability } from '../../src/shared/templates';
import type { Input, Output } from '../../src/shared/contract';
import type { TestCore } from './core';

type Assessment = Output<'assessments.get'>;
type Template = Output<'templates.get'>;
type Item = Template['items'][number];
type Value = Input<'answers.record'>['value'];

/** A compliant answer for an item: yes, grade A, the number that bands to yes, or "no risk". */
export function goodValue(item: Item): Value {
  if (!('response' in item)) return 'no_risk';
  switch (item.response.type) {
    case 'grade':
      return 'A';
    case 'number':
      return item.response.banding.yes;
    default:
      return 'yes';
  }
}

/** Every item instance the assessment asks (ward-level and per area), per its pinned templates. */
export function instancesOf(core: TestCore, assessment: Assessment) {
  const areas: AreaForApplicability[] = assessment.areas.map((a) => ({
    id: a.areaId,
    type: a.type as AreaForApplicability['type'],
    supervisionTier: a.supervisionTier,
  }));
  return Object.values(assessment.templates).flatMap((key) => itemInstances(core.call('templates.get', { key }).items as Item[], areas));
}

/**
 * Answers every item of an assessment through the contract, as an assessor would. `pick` may give
 * a different value for some items (return undefined for the compliant one).
 */
export function answerAll(core: TestCore, assessmentId: string, pick: (item: Item, areaId: string | null) => Value | undefined = () => undefined): number {
  const assessment = core.call('assessments.get', { id: assessmentId });
  const assessorId = assessment.assessors[0]!.id;
  const instances = instancesOf(core, assessment);
  for (const { item, areaId } of instances) {
    const value = pick(item, areaId) ?? goodValue(item);
    core.call('answers.record', { assessmentId, itemId: item.id, areaId, value, assessorId });
  }
  return instances.length;
}

/**
 * Starts an assessment of a ward through the contract with one estates assessor. An assessment
 * cannot be dated in the future, so a later date moves the test clock forward to that day first
 * (time goes on: the clock is left there).
 */
export function startAssessment(core: TestCore, wardId: string, overrides: { round?: string; assessedOn?: string } = {}) {
  const assessedOn = overrides.assessedOn ?? '2026-11-20';
  reachDay(core, assessedOn);
  return core.call('assessments.start', {
    wardId,
    round: overrides.round ?? '2026/27',
    assessedOn,
    announced: true,
    assessors: [{ name: 'Morag Baird', role: 'estates' }],
  });
}

/**
 * Signs an assessment off through the contract, as its first assessor, optionally at a given time
 * (the test clock is moved for the call and put back).
 */
export function signOff(core: TestCore, assessmentId: string, at?: string) {
  const assessorId = core.call('assessments.get', { id: assessmentId }).assessors[0]!.id;
  const before = at ? core.setNow(at) : undefined;
  try {
    return core.call('assessments.signOff', { assessmentId, signedOffBy: assessorId });
  } finally {
    if (before) core.setNow(before);
  }
}

/** Moves the test clock forward to 10:00 UTC on `day` if it is not there yet. */
export function reachDay(core: TestCore, day: string): void {
  const now = core.setNow(`${day}T10:00:00.000Z`);
  if (now > `${day}T10:00:00.000Z`) core.setNow(now);
}
