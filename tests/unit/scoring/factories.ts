import { DEFAULT_TIER_BY_AREA_TYPE, type AreaType, type SupervisionTier, type WardType } from '../../../src/shared/domain/estate';
import type {
  Answer,
  AnswerValue,
  LigaturePoint,
  ScoringArea,
  ScoringWard,
} from '../../../src/shared/scoring';
import { parseTemplate, type ComplianceTemplate, type LigatureTemplate } from '../../../src/shared/templates';
import {
  complianceItemJson,
  ligaturePromptJson,
  ligatureTemplateJson,
  safetyTemplateJson,
} from '../templates/template-factory';

// Small builders so each test states only what matters to it.

export function complianceTemplate(
  items: Record<string, unknown>[],
  extra: Record<string, unknown> = {},
): ComplianceTemplate {
  const template = parseTemplate({ ...safetyTemplateJson(items), ...extra }, 'test-safety.json');
  if (template.domain === 'ligature') throw new Error('unreachable');
  return template;
}

/** A compliance item: weight and response as given; critical follows `critical` (weight 3 only). */
export function item(
  id: string,
  options: {
    weight?: 1 | 2 | 3;
    critical?: boolean;
    response?: Record<string, unknown>;
    appliesTo?: Record<string, unknown>;
    sectionId?: string;
  } = {},
): Record<string, unknown> {
  const { weight = 2, critical = false, response, appliesTo, sectionId } = options;
  return complianceItemJson(id, {
    weight,
    critical,
    ...(response ? { response } : {}),
    ...(appliesTo ? { appliesTo } : {}),
    ...(sectionId ? { sectionId } : {}),
  });
}

export const ypn = (allowNa = false) => ({ type: 'yes_partial_no', allowNa });
export const yesNo = (allowNa = false) => ({ type: 'yes_no', allowNa });
export const grade = (allowNa = false) => ({ type: 'grade', allowNa });
export const percentBanded = (yes: number, partial: number, direction = 'higher_is_better') => ({
  type: 'number',
  unit: '%',
  min: 0,
  max: 100,
  integer: false,
  banding: { direction, yes, partial },
  allowNa: false,
});
export const perArea = (areaTypes: AreaType[] | 'all', minTier?: SupervisionTier) => ({
  scope: 'area',
  areaTypes,
  ...(minTier ? { minTier } : {}),
});

export function ligatureTemplate(items: Record<string, unknown>[] = [ligaturePromptJson('L01')]): LigatureTemplate {
  const template = parseTemplate(ligatureTemplateJson(items), 'test-ligature.json');
  if (template.domain !== 'ligature') throw new Error('unreachable');
  return template;
}

export function prompt(id: string, appliesTo: Record<string, unknown> = perArea(['bedroom'])): Record<string, unknown> {
  return ligaturePromptJson(id, { appliesTo });
}

export function ward(bedCount = 10, type: WardType = 'adult_acute'): ScoringWard {
  return { id: 'ward-1', type, bedCount };
}

export function area(id: string, type: AreaType, tier: SupervisionTier = DEFAULT_TIER_BY_AREA_TYPE[type]): ScoringArea {
  return { id, type, name: `${type} ${id}`, supervisionTier: tier };
}

export function answer(itemId: string, value: AnswerValue, areaId: string | null = null, naReason?: string): Answer {
  return naReason === undefined ? { itemId, areaId, value } : { itemId, areaId, value, naReason };
}

/**
 * A ligature point; defaults to a low tier 1 risk with a documented control, recorded from no
 * particular prompt, with no action. Put it in a tier 1 area (or give a tier and a reason) unless
 * the test is about the area's tier.
 */
export function point(overrides: Partial<LigaturePoint> = {}): LigaturePoint {
  return {
    id: 'p1',
    areaId: 'a1',
    itemId: null,
    tier: 1,
    tierReason: null,
    element: 'Coat hook',
    heightBand: 'knee_to_head',
    likelihoodBefore: 1,
    severityBefore: 3,
    likelihoodAfter: 1,
    severityAfter: 3,
    controls: [{ kind: 'physical_modification', description: 'Collapsible hook fitted' }],
    actions: [],
    ...overrides,
  };
}

export const VIGILANCE_ONLY = [{ kind: 'staff_vigilance' as const, description: 'Staff aware; hourly rounds' }];
