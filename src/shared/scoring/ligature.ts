import type { LigatureTemplate } from '../templates/schema';
import { REMOVAL_ACTION_TYPES, isActionOverdue, isDatedRemoval } from './actions';
import { answerAt, answerColumns, eachPlace, indexAreas, matchDomains, type AreaIndex, type MatchedAnswers } from './answers';
import type { Answer, AnswerValue, LigaturePoint, ScoringArea, ScoringWard } from './inputs';
import { issue, type ScoringIssue } from './issues';
import {
  isHighOrExtreme,
  scoreLigaturePoint,
  validateLigaturePoint,
  type ScoredLigaturePoint,
} from './ligature-risk';
import { summariseLigaturePoints, type LigatureSummary } from './ligature-summary';
import { percentToTenth, reachesPercent } from './numbers';
import { mapPacked } from './packed';
import type { Rating } from './rating';

// The ward's ligature rating follows its worst residual risk and whether high risks have dated
// actions (CQC / Nurse Directors Forum 2023). It is never a percentage or an average. Every rule
// errs towards the worse rating: red gates first, then "not rated" wherever evidence is missing,
// and only then amber or green.

export const LIGATURE_GATE_REASONS = ['extreme_residual', 'vigilance_only_control', 'high_without_dated_removal', 'action_overdue'] as const;
export type LigatureGateReason = (typeof LIGATURE_GATE_REASONS)[number];

export interface LigatureGate {
  pointId: string;
  areaId: string;
  reason: LigatureGateReason;
  message: string;
}

export interface LigaturePromptCounts {
  applicable: number;
  /** Validly answered: a "not applicable" without a reason is not an answer. */
  answered: number;
  na: number;
  riskPresent: number;
  completeness: number | null;
  complete: boolean;
}

export const LIGATURE_RATING_BASES = [
  'gate', // a red gate fired
  'prompts_incomplete', // not every prompt validly answered
  'risk_not_recorded', // a "risk present" prompt has no point recorded for it
  'copies_unconfirmed', // a point copied from a sample room is not yet confirmed in its own room
  'all_prompts_not_applicable', // every prompt answered "not applicable": nothing was looked at
  'residual_risk', // moderate or high residual risk remains
  'low_risk_and_complete', // only low residual risks, every prompt answered
] as const;
export type LigatureRatingBasis = (typeof LIGATURE_RATING_BASES)[number];

export interface LigatureDomainResult {
  domain: 'ligature';
  templateId: string;
  templateVersion: string;
  rating: Rating;
  ratingBasis: LigatureRatingBasis;
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
  const areaIndex = indexAreas(input.areas);
  return scoreMatchedLigature(template, input, areaIndex, matchDomains([{ items: template.items, checkValue: promptValueProblem }], areaIndex, answerColumns(input.answers))[0]!);
}

/** scoreLigatureDomain once the answers are matched to their places (scoreWard matches every domain in one pass). */
export function scoreMatchedLigature(template: LigatureTemplate, input: Omit<LigatureScoringInput, 'answers'>, areaIndex: AreaIndex, matched: MatchedAnswers): LigatureDomainResult {
  const { ligaturePoints, asOf } = input;
  const { prompts, riskUnrecorded, issues } = checkPrompts(template, input, areaIndex, matched);
  // Each point's area as last listed under its id (as a Map built from the list keeps it).
  const areaOf = mapPacked(ligaturePoints, (point) => areaIndex.find(point.areaId)?.area);
  const scored = mapPacked(ligaturePoints, (point, index) => scoreLigaturePoint(point, areaOf[index]?.supervisionTier));
  const gates: LigatureGate[] = [];
  ligaturePoints.forEach((point, index) => {
    const areaTier = areaOf[index]?.supervisionTier;
    if (areaOf[index] === undefined) {
      const message = `Ligature point ${point.id} names area ${point.areaId}, which is not in this ward`;
      issues.push(issue('unknown_area', message, { pointId: point.id, areaId: point.areaId }));
    }
    issues.push(...validateLigaturePoint(point, areaTier, scored[index]));
    const result = scored[index];
    if (result) gates.push(...gatesFor(point, result, asOf, issues));
  });

  return {
    domain: 'ligature',
    templateId: template.templateId,
    templateVersion: template.version,
    ...rate(gates, scored, prompts, riskUnrecorded, ligaturePoints.some((p) => p.copyToConfirm === true)),
    prompts,
    points: scored,
    summary: summariseLigaturePoints(ligaturePoints, scored, areaOf, input.ward.bedCount, asOf),
    gates,
    issues,
  };
}

/**
 * Prompt completeness, and whether any "risk present" answer lacks a point recorded from that
 * prompt (in that area; for a ward-wide prompt, anywhere on the ward). A "not applicable" with no
 * reason is not an answer: it counts as unanswered and is listed.
 */
function checkPrompts(
  template: LigatureTemplate,
  { ligaturePoints }: Pick<LigatureScoringInput, 'ligaturePoints'>,
  areaIndex: AreaIndex,
  matched: MatchedAnswers,
): { prompts: LigaturePromptCounts; riskUnrecorded: boolean; issues: ScoringIssue[] } {
  const issues: ScoringIssue[] = [...matched.issues];
  const prompts: LigaturePromptCounts = { applicable: 0, answered: 0, na: 0, riskPresent: 0, completeness: null, complete: false };
  const recordedFor = new Set(ligaturePoints.map((p) => `${p.itemId ?? ''}|${p.areaId}`));
  const recordedForPrompt = new Set(ligaturePoints.map((p) => p.itemId ?? ''));
  let riskUnrecorded = false;
  const { values, naReasons } = matched.answers;
  eachPlace(template.items, areaIndex, (item, index, areaId, slot) => {
    prompts.applicable += 1;
    const answer = answerAt(matched, index, slot);
    if (answer === undefined) return;
    const value = values[answer];
    const at = { itemId: item.id, areaId };
    if (value === 'na' && !naReasons[answer]?.trim()) {
      issues.push(issue('na_without_reason', `${item.id}: "not applicable" needs a reason on a ligature prompt; until it has one the prompt counts as unanswered`, at));
      return;
    }
    prompts.answered += 1;
    if (value === 'na') prompts.na += 1;
    if (value !== 'risk_present') return;
    prompts.riskPresent += 1;
    const recorded = areaId === null ? recordedForPrompt.has(item.id) : recordedFor.has(`${item.id}|${areaId}`);
    if (!recorded) {
      riskUnrecorded = true;
      issues.push(issue('risk_present_without_point', `${item.id}: a risk is noted here but no ligature point is recorded for it`, at));
    }
  });
  if (prompts.applicable > 0) {
    prompts.completeness = percentToTenth(prompts.answered, prompts.applicable);
    prompts.complete = reachesPercent(prompts.answered, prompts.applicable, template.completenessThreshold);
  }
  return { prompts, riskUnrecorded, issues };
}

/**
 * Red whenever a red gate fires, whatever else is true. Then "not rated" wherever evidence is
 * missing — prompts not all answered, a risk noted without its point, a point copied from a sample
 * room nobody has yet confirmed in its own room, or every prompt marked not applicable — even if a
 * moderate or high point elsewhere would otherwise make it amber: an amber would claim the worst
 * remaining risk is known. Then amber for any remaining high or moderate residual risk; green
 * only for low risks with every prompt answered.
 */
function rate(
  gates: readonly LigatureGate[],
  scored: readonly ScoredLigaturePoint[],
  prompts: LigaturePromptCounts,
  riskUnrecorded: boolean,
  copiesUnconfirmed: boolean,
): Pick<LigatureDomainResult, 'rating' | 'ratingBasis'> {
  if (gates.length > 0) return { rating: 'red', ratingBasis: 'gate' };
  if (!prompts.complete) return { rating: 'not_rated', ratingBasis: 'prompts_incomplete' };
  if (riskUnrecorded) return { rating: 'not_rated', ratingBasis: 'risk_not_recorded' };
  if (copiesUnconfirmed) return { rating: 'not_rated', ratingBasis: 'copies_unconfirmed' };
  if (prompts.na === prompts.applicable) return { rating: 'not_rated', ratingBasis: 'all_prompts_not_applicable' };
  if (scored.some((p) => p.residual.band !== 'low')) return { rating: 'amber', ratingBasis: 'residual_risk' };
  return { rating: 'green', ratingBasis: 'low_risk_and_complete' };
}

function gatesFor(point: LigaturePoint, scored: ScoredLigaturePoint, asOf: string, issues: ScoringIssue[]): LigatureGate[] {
  const gates: LigatureGate[] = [];
  const add = (reason: LigatureGateReason, message: string) =>
    gates.push({ pointId: point.id, areaId: point.areaId, reason, message: `${point.element}: ${message}` });
  const { band, score } = scored.residual;

  if (band === 'extreme') add('extreme_residual', `extreme residual risk (${score})`);
  if (isHighOrExtreme(band) && !scored.hasDocumentedControl) {
    add('vigilance_only_control', `${band} residual risk with no control beyond staff vigilance`);
  }
  if (band === 'high' && scored.tier >= 2 && !point.actions.some((a) => isDatedRemoval(a.type, a.status, a.targetDate))) {
    const removals = point.actions.filter((a) => REMOVAL_ACTION_TYPES.includes(a.type));
    const allComplete = removals.length > 0 && removals.every((a) => a.status === 'complete');
    if (allComplete) {
      const message = `${point.element}: its remove/replace action is complete but the point is still recorded as high risk. If the anchor point has gone, re-score its residual risk; if not, record a new dated action to remove or replace it`;
      issues.push(issue('removal_complete_risk_still_high', message, { pointId: point.id, areaId: point.areaId }));
    }
    add(
      'high_without_dated_removal',
      allComplete
        ? `high residual risk in tier ${scored.tier} still recorded after its remove/replace action was completed, and no open dated action to remove or replace it`
        : `high residual risk in tier ${scored.tier} with no open, dated action to remove or replace it`,
    );
  }
  const overdue = point.actions.filter((a) => isActionOverdue(a.status, a.targetDate, asOf));
  if (isHighOrExtreme(band) && overdue.length > 0) {
    const pastDue = overdue.flatMap((a) => (a.targetDate !== undefined && a.targetDate < asOf ? [a.targetDate] : [])).sort();
    const which =
      overdue.length === 1
        ? pastDue[0] ? `an action past its target date (${pastDue[0]})` : 'an action marked overdue'
        : `${overdue.length} overdue actions${pastDue[0] ? ` (earliest target date ${pastDue[0]})` : ''}`;
    add('action_overdue', `${band} residual risk with ${which}`);
  }
  return gates;
}
