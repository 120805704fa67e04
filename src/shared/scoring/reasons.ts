import type { Domain, Template } from '../templates/schema';
import { ANSWER_LABELS, RATING_LABELS, RISK_BAND_LABELS } from '../vocabulary';
import type { ComplianceDomainResult, ComplianceGate } from './compliance';
import type { LigatureDomainResult, LigatureGate } from './ligature';
import type { Rating } from './rating';
import type { WardScores } from './ward';

// Why a domain has the rating it has, in words a person can act on: the gate behind every red
// (the item or point, and where), the reason for every "not rated", the figure against the
// threshold for amber and green. The walkthrough's live scores, the sign-off page and its
// confirmation all show these, so a rating is never shown without its reason.

export interface RatingExplanation {
  domain: Domain;
  rating: Rating;
  /** One sentence: what decides the rating. */
  summary: string;
  /** Each gate or missing piece behind it, one per line (empty when the summary says it all). */
  reasons: string[];
}

export interface ExplainNames {
  area(areaId: string | null): string;
  /** The item's question, for an item id of the pinned templates. */
  question(itemId: string): string | undefined;
}

type PinnedTemplates = Record<Domain, Pick<Template, 'completenessThreshold'> & { ragThresholds?: { green: number; amber: number } }>;

function where(names: ExplainNames, areaId: string | null): string {
  return areaId === null ? 'for the whole ward' : `in ${names.area(areaId)}`;
}

function quoted(names: ExplainNames, itemId: string): string {
  const question = names.question(itemId);
  return question ? `${itemId} (“${question}”)` : itemId;
}

function complianceGate(gate: ComplianceGate, names: ExplainNames): string {
  const what = gate.reason === 'critical_grade_d' ? `graded ${ANSWER_LABELS.D}` : gate.reason === 'critical_number_no' ? `a figure that counts as ${ANSWER_LABELS.no}` : `answered ${ANSWER_LABELS.no}`;
  return `Critical item ${quoted(names, gate.itemId)} ${what} ${where(names, gate.areaId)}.`;
}

function explainCompliance(result: ComplianceDomainResult, templates: PinnedTemplates, names: ExplainNames): RatingExplanation {
  const thresholds = templates[result.domain].ragThresholds ?? { green: 85, amber: 65 };
  const threshold = templates[result.domain].completenessThreshold;
  const provisional = result.complete ? [] : [`Only ${result.completeness ?? 0}% of its questions are answered (${threshold}% needed): the rating is provisional.`];
  const base = { domain: result.domain, rating: result.rating };
  switch (result.ratingBasis) {
    case 'gate':
      return { ...base, summary: `Red because ${result.gates.length === 1 ? 'a critical item fails' : `${result.gates.length} critical items fail`}, whatever the score (${result.percentage}%).`, reasons: [...result.gates.map((g) => complianceGate(g, names)), ...provisional] };
    case 'nothing_scored':
      return { ...base, summary: 'Not rated: nothing is scored yet (no question answered, or every answer is “not applicable”).', reasons: provisional };
    case 'percentage': {
      const summary =
        result.rating === 'green'
          ? `Green: the score ${result.percentage}% reaches ${thresholds.green}%.`
          : result.rating === 'amber'
            ? `Amber: the score ${result.percentage}% is below ${thresholds.green}% (green) but reaches ${thresholds.amber}%.`
            : `Red: the score ${result.percentage}% is below ${thresholds.amber}%.`;
      return { ...base, summary, reasons: provisional };
    }
    default:
      return { ...base, summary: `${RATING_LABELS[result.rating]}.`, reasons: provisional };
  }
}

function ligatureGate(gate: LigatureGate, names: ExplainNames): string {
  return `${gate.message} (${names.area(gate.areaId)}).`;
}

function explainLigature(result: LigatureDomainResult, names: ExplainNames): RatingExplanation {
  const base = { domain: 'ligature' as const, rating: result.rating };
  const { prompts } = result;
  const unrecorded = result.issues
    .filter((i) => i.code === 'risk_present_without_point')
    .map((i) => `${quoted(names, i.itemId ?? '')} ${where(names, i.areaId)}: risk present, but no ligature point is recorded.`);
  const unanswered = prompts.applicable - prompts.answered;
  const promptsLine = `${prompts.answered} of ${prompts.applicable} ligature prompts answered.`;
  switch (result.ratingBasis) {
    case 'gate':
      return { ...base, summary: `Red because ${result.gates.length === 1 ? 'a red rule fires' : `${result.gates.length} red rules fire`}.`, reasons: result.gates.map((g) => ligatureGate(g, names)) };
    case 'residual_risk': {
      const bands = (['high', 'moderate'] as const).filter((b) => result.summary.residualByBand[b] > 0).map((b) => `${result.summary.residualByBand[b]} ${RISK_BAND_LABELS[b].toLowerCase()}`);
      return { ...base, summary: `Amber: residual risk remains (${bands.join(', ')}; highest score ${result.summary.highestResidualScore ?? '–'}), each with its action in date.`, reasons: prompts.complete ? [] : [promptsLine] };
    }
    case 'prompts_incomplete':
      return { ...base, summary: `Not rated: ${unanswered} ligature prompt${unanswered === 1 ? ' is' : 's are'} not answered. A room nobody has checked is not a safe room.`, reasons: [promptsLine, ...unrecorded] };
    case 'risk_not_recorded':
      return { ...base, summary: 'Not rated: a risk is noted but its ligature point is not recorded.', reasons: unrecorded };
    case 'copies_unconfirmed': {
      const waiting = result.points.length;
      return { ...base, summary: 'Not rated: ligature points copied from a sample room are not yet confirmed in their own rooms.', reasons: waiting > 0 ? [promptsLine] : [] };
    }
    case 'low_risk_and_complete':
      return { ...base, summary: `Green: every prompt answered and only low residual risks (${result.summary.pointCount} point${result.summary.pointCount === 1 ? '' : 's'}).`, reasons: [] };
    default:
      return { ...base, summary: `${RATING_LABELS[result.rating]}.`, reasons: [promptsLine, ...unrecorded] };
  }
}

/** The reason for each domain's rating, in the order quality, safety, ligature, therapeutic. */
export function explainRatings(scores: WardScores, templates: PinnedTemplates, names: ExplainNames): RatingExplanation[] {
  return (['quality', 'safety', 'ligature', 'therapeutic'] as const).map((domain) =>
    domain === 'ligature' ? explainLigature(scores.ligature, names) : explainCompliance(scores[domain], templates, names),
  );
}
