import { financialYearOf } from '../dates';
import { DOMAINS, type Domain } from '../templates/schema';
import { reliesOnOtherAlone } from './controls';
import type { WardScoringInput } from './inputs';
import type { IssueCode } from './issues';
import { isHighOrExtreme } from './ligature-risk';
import { completenessAgainst } from './numbers';
import type { PinnedTemplates, WardScores } from './ward';

// What an assessment must satisfy before it is signed off, written once: the sign-off service
// checks a draft with it, and verification checks every signed-off assessment in a board's return
// with it, so a return can never hold what the app's own sign-off would refuse.

export const SIGN_OFF_RULES = [
  'incomplete', // a domain below its template's completeness threshold
  'undecided_rechecks', // a re-check from the previous round not decided
  'risk_without_point', // a ligature prompt "risk present" with no point recorded for it
  'na_without_reason', // "not applicable" with no reason, on a ligature prompt or a weight 3 item
  'tier_below_area', // a ligature point below its area's tier with no reason
  'residual_above_inherent', // a point's risk after controls above its risk before
  'control_without_description', // a control other than vigilance with nothing said about it
  'other_control_unconfirmed', // a high or extreme residual risk resting on "other" alone, not confirmed by the lead
  'copy_unconfirmed', // a ligature point copied from a sample room, not yet confirmed in its own room
  'future_date', // assessed after the day it is signed off
  'round_mismatch', // the round is not the financial year of the assessment date
] as const;
export type SignOffRule = (typeof SIGN_OFF_RULES)[number];

export interface SignOffProblem {
  rule: SignOffRule;
  message: string;
  itemId: string | null;
  areaId: string | null;
  pointId: string | null;
}

/** The engine's issues that are recording errors sign-off refuses (a red finding such as vigilance alone is not one). */
const BLOCKING_ISSUES: Partial<Record<IssueCode, SignOffRule>> = {
  risk_present_without_point: 'risk_without_point',
  na_without_reason: 'na_without_reason',
  tier_below_area_without_reason: 'tier_below_area',
  residual_above_inherent: 'residual_above_inherent',
  control_without_description: 'control_without_description',
};

export interface DomainCompleteness {
  domain: Domain;
  applicable: number;
  /** Validly answered (an answer the engine leaves out does not count). */
  answered: number;
  completeness: number | null;
  threshold: number;
  /** Compared exactly, before rounding; true when nothing is asked. */
  complete: boolean;
}

/** Each domain's completeness against its template's threshold, from the engine's counts. */
export function domainCompleteness(templates: PinnedTemplates, scores: WardScores): DomainCompleteness[] {
  return DOMAINS.map((domain) => {
    const { applicable, answered } = domain === 'ligature' ? scores.ligature.prompts : scores[domain].counts;
    const threshold = templates[domain].completenessThreshold;
    return { domain, applicable, answered, threshold, ...completenessAgainst(answered, applicable, threshold) };
  });
}

/** High or extreme residual points whose documented controls are all "other": the lead confirms each at sign-off. */
export function pointsNeedingConfirmation(input: WardScoringInput, scores: WardScores): { pointId: string; areaId: string; element: string }[] {
  const scored = new Map(scores.ligature.points.map((p) => [p.pointId, p]));
  return input.ligaturePoints
    .filter((p) => {
      const s = scored.get(p.id);
      return s !== undefined && isHighOrExtreme(s.residual.band) && reliesOnOtherAlone(p.controls);
    })
    .map((p) => ({ pointId: p.id, areaId: p.areaId, element: p.element }));
}

/** Ligature prompts answered "not applicable" in tier 2 or 3 areas: listed at sign-off for a second look. */
export function notApplicablePromptsInSupervisedAreas(templates: PinnedTemplates, input: WardScoringInput): { itemId: string; areaId: string; naReason: string | null }[] {
  const prompts = new Set(templates.ligature.items.map((i) => i.id));
  const tier = new Map(input.areas.map((a) => [a.id, a.supervisionTier]));
  return input.answers
    .filter((a) => a.value === 'na' && prompts.has(a.itemId) && a.areaId !== null && (tier.get(a.areaId) ?? 1) >= 2)
    .map((a) => ({ itemId: a.itemId, areaId: a.areaId as string, naReason: a.naReason?.trim() ? a.naReason : null }));
}

export interface SignOffFacts {
  templates: PinnedTemplates;
  input: WardScoringInput;
  /** The engine's result for `input` (this engine, not a kept one). */
  scores: WardScores;
  round: string;
  /** The date it is signed off (Europe/London): today for a draft, the recorded date for a return. */
  signedOn: string;
  undecidedRechecks: number;
  /** Points whose "other" controls the lead has confirmed. */
  confirmedOtherControls: ReadonlySet<string>;
}

/** Every reason sign-off would be refused, one entry per instance, in a stable order. Empty: it may be signed off. */
export function signOffProblems(facts: SignOffFacts): SignOffProblem[] {
  const { input, scores } = facts;
  const problems: SignOffProblem[] = [];
  const add = (rule: SignOffRule, message: string, at: { itemId?: string | null; areaId?: string | null; pointId?: string | null } = {}) =>
    problems.push({ rule, message, itemId: at.itemId ?? null, areaId: at.areaId ?? null, pointId: at.pointId ?? null });

  for (const d of domainCompleteness(facts.templates, scores)) {
    if (!d.complete) add('incomplete', `${d.domain} is ${d.completeness ?? 0}% complete (${d.answered} of ${d.applicable} answered); its checklist needs ${d.threshold}%`);
  }
  const undecided = facts.undecidedRechecks;
  if (undecided > 0) add('undecided_rechecks', `${undecided} re-check${undecided === 1 ? ' from the previous round is' : 's from the previous round are'} not yet decided`);
  const issues = [...DOMAINS.flatMap((d) => scores[d].issues), ...scores.issues];
  for (const found of issues) {
    const rule = BLOCKING_ISSUES[found.code];
    if (rule && found.severity === 'error') add(rule, found.message, found);
  }
  for (const point of pointsNeedingConfirmation(input, scores)) {
    if (!facts.confirmedOtherControls.has(point.pointId)) {
      add('other_control_unconfirmed', `${point.element}: a high or extreme risk rests on an "other" control alone; the lead must confirm it`, point);
    }
  }
  for (const point of input.ligaturePoints) {
    if (point.copyToConfirm) add('copy_unconfirmed', `${point.element}: copied from a sample room and not yet confirmed in its own room`, { pointId: point.id, areaId: point.areaId });
  }
  if (input.asOf > facts.signedOn) add('future_date', `the assessment is dated ${input.asOf}, after the day it is signed off (${facts.signedOn})`);
  const year = financialYearOf(input.asOf);
  if (facts.round !== year) add('round_mismatch', `the round is ${facts.round}, but ${input.asOf} falls in the financial year ${year}`);
  return problems;
}
