import type { ComplianceItem } from '../templates/item-schema';
import type { ComplianceDomain, ComplianceTemplate } from '../templates/schema';
import { answerAt, answerColumns, eachPlace, indexAreas, matchDomains, type AreaIndex, type MatchedAnswers } from './answers';
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
  const areaIndex = indexAreas(areas);
  return scoreMatchedCompliance(template, areaIndex, matchDomains([{ items: template.items, checkValue: complianceValueProblem }], areaIndex, answerColumns(answers))[0]!);
}

/** scoreComplianceDomain once the answers are matched to their places (scoreWard matches every domain in one pass). */
export function scoreMatchedCompliance(template: ComplianceTemplate, areaIndex: AreaIndex, matched: MatchedAnswers): ComplianceDomainResult {
  const issues = [...matched.issues];
  const gates: ComplianceGate[] = [];
  const total = emptyTally();
  const bySection = new Map(template.sections.map((section) => [section.id, emptyTally()]));
  // One tally per area slot (the ward's own first), reported in that order.
  const byArea: Tally[] = [];
  for (let slot = 0; slot < matched.stride; slot++) byArea.push(emptyTally());
  const { values, naReasons } = matched.answers;
  let sectionOfItem: Tally | undefined;
  let itemOfSection = -1;

  eachPlace(template.items, areaIndex, (item, index, areaId, slot) => {
    if (index !== itemOfSection) {
      sectionOfItem = bySection.get(item.sectionId);
      itemOfSection = index;
    }
    const section = sectionOfItem;
    const area = byArea[slot]!;
    total.applicable += 1;
    area.applicable += 1;
    if (section) section.applicable += 1;
    const answer = answerAt(matched, index, slot);
    if (answer === undefined) return;
    total.answered += 1;
    area.answered += 1;
    if (section) section.answered += 1;

    const read = readComplianceValue(item, values[answer]!);
    if (read.kind === 'na') {
      total.na += 1;
      area.na += 1;
      if (section) section.na += 1;
      if (item.weight === 3 && !naReasons[answer]?.trim()) {
        issues.push(issue('na_without_reason', `${item.id} is a weight 3 item: say why it is not applicable`, { itemId: item.id, areaId }));
      }
      return;
    }
    const thirds = item.weight * read.thirds;
    const maxThirds = item.weight * MAX_THIRDS;
    total.thirds += thirds;
    total.maxThirds += maxThirds;
    area.thirds += thirds;
    area.maxThirds += maxThirds;
    if (section) {
      section.thirds += thirds;
      section.maxThirds += maxThirds;
    }
    if (read.fails && item.critical) gates.push(gateFor(item, areaId));
  });

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
    sections: template.sections.map((section) => {
      const { counts, percentage } = toPartScore(bySection.get(section.id) ?? emptyTally());
      return { sectionId: section.id, counts, percentage };
    }),
    areas: areaScores(byArea, areaIndex),
    gates,
    issues,
  };
}

/** The ward-level items' part score, then each area's with at least one applicable item, in slot order. */
function areaScores(byArea: readonly Tally[], areaIndex: AreaIndex): ComplianceDomainResult['areas'] {
  const scores: ComplianceDomainResult['areas'] = [];
  for (let slot = 0; slot < byArea.length; slot++) {
    const tally = byArea[slot]!;
    // A slot that is not an area's first position holds nothing (an id listed twice shares its first slot).
    if (tally.applicable === 0 || (slot > 0 && areaIndex.slotAt[slot - 1] !== slot)) continue;
    const { counts, percentage } = toPartScore(tally);
    scores.push({ areaId: slot === 0 ? null : areaIndex.areas[slot - 1]!.id, counts, percentage });
  }
  return scores;
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
