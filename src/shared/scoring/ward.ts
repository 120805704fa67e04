import type { ComplianceTemplate, LigatureTemplate } from '../templates/schema';
import { indexAreas, matchDomains, type MatchedAnswers } from './answers';
import { scoreMatchedCompliance, type ComplianceDomainResult } from './compliance';
import { complianceValueProblem } from './compliance-values';
import type { Answer, WardScoringInput } from './inputs';
import { issue, type ScoringIssue } from './issues';
import { promptValueProblem, scoreMatchedLigature, type LigatureDomainResult } from './ligature';

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
  // Every answer matched to its place in one pass (the order the answers come in does not matter).
  const areaIndex = indexAreas(input.areas);
  const unknown: Answer[] = [];
  const [quality, safety, ligature, therapeutic] = matchDomains(
    [
      { items: templates.quality.items, checkValue: complianceValueProblem },
      { items: templates.safety.items, checkValue: complianceValueProblem },
      { items: templates.ligature.items, checkValue: promptValueProblem },
      { items: templates.therapeutic.items, checkValue: complianceValueProblem },
    ],
    areaIndex,
    input.answers,
    unknown,
  ) as [MatchedAnswers, MatchedAnswers, MatchedAnswers, MatchedAnswers];
  const issues = unknown.map((answer) =>
    issue('unknown_item', `${answer.itemId} is not an item of the pinned templates`, {
      itemId: answer.itemId,
      areaId: answer.areaId,
    }),
  );

  return {
    wardId: input.ward.id,
    asOf: input.asOf,
    quality: scoreMatchedCompliance(templates.quality, areaIndex, quality),
    safety: scoreMatchedCompliance(templates.safety, areaIndex, safety),
    ligature: scoreMatchedLigature(templates.ligature, input, areaIndex, ligature),
    therapeutic: scoreMatchedCompliance(templates.therapeutic, areaIndex, therapeutic),
    issues,
  };
}
