import type { ComplianceTemplate, LigatureTemplate } from '../templates/schema';
import { scoreComplianceDomain, type ComplianceDomainResult } from './compliance';
import type { WardScoringInput } from './inputs';
import { issue, type ScoringIssue } from './issues';
import { scoreLigatureDomain, type LigatureDomainResult } from './ligature';

// One ward's assessment scored against the template versions it was started with: four separate
// results side by side, with no blended index (a good therapeutic score must not hide a red
// ligature result).

export interface PinnedTemplates {
  quality: ComplianceTemplate;
  safety: ComplianceTemplate;
  ligature: LigatureTemplate;
  therapeutic: ComplianceTemplate;
}

export interface WardScores {
  wardId: string;
  asOf: string;
  quality: ComplianceDomainResult;
  safety: ComplianceDomainResult;
  ligature: LigatureDomainResult;
  therapeutic: ComplianceDomainResult;
  /** Answers that belong to none of the pinned templates. */
  issues: ScoringIssue[];
}

export function scoreWard(templates: PinnedTemplates, input: WardScoringInput): WardScores {
  for (const domain of ['quality', 'safety', 'ligature', 'therapeutic'] as const) {
    if (templates[domain].domain !== domain) {
      throw new Error(`The ${domain} slot holds the ${templates[domain].domain} template`);
    }
  }
  const known = new Set<string>();
  for (const template of Object.values(templates)) template.items.forEach((item: { id: string }) => known.add(item.id));
  const issues = input.answers
    .filter((answer) => !known.has(answer.itemId))
    .map((answer) =>
      issue('unknown_item', `${answer.itemId} is not an item of the pinned templates`, {
        itemId: answer.itemId,
        areaId: answer.areaId,
      }),
    );

  return {
    wardId: input.ward.id,
    asOf: input.asOf,
    quality: scoreComplianceDomain(templates.quality, input.areas, input.answers),
    safety: scoreComplianceDomain(templates.safety, input.areas, input.answers),
    ligature: scoreLigatureDomain(templates.ligature, input),
    therapeutic: scoreComplianceDomain(templates.therapeutic, input.areas, input.answers),
    issues,
  };
}
