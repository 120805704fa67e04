import type { Domain } from '../../../../src/shared/templates';
import { parseTemplate } from '../../../../src/shared/templates';
import { buildWalk, type Assessment, type StoredAnswer, type StoredPoint, type Template, type Walk } from '../../../../src/renderer/src/features/assessments/walk/model';
import { complianceItemJson, ligaturePromptJson, ligatureTemplateJson, safetyTemplateJson } from '../../templates/template-factory';

// A small assessment for the walkthrough's logic: two areas (a bedroom and a lounge) and four
// checklists whose items are asked for the ward, in bedrooms, or in every area.

export const BEDROOM = 'area-bedroom';
export const LOUNGE = 'area-lounge';

const wardLevel = { appliesTo: { scope: 'ward' } };
const everyArea = { appliesTo: { scope: 'area', areaTypes: 'all' } };
const bedroomsOnly = { appliesTo: { scope: 'area', areaTypes: ['bedroom'] } };

function compliance(domain: 'quality' | 'safety' | 'therapeutic', items: Record<string, unknown>[]): Template {
  return parseTemplate({ ...safetyTemplateJson(items), templateId: domain, domain, title: `${domain} (test)` }, `${domain}.json`);
}

/** Quality: Q01 for the ward, Q10 in every area, Q06 a number in bedrooms. Safety: S05 in every area. Ligature: L01 in bedrooms, L14 for the ward. Therapeutic: T01 for the ward. */
export function smallTemplates(): Record<Domain, Template> {
  return {
    quality: compliance('quality', [
      complianceItemJson('Q01', wardLevel),
      complianceItemJson('Q10', everyArea),
      complianceItemJson('Q06', {
        ...bedroomsOnly,
        response: { type: 'number', unit: '%', min: 0, max: 100, integer: true, banding: { direction: 'higher_is_better', yes: 100, partial: 80 }, allowNa: false },
      }),
    ]),
    safety: compliance('safety', [complianceItemJson('S05', everyArea)]),
    ligature: parseTemplate(ligatureTemplateJson([ligaturePromptJson('L01', bedroomsOnly), ligaturePromptJson('L14', wardLevel)]), 'ligature.json'),
    therapeutic: compliance('therapeutic', [complianceItemJson('T01', wardLevel)]),
  };
}

/**
 * An assessment of those areas in that route order, with the ward-level questions before
 * areas[wardPosition]: at the end unless given (a new assessment puts them first, at 0; the
 * assessor may move them, and the walk's order logic is the same wherever they sit).
 */
export function assessmentWith(areas: { areaId: string; name: string; type: string; supervisionTier: 1 | 2 | 3 }[], wardPosition = areas.length): Assessment {
  return {
    id: 'assessment-1',
    wardId: 'ward-1',
    round: '2026/27',
    assessedOn: '2026-11-20',
    announced: true,
    status: 'draft',
    signedOffAt: null,
    signedOffBy: null,
    previousAssessmentId: null,
    wardType: null,
    bedCount: null,
    assessors: [{ id: 'assessor-1', name: 'Morag Baird', role: 'estates' }],
    templates: { quality: 'quality@2026.1', safety: 'safety@2026.1', ligature: 'ligature@2026.1', therapeutic: 'therapeutic@2026.1' },
    areas: areas.map((a, position) => ({ ...a, position, sampleAreaId: null })),
    wardPosition,
    createdAt: '2026-11-20T09:00:00.000Z',
    updatedAt: '2026-11-20T09:00:00.000Z',
  };
}

/** The small walk: Bedroom 1 (tier 3), then the Lounge (tier 2), then the whole ward (moved there by the assessor). */
export function smallWalk(): Walk {
  return buildWalk(
    assessmentWith([
      { areaId: BEDROOM, name: 'Bedroom 1', type: 'bedroom', supervisionTier: 3 },
      { areaId: LOUNGE, name: 'Lounge', type: 'lounge', supervisionTier: 2 },
    ]),
    smallTemplates(),
  );
}

export function storedAnswer(key: string, value: StoredAnswer['value'] = 'yes'): StoredAnswer {
  const [itemId, place] = key.split('@') as [string, string];
  return { id: `answer-${key}`, itemId, areaId: place === 'ward' ? null : place, value, naReason: null, note: null, assessorId: 'assessor-1', answeredAt: '2026-11-20T10:00:00.000Z', fillId: null, copiedFromAreaId: null };
}

/** Answers for the given instance keys, keyed as the walkthrough keys them. */
export function answersFor(...keys: string[]): Map<string, StoredAnswer> {
  return new Map(keys.map((key) => [key, storedAnswer(key)]));
}

export function ligaturePoint(id: string, itemId: string | null, areaId: string): StoredPoint {
  return {
    id,
    assessmentId: 'assessment-1',
    lineageId: `lineage-${id}`,
    areaId,
    itemId,
    element: 'Door hinge',
    heightBand: 'knee_to_head',
    tier: 3,
    tierReason: null,
    description: 'Butt hinges on the door',
    controls: [],
    likelihoodBefore: 4,
    severityBefore: 5,
    likelihoodAfter: 4,
    severityAfter: 5,
    assessorId: 'assessor-1',
    otherControlConfirmedBy: null,
    otherControlConfirmedAt: null,
    copiedFromPointId: null,
    fillId: null,
    copyConfirmedAt: null,
    copyConfirmedBy: null,
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
  };
}
