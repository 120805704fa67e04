import type { Input, Output } from '../../src/shared/contract';
import { itemInstances, type AreaForApplicability } from '../../src/shared/templates';
import { goodValue } from '../helpers/assessments';
import type { Api } from './fixtures';

type Value = Input<'answers.record'>['value'];
type Item = Output<'templates.get'>['items'][number];
type Assessor = Input<'assessments.start'>['assessors'][number];
export type AnswerOverrides = Record<string, { value: Value; note?: string }>;

/** Starts an assessment of a ward through the HTTP API, as the start form would (one estates assessor unless named). */
export function startAssessmentViaApi(
  api: Api,
  wardId: string,
  { round = '2026/27', assessedOn = '2026-11-20', announced = true, assessors = [{ name: 'Morag Baird', role: 'estates' }] }: { round?: string; assessedOn?: string; announced?: boolean; assessors?: Assessor[] } = {},
) {
  return api('assessments.start', { wardId, round, assessedOn, announced, assessors });
}

/**
 * Answers every question of an assessment through the HTTP API, as the walkthrough would:
 * compliant answers (yes, grade A, the number that bands to yes, no risk) unless an item is named.
 * Questions for which `leave` says true stay unanswered. Returns the assessor who answered.
 */
export async function answerAllViaApi(
  api: Api,
  assessmentId: string,
  overrides: AnswerOverrides = {},
  leave: (item: Item, areaId: string | null) => boolean = () => false,
): Promise<string> {
  const assessment = await api('assessments.get', { id: assessmentId });
  const areas: AreaForApplicability[] = assessment.areas.map((a) => ({ id: a.areaId, type: a.type as AreaForApplicability['type'], supervisionTier: a.supervisionTier }));
  const assessorId = assessment.assessors[0]!.id;
  for (const key of Object.values(assessment.templates)) {
    const template = await api('templates.get', { key });
    for (const { item, areaId } of itemInstances(template.items as Item[], areas)) {
      if (leave(item, areaId)) continue;
      const chosen = overrides[item.id];
      await api('answers.record', { assessmentId, itemId: item.id, areaId, value: chosen?.value ?? goodValue(item), ...(chosen?.note ? { note: chosen.note } : {}), assessorId });
    }
  }
  return assessorId;
}
