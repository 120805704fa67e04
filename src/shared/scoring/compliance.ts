import { itemInstances } from '../templates/applicability';
import type { ComplianceItem } from '../templates/item-schema';
import type { ComplianceDomain, ComplianceTemplate } from '../templates/schema';
import { answerFor, matchAnswers } from './answers';
import { MAX_THIRDS, complianceValueProblem, readComplianceValue } from './compliance-values';
import type { Answer, ScoringArea } from './inputs';
import { issue, type ScoringIssue } from './issues';
import { percentToTenth, reachesPercent } from './numbers';
import type { Rating } from './rating';
import { emptyTally, toPartScore, type PartScore, type ScoreCounts, type Tally } from './tally';

// Quality, safety and therapeutic environment: a weighted percentage (PLACE points: yes 2,
// partial 1, no 0) with completeness reported beside it and critical items as gates (AIMS type 1
// logic: failing one makes the domain red whatever the percentage).

export const COMPLIANCE_GATE_REASONS = ['critical_no', 'critical_grade_d', 'critical_number_no'] as const;
export type ComplianceGateReason = (typeof COMPLIANCE_GATE_REASONS)[number];

/** Why a compliance domain's rating is what it is: a fired gate, the percentage, or nothing scorable answered. */
export const COMPLIANCE_RATING_BASES = ['gate', 'percentage', 'nothing_scored'] as const;

export interface ComplianceGate {
  itemId: string;
  areaId: string | null;
  reason: ComplianceGateReason;
  message: string;
}

export interface ComplianceDomainResult {
  domain: ComplianceDomain;
  templateId: string;
  templateVersion: string;
  rating: Rating;
  ratingBasis: (typeof COMPLIANCE_RATING_BASES)[number];
  percentage: number | null;
  counts: ScoreCounts;
  /** answered ÷ applicable × 100 to one decimal place; null if nothing is applicable. */
  completeness: number | null;
  /** completeness reached the template's threshold (compared exactly, before rounding). */
  complete: boolean;
  sections: (PartScore & { sectionId: string })[];
  /** The ward-level items (areaId null) first, then each area with at least one applicable item. */
  areas: (PartScore & { areaId: string | null })[];
  gates: ComplianceGate[];
  issues: ScoringIssue[];
}

export function scoreComplianceDomain(
  template: ComplianceTemplate,
  areas: readonly ScoringArea[],
  answers: readonly Answer[],
): ComplianceDomainResult {
  const matched = matchAnswers(template.items, areas, answers, complianceValueProblem);
  const issues = [...matched.issues];
  const gates: ComplianceGate[] = [];
  const total = emptyTally();
  const bySection = new Map(template.sections.map((section) => [section.id, emptyTally()]));
  const byArea = new Map<string | null, Tally>([[null, emptyTally()], ...areas.map((a) => [a.id, emptyTally()] as const)]);

  for (const instance of itemInstances(template.items, areas)) {
    const { item, areaId } = instance;
    const tallies = [total, bySection.get(item.sectionId), byArea.get(areaId)].filter((t) => t !== undefined);
    tallies.forEach((t) => (t.applicable += 1));
    const answer = answerFor(matched, instance);
    if (!answer) continue;
    tallies.forEach((t) => (t.answered += 1));

    const read = readComplianceValue(item, answer.value);
    if (read.kind === 'na') {
      tallies.forEach((t) => (t.na += 1));
      if (item.weight === 3 && !answer.naReason?.trim()) {
        issues.push(
          issue('na_without_reason', `${item.id} is a weight 3 item: say why it is not applicable`, { itemId: item.id, areaId }),
        );
      }
      continue;
    }
    tallies.forEach((t) => {
      t.thirds += item.weight * read.thirds;
      t.maxThirds += item.weight * MAX_THIRDS;
    });
    if (read.fails && item.critical) gates.push(gateFor(item, areaId));
  }

  const whole = toPartScore(total);
  const { rating, ratingBasis } = rate(template, total, gates.length > 0);
  return {
    domain: template.domain,
    templateId: template.templateId,
    templateVersion: template.version,
    rating,
    ratingBasis,
    percentage: whole.percentage,
    counts: whole.counts,
    completeness: total.applicable > 0 ? percentToTenth(total.answered, total.applicable) : null,
    complete: total.applicable > 0 && reachesPercent(total.answered, total.applicable, template.completenessThreshold),
    sections: template.sections.map((section) => ({
      sectionId: section.id,
      ...toPartScore(bySection.get(section.id) ?? emptyTally()),
    })),
    areas: [...byArea.entries()]
      .filter(([, tally]) => tally.applicable > 0)
      .map(([areaId, tally]) => ({ areaId, ...toPartScore(tally) })),
    gates,
    issues,
  };
}

function rate(
  template: ComplianceTemplate,
  total: Tally,
  gated: boolean,
): { rating: Rating; ratingBasis: ComplianceDomainResult['ratingBasis'] } {
  if (total.maxThirds === 0) return { rating: 'not_rated', ratingBasis: 'nothing_scored' };
  if (gated) return { rating: 'red', ratingBasis: 'gate' };
  const { green, amber } = template.ragThresholds;
  // Exact comparison: rounding for display must never lift a ward into a better band.
  if (reachesPercent(total.thirds, total.maxThirds, green)) return { rating: 'green', ratingBasis: 'percentage' };
  if (reachesPercent(total.thirds, total.maxThirds, amber)) return { rating: 'amber', ratingBasis: 'percentage' };
  return { rating: 'red', ratingBasis: 'percentage' };
}

function gateFor(item: ComplianceItem, areaId: string | null): ComplianceGate {
  const where = areaId === null ? 'for the ward' : `in area ${areaId}`;
  switch (item.response.type) {
    case 'grade':
      return { itemId: item.id, areaId, reason: 'critical_grade_d', message: `Critical item ${item.id} graded D ${where}` };
    case 'number':
      return {
        itemId: item.id,
        areaId,
        reason: 'critical_number_no',
        message: `Critical item ${item.id} is beyond its partial cut-off (bands to no) ${where}`,
      };
    default:
      return { itemId: item.id, areaId, reason: 'critical_no', message: `Critical item ${item.id} answered no ${where}` };
  }
}
