import type { ComplianceTemplate, LigatureTemplate } from '../templates/schema';
import { answerColumns, indexAreas, matchDomains, type AnswerColumns, type MatchedAnswers } from './answers';
import { scoreMatchedCompliance, type ComplianceDomainResult } from './compliance';
import { complianceValueProblem } from './compliance-values';
import type { WardScoringInput } from './inputs';
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
  return scoreWardAnswers(templates, input, answerColumns(input.answers));
}

/**
 * scoreWard with the answers given one list per field (input.answers is not read): how the store
 * scores the nation's ~230,000 answers without making an object for each.
 */
export function scoreWardAnswers(templates: PinnedTemplates, input: Omit<WardScoringInput, 'answers'>, answers: AnswerColumns): WardScores {
  for (const domain of ['quality', 'safety', 'ligature', 'therapeutic'] as const) {
    if (templates[domain].domain !== domain) {
      throw new Error(`The ${domain} slot holds the ${templates[domain].domain} template`);
    }
  }
  // Every answer matched to its place in one pass (the order the answers come in does not matter).
  const areaIndex = indexAreas(input.areas);
  const unknown: number[] = [];
  const [quality, safety, ligature, therapeutic] = matchDomains(
    [
      { items: templates.quality.items, checkValue: complianceValueProblem },
      { items: templates.safety.items, checkValue: complianceValueProblem },
      { items: templates.ligature.items, checkValue: promptValueProblem },
      { items: templates.therapeutic.items, checkValue: complianceValueProblem },
    ],
    areaIndex,
    answers,
    unknown,
  ) as [MatchedAnswers, MatchedAnswers, MatchedAnswers, MatchedAnswers];
  const issues = unknown.map((n) =>
    issue('unknown_item', `${answers.itemIds[n]} is not an item of the pinned templates`, {
      itemId: answers.itemIds[n]!,
      areaId: answers.areaIds[n]!,
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
