import { AREA_TYPES, SUPERVISION_TIERS, type AreaType, type SupervisionTier } from '../domain/estate';
import { isActionOpen, isActionOverdue } from './actions';
import type { LigaturePoint, ScoringArea } from './inputs';
import { RISK_BANDS, isHighOrExtreme, type RiskBand, type ScoredLigaturePoint } from './ligature-risk';
import { per10BedsToTenth } from './numbers';
import { mapPacked } from './packed';

// The ward's ligature register in numbers: counts, never averages.

export type TierCounts = Record<`tier${SupervisionTier}`, number>;
export type BandTierCounts = Record<RiskBand, TierCounts>;

export interface BandTierAreaTypeCount {
  band: RiskBand;
  tier: SupervisionTier;
  /** null when the point names an area that is not in the ward (reported as an issue). */
  areaType: AreaType | null;
  count: number;
}

export interface LigatureSummary {
  pointCount: number;
  residualByBand: Record<RiskBand, number>;
  inherentByBand: Record<RiskBand, number>;
  residualByBandAndTier: BandTierCounts;
  /** Non-zero cells only, ordered by band, tier, then area type. */
  residualByBandTierAreaType: BandTierAreaTypeCount[];
  highExtremeResidual: number;
  bedCount: number;
  /** highExtremeResidual ÷ beds × 10, to one decimal place. */
  highExtremeResidualPer10Beds: number;
  highestResidualScore: number | null;
  /** Earliest target date among the ligature points' actions not complete (every action counts). */
  oldestOpenActionTargetDate: string | null;
  /** The ligature points' actions overdue on the assessment date, each action counted (compliance actions are not). */
  overdueActionCount: number;
  floorAppliedCount: number;
}

export function emptyBandTierCounts(): BandTierCounts {
  const row = (): TierCounts => ({ tier1: 0, tier2: 0, tier3: 0 });
  return { low: row(), moderate: row(), high: row(), extreme: row() };
}

/** `areaOf` holds each point's area (undefined when the ward has no area of that id), in the order of `points`. */
export function summariseLigaturePoints(
  points: readonly LigaturePoint[],
  scored: readonly ScoredLigaturePoint[],
  areaOf: readonly (ScoringArea | undefined)[],
  bedCount: number,
  asOf: string,
): LigatureSummary {
  const residualByBand: Record<RiskBand, number> = { low: 0, moderate: 0, high: 0, extreme: 0 };
  const inherentByBand: Record<RiskBand, number> = { low: 0, moderate: 0, high: 0, extreme: 0 };
  const residualByBandAndTier = emptyBandTierCounts();
  const cells = new Map<string, BandTierAreaTypeCount>();

  scored.forEach((point, index) => {
    residualByBand[point.residual.band] += 1;
    inherentByBand[point.inherent.band] += 1;
    residualByBandAndTier[point.residual.band][`tier${point.tier}`] += 1;
    const areaType = areaOf[index]?.type ?? null;
    const key = `${point.residual.band}|${point.tier}|${areaType ?? ''}`;
    const cell = cells.get(key) ?? { band: point.residual.band, tier: point.tier, areaType, count: 0 };
    cell.count += 1;
    cells.set(key, cell);
  });

  // Every action of every point counts (loops rather than flatMap and filter: see packed.ts).
  const openTargets: string[] = [];
  let overdueActionCount = 0;
  for (const point of points) {
    for (const a of point.actions) {
      if (isActionOpen(a.status) && a.targetDate !== undefined) openTargets.push(a.targetDate);
      if (isActionOverdue(a.status, a.targetDate, asOf)) overdueActionCount += 1;
    }
  }
  openTargets.sort();
  const highExtremeResidual = scored.filter((p) => isHighOrExtreme(p.residual.band)).length;
  const residualScores = mapPacked(scored, (p) => p.residual.score);

  return {
    pointCount: scored.length,
    residualByBand,
    inherentByBand,
    residualByBandAndTier,
    residualByBandTierAreaType: [...cells.values()].sort(compareCells),
    highExtremeResidual,
    bedCount,
    highExtremeResidualPer10Beds: per10BedsToTenth(highExtremeResidual, bedCount),
    highestResidualScore: residualScores.length > 0 ? Math.max(...residualScores) : null,
    oldestOpenActionTargetDate: openTargets[0] ?? null,
    overdueActionCount,
    floorAppliedCount: scored.filter((p) => p.floorApplied.inherent || p.floorApplied.residual).length,
  };
}

function compareCells(a: BandTierAreaTypeCount, b: BandTierAreaTypeCount): number {
  const typeIndex = (t: AreaType | null) => (t === null ? AREA_TYPES.length : AREA_TYPES.indexOf(t));
  return (
    RISK_BANDS.indexOf(a.band) - RISK_BANDS.indexOf(b.band) ||
    SUPERVISION_TIERS.indexOf(a.tier) - SUPERVISION_TIERS.indexOf(b.tier) ||
    typeIndex(a.areaType) - typeIndex(b.areaType)
  );
}
