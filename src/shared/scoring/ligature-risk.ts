import type { SupervisionTier } from '../domain/estate';
import type { LigaturePoint } from './inputs';
import { controlProblem, hasDocumentedControl } from './controls';
import { issue, type ScoringIssue } from './issues';

// One ligature point's risk on the NPSA 5×5 matrix (2008): likelihood × severity, each 1–5,
// with the CQC tier (2023) setting a floor under likelihood. Points are never averaged.

export const RISK_BANDS = ['low', 'moderate', 'high', 'extreme'] as const;
export type RiskBand = (typeof RISK_BANDS)[number];

/**
 * Bands 1–3 low, 4–6 moderate, 8–12 high, 15–25 extreme. A product of two 1–5 integers is never
 * 7, 13 or 14; should such a score ever arrive it takes the band above, the safer reading.
 */
export function bandForScore(score: number): RiskBand {
  if (score >= 13) return 'extreme';
  if (score >= 7) return 'high';
  if (score >= 4) return 'moderate';
  return 'low';
}

/** Least likelihood a point in each tier can be given unless a documented control justifies less. */
export const TIER_LIKELIHOOD_FLOOR: Record<SupervisionTier, number> = { 1: 1, 2: 3, 3: 4 };

export interface RiskScore {
  /** Likelihood used for the score: the recorded one, raised to the tier floor where it applies. */
  likelihood: number;
  severity: number;
  score: number;
  band: RiskBand;
}

export interface ScoredLigaturePoint {
  pointId: string;
  areaId: string;
  /** The tier the point was scored at: its own, or its area's when it was lower without a reason. */
  tier: SupervisionTier;
  inherent: RiskScore;
  residual: RiskScore;
  floor: number;
  /** Which recorded likelihoods were below the tier floor and were raised to it. */
  floorApplied: { inherent: boolean; residual: boolean };
  /** At least one control other than staff vigilance or observation, with a description. */
  hasDocumentedControl: boolean;
  /**
   * The point was recorded at a lower tier than its area without a reason, so the area's tier was
   * used. Absent in results kept from engine mhea-scoring/1, which always used the point's tier.
   */
  tierFromArea?: boolean;
}


function riskScore(likelihood: number, severity: number): RiskScore {
  const score = likelihood * severity;
  return { likelihood, severity, score, band: bandForScore(score) };
}

// The nation's results hold two risk scores and a floorApplied for each of ~8,500 points: every
// result kept alive is work for the garbage collector. A risk score on the matrix (likelihood and
// severity each a whole number 1–5) is one of 25, and floorApplied one of 4, so each is made once
// and shared, frozen so that no holder can change another's. Anything off the matrix (refused by
// the register, possible in a hand-edited file) is made afresh as before.
const MATRIX = Array.from({ length: 5 }, (_, l) => Array.from({ length: 5 }, (_, s) => Object.freeze(riskScore(l + 1, s + 1))));
const FLOOR_APPLIED = [false, true].map((inherent) => [false, true].map((residual) => Object.freeze({ inherent, residual })));

/** riskScore(likelihood, severity), shared when it is on the 5×5 matrix. */
function matrixRiskScore(likelihood: number, severity: number): RiskScore {
  const shared = Number.isInteger(likelihood) && Number.isInteger(severity) ? MATRIX[likelihood - 1]?.[severity - 1] : undefined;
  return shared ?? riskScore(likelihood, severity);
}

/** A point's tier may be lower than its area's only with a reason (as an area's tier override needs one). */
export function tierBelowAreaWithoutReason(point: Pick<LigaturePoint, 'tier' | 'tierReason'>, areaTier: SupervisionTier | undefined): boolean {
  return areaTier !== undefined && point.tier < areaTier && !point.tierReason?.trim();
}

/**
 * Inherent likelihood is always raised to the tier floor. Residual likelihood may sit below the
 * floor only when a documented control (anything but staff vigilance or observation) is recorded.
 * The tier is the point's own, unless it is below its area's (`areaTier`) without a reason: then
 * the area's. Height band is deliberately not an input: a low-lying anchor point is not a lower risk.
 */
export function scoreLigaturePoint(point: Omit<LigaturePoint, 'actions'>, areaTier?: SupervisionTier): ScoredLigaturePoint {
  const tierFromArea = tierBelowAreaWithoutReason(point, areaTier);
  const tier = tierFromArea ? (areaTier as SupervisionTier) : point.tier;
  const floor = TIER_LIKELIHOOD_FLOOR[tier];
  const documented = hasDocumentedControl(point.controls);
  const inherentLikelihood = Math.max(point.likelihoodBefore, floor);
  const residualLikelihood = documented ? point.likelihoodAfter : Math.max(point.likelihoodAfter, floor);
  return {
    pointId: point.id,
    areaId: point.areaId,
    tier,
    inherent: matrixRiskScore(inherentLikelihood, point.severityBefore),
    residual: matrixRiskScore(residualLikelihood, point.severityAfter),
    floor,
    floorApplied: FLOOR_APPLIED[Number(inherentLikelihood !== point.likelihoodBefore)]![Number(residualLikelihood !== point.likelihoodAfter)]!,
    hasDocumentedControl: documented,
    tierFromArea,
  };
}

export function isHighOrExtreme(band: RiskBand): boolean {
  return band === 'high' || band === 'extreme';
}

/**
 * Rule checks on one point, for the register and forms and for scoring. Errors: a high or extreme
 * residual risk whose only control is staff vigilance or observation (or that has none) — CQC has
 * reported inpatient deaths at anchor points already identified where "more vigilance" was the
 * only mitigation; a residual score above the inherent one; a tier below the area's without a
 * reason; a control other than vigilance with nothing said about it.
 */
export function validateLigaturePoint(
  point: Omit<LigaturePoint, 'actions'>,
  areaTier?: SupervisionTier,
  /** The point already scored with the same area tier (the engine has it), so as not to score it twice. */
  scored: ScoredLigaturePoint = scoreLigaturePoint(point, areaTier),
): ScoringIssue[] {
  const at = { pointId: point.id, areaId: point.areaId };
  const problems: ScoringIssue[] = [];
  if (isHighOrExtreme(scored.residual.band) && !scored.hasDocumentedControl) {
    const what = point.controls.length === 0 ? 'no control is recorded' : 'staff vigilance or observation is the only control recorded';
    problems.push(
      issue(
        'vigilance_only_control',
        `${point.element}: residual risk is ${scored.residual.band} (${scored.residual.score}) and ${what}. ` +
          'Staff vigilance alone is not an acceptable control for a high or extreme ligature risk: record a ' +
          'documented control (e.g. a physical change, restricted access or a tested alarm) and an action to remove ' +
          'or replace the anchor point.',
        at,
      ),
    );
  }
  if (scored.residual.score > scored.inherent.score) {
    problems.push(
      issue(
        'residual_above_inherent',
        `${point.element}: the risk after controls (${scored.residual.score}) is higher than before controls (${scored.inherent.score}); controls cannot add risk`,
        at,
      ),
    );
  }
  if (scored.tierFromArea) {
    problems.push(
      issue(
        'tier_below_area_without_reason',
        `${point.element}: recorded at tier ${point.tier}, below its area's tier ${scored.tier}, with no reason; scored at tier ${scored.tier}`,
        at,
      ),
    );
  }
  for (const control of point.controls) {
    const problem = controlProblem(control);
    if (problem) problems.push(issue('control_without_description', `${point.element}: ${problem}; without a description it does not count as documented`, at));
  }
  if (point.controls.length === 0 && scored.residual.score < scored.inherent.score) {
    problems.push(
      issue('residual_lowered_without_controls', `${point.element}: the residual score is lower but no control is recorded`, {
        ...at,
        severity: 'warning',
      }),
    );
  }
  return problems;
}
