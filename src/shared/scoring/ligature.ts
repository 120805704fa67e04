import { itemInstances } from '../templates/applicability';
import type { LigatureTemplate } from '../templates/schema';
import { answerFor, matchAnswers } from './answers';
import type { Answer, AnswerValue, LigaturePoint, ScoringArea, ScoringWard } from './inputs';
import { issue, type ScoringIssue } from './issues';
import {
  isHighOrExtreme,
  scoreLigaturePoint,
  validateLigaturePoint,
  type ScoredLigaturePoint,
} from './ligature-risk';
import { isActionOverdue, summariseLigaturePoints, type LigatureSummary } from './ligature-summary';
import { percentToTenth, reachesPercent } from './numbers';
import type { Rating } from './rating';

// The ward's ligature rating follows its worst residual risk and whether high risks have dated
// actions (CQC / Nurse Directors Forum 2023). It is never a percentage or an average.

export type LigatureGateReason =
  | 'extreme_residual'
  | 'high_without_dated_removal'
  | 'action_overdue'
  | 'vigilance_only_control';

export interface LigatureGate {
  pointId: string;
  areaId: string;
  reason: LigatureGateReason;
  message: string;
}

export interface LigaturePromptCounts {
  applicable: number;
  answered: number;
  na: number;
  riskPresent: number;
  completeness: number | null;
  complete: boolean;
}

export interface LigatureDomainResult {
  domain: 'ligature';
  templateId: string;
  templateVersion: string;
  rating: Rating;
  ratingBasis: 'gate' | 'residual_risk' | 'low_risk_and_complete' | 'prompts_incomplete' | 'risk_not_recorded' | 'copies_unconfirmed';
  prompts: LigaturePromptCounts;
  points: ScoredLigaturePoint[];
  summary: LigatureSummary;
  gates: LigatureGate[];
  issues: ScoringIssue[];
}

export interface LigatureScoringInput {
  ward: ScoringWard;
  areas: readonly ScoringArea[];
  answers: readonly Answer[];
  ligaturePoints: readonly LigaturePoint[];
  asOf: string;
}

/** Why a value cannot answer a ligature prompt, or null if it can. Every prompt takes the same three. */
export function promptValueProblem(_prompt: unknown, value: AnswerValue): string | null {
  return value === 'no_risk' || value === 'risk_present' || value === 'na' ? null : 'answer no_risk, risk_present or na';
}

export function scoreLigatureDomain(template: LigatureTemplate, input: LigatureScoringInput): LigatureDomainResult {
  const { areas, ligaturePoints, asOf } = input;
  const { prompts, riskUnrecorded, issues } = checkPrompts(template, input);
  const areaIds = new Set(areas.map((area) => area.id));
  const scored = ligaturePoints.map(scoreLigaturePoint);
  const gates: LigatureGate[] = [];
  ligaturePoints.forEach((point, index) => {
    if (!areaIds.has(point.areaId)) {
      const message = `Ligature point ${point.id} names area ${point.areaId}, which is not in this ward`;
      issues.push(issue('unknown_area', message, { pointId: point.id, areaId: point.areaId }));
    }
    issues.push(...validateLigaturePoint(point));
    const result = scored[index];
    if (result) gates.push(...gatesFor(point, result, asOf));
  });

  return {
    domain: 'ligature',
    templateId: template.templateId,
    templateVersion: template.version,
    ...rate(gates, scored, prompts.complete, riskUnrecorded, ligaturePoints.some((p) => p.copyToConfirm === true)),
    prompts,
    points: scored,
    summary: summariseLigaturePoints(ligaturePoints, scored, areas, input.ward.bedCount, asOf),
    gates,
    issues,
  };
}

/** Prompt completeness, and whether any "risk present" answer lacks a recorded point. */
function checkPrompts(
  template: LigatureTemplate,
  { areas, answers, ligaturePoints }: LigatureScoringInput,
): { prompts: LigaturePromptCounts; riskUnrecorded: boolean; issues: ScoringIssue[] } {
  const matched = matchAnswers(template.items, areas, answers, promptValueProblem);
  const issues: ScoringIssue[] = [...matched.issues];
  const prompts: LigaturePromptCounts = {
    applicable: 0,
    answered: 0,
    na: 0,
    riskPresent: 0,
    completeness: null,
    complete: false,
  };
  let riskUnrecorded = false;
  for (const instance of itemInstances(template.items, areas)) {
    prompts.applicable += 1;
    const value = answerFor(matched, instance)?.value;
    if (value === undefined) continue;
    prompts.answered += 1;
    if (value === 'na') prompts.na += 1;
    if (value !== 'risk_present') continue;
    prompts.riskPresent += 1;
    // A ward-wide prompt (areaId null) is satisfied by a point anywhere on the ward.
    const recorded = ligaturePoints.some((p) => instance.areaId === null || p.areaId === instance.areaId);
    if (!recorded) {
      riskUnrecorded = true;
      const at = { itemId: instance.item.id, areaId: instance.areaId };
      issues.push(issue('risk_present_without_point', `${instance.item.id}: a risk is noted here but no ligature point is recorded`, at));
    }
  }
  if (prompts.applicable > 0) {
    prompts.completeness = percentToTenth(prompts.answered, prompts.applicable);
    prompts.complete = reachesPercent(prompts.answered, prompts.applicable, template.completenessThreshold);
  }
  return { prompts, riskUnrecorded, issues };
}

/**
 * Red whenever a red rule fires, whatever else is true. Otherwise amber for any remaining high or
 * moderate residual risk. Green needs only low risks AND complete prompts: an unwalked room is not
 * a safe room, so low risks with incomplete prompts (or a "risk present" prompt with no point
 * recorded, or a point copied from a sample room nobody has yet confirmed in its own room) are
 * "not rated" rather than green.
 */
function rate(
  gates: readonly LigatureGate[],
  scored: readonly ScoredLigaturePoint[],
  promptsComplete: boolean,
  riskUnrecorded: boolean,
  copiesUnconfirmed: boolean,
): Pick<LigatureDomainResult, 'rating' | 'ratingBasis'> {
  if (gates.length > 0) return { rating: 'red', ratingBasis: 'gate' };
  if (scored.some((p) => p.residual.band !== 'low')) return { rating: 'amber', ratingBasis: 'residual_risk' };
  if (!promptsComplete) return { rating: 'not_rated', ratingBasis: 'prompts_incomplete' };
  if (riskUnrecorded) return { rating: 'not_rated', ratingBasis: 'risk_not_recorded' };
  if (copiesUnconfirmed) return { rating: 'not_rated', ratingBasis: 'copies_unconfirmed' };
  return { rating: 'green', ratingBasis: 'low_risk_and_complete' };
}

function gatesFor(point: LigaturePoint, scored: ScoredLigaturePoint, asOf: string): LigatureGate[] {
  const gates: LigatureGate[] = [];
  const add = (reason: LigatureGateReason, message: string) =>
    gates.push({ pointId: point.id, areaId: point.areaId, reason, message: `${point.element}: ${message}` });
  const { band, score } = scored.residual;

  if (band === 'extreme') add('extreme_residual', `extreme residual risk (${score})`);
  if (isHighOrExtreme(band) && !scored.hasDocumentedControl) {
    add('vigilance_only_control', `${band} residual risk with no control beyond staff vigilance`);
  }
  if (band === 'high' && point.tier >= 2) {
    const action = point.action;
    const dated = action && (action.type === 'remove' || action.type === 'replace') && action.targetDate !== undefined;
    if (!dated) add('high_without_dated_removal', `high residual risk in tier ${point.tier} with no dated action to remove or replace it`);
  }
  if (isHighOrExtreme(band) && isActionOverdue(point.action, asOf)) {
    add('action_overdue', `${band} residual risk whose action is past its target date (${point.action?.targetDate ?? 'marked overdue'})`);
  }
  return gates;
}
