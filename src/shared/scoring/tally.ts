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
  return sharedPartScore(tally) ?? partScoreOf(tally);
}

function partScoreOf(tally: Tally): PartScore {
  return { counts: countsOf(tally), percentage: tally.maxThirds > 0 ? percentToTenth(tally.thirds, tally.maxThirds) : null };
}

function countsOf(tally: Tally): ScoreCounts {
  return {
    applicable: tally.applicable,
    answered: tally.answered,
    na: tally.na,
    scored: tally.answered - tally.na,
    points: tally.thirds / THIRDS_PER_POINT,
    maxPoints: tally.maxThirds / THIRDS_PER_POINT,
  };
}

// The nation's results hold the counts of ~40,000 areas and sections, most of them alike (rooms of
// one kind answered alike): every object kept alive is work for the garbage collector. Part scores
// small enough to be keyed exactly by two small integers (their counts, with fractional points,
// three objects each) are made once and shared, frozen so that no holder can change another's.
// Larger ones are made afresh.
const MAX_COUNT = 1 << 8;
const MAX_THIRDS_KEYED = 1 << 14;
const SHARED_LIMIT = 20_000;
const shared = new Map<number, Map<number, PartScore>>();
let sharedSize = 0;

function sharedPartScore(tally: Tally): PartScore | undefined {
  const { applicable, answered, na, thirds, maxThirds } = tally;
  if (!(inRange(applicable, MAX_COUNT) && inRange(answered, MAX_COUNT) && inRange(na, MAX_COUNT) && inRange(thirds, MAX_THIRDS_KEYED) && inRange(maxThirds, MAX_THIRDS_KEYED))) {
    return undefined;
  }
  const outer = (applicable * MAX_COUNT + answered) * MAX_COUNT + na;
  const inner = thirds * MAX_THIRDS_KEYED + maxThirds;
  let byThirds = shared.get(outer);
  if (!byThirds) shared.set(outer, (byThirds = new Map()));
  let part = byThirds.get(inner);
  if (!part) {
    // Bounded: a long-running process scoring many different wards starts again rather than grow.
    if (sharedSize >= SHARED_LIMIT) {
      shared.clear();
      sharedSize = 0;
      shared.set(outer, (byThirds = new Map()));
    }
    part = partScoreOf(tally);
    Object.freeze(part.counts);
    byThirds.set(inner, Object.freeze(part));
    sharedSize += 1;
  }
  return part;
}

/** A whole number from 0 up to (not including) `limit`. */
function inRange(n: number, limit: number): boolean {
  return Number.isInteger(n) && n >= 0 && n < limit;
}
