import type { Input, Output } from '../../src/shared/contract';
import { itemInstances, type AreaForApplicability } from '../../src/shared/templates';
import { goodValue } from '../helpers/assessments';
import type { Api } from './fixtures';

type Value = Input<'answers.record'>['value'];
type Item = Output<'templates.get'>['items'][number];
export type AnswerOverrides = Record<string, { value: Value; note?: string }>;

/**
 * Answers every question of an assessment through the HTTP API, as the walkthrough would:
 * compliant answers (yes, grade A, the number that bands to yes, no risk) unless an item is named;
 * `where` limits it to some places (an area id, or null for the ward-level questions).
 */
export async function answerAllViaApi(api: Api, assessmentId: string, overrides: AnswerOverrides = {}, where: (areaId: string | null) => boolean = () => true): Promise<string> {
  const assessment = await api('assessments.get', { id: assessmentId });
  const areas: AreaForApplicability[] = assessment.areas.map((a) => ({ id: a.areaId, type: a.type as AreaForApplicability['type'], supervisionTier: a.supervisionTier }));
  const assessorId = assessment.assessors[0]!.id;
  for (const key of Object.values(assessment.templates)) {
    const template = await api('templates.get', { key });
    for (const { item, areaId } of itemInstances(template.items as Item[], areas)) {
      if (!where(areaId)) continue;
      const chosen = overrides[item.id];
      await api('answers.record', { assessmentId, itemId: item.id, areaId, value: chosen?.value ?? goodValue(item), ...(chosen?.note ? { note: chosen.note } : {}), assessorId });
    }
  }
  return assessorId;
}
