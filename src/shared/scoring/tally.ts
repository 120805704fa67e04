import { percentToTenth } from './numbers';
import { THIRDS_PER_POINT } from './compliance-values';

// Running totals for a compliance domain or one part of it (a section, an area). Points are held
// in thirds (exact integers) and only turned into a percentage at the end.

export interface ScoreCounts {
  /** Item instances asked: ward-level items once, per-area items once per applicable area. */
  applicable: number;
  /** Instances with an accepted answer, not-applicable included. */
  answered: number;
  /** Instances answered not applicable: out of both numerator and denominator. */
  na: number;
  /** answered − na: the instances the percentage is computed over. */
  scored: number;
  /** Σ weight × points over scored instances (exact: may be a multiple of 1/3). */
  points: number;
  /** Σ weight × 2 over scored instances. */
  maxPoints: number;
}

export interface PartScore {
  counts: ScoreCounts;
  /** points ÷ maxPoints × 100 to one decimal place; null when nothing was scored. */
  percentage: number | null;
}

export interface Tally {
  applicable: number;
  answered: number;
  na: number;
  thirds: number;
  maxThirds: number;
}

export function emptyTally(): Tally {
  return { applicable: 0, answered: 0, na: 0, thirds: 0, maxThirds: 0 };
}

export function toPartScore(tally: Tally): PartScore {
  const scored = tally.answered - tally.na;
  return {
    counts: {
      applicable: tally.applicable,
      answered: tally.answered,
      na: tally.na,
      scored,
      points: tally.thirds / THIRDS_PER_POINT,
      maxPoints: tally.maxThirds / THIRDS_PER_POINT,
    },
    percentage: tally.maxThirds > 0 ? percentToTenth(tally.thirds, tally.maxThirds) : null,
  };
}
