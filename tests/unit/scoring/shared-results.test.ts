import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TIER_LIKELIHOOD_FLOOR, bandForScore, percentToTenth, scoreLigaturePoint, toPartScore, type Tally } from '../../../src/shared/scoring';
import { point } from './factories';

// The engine shares the parts of a result that many results hold alike (a part score's counts,
// a ligature point's risk scores and floorApplied) instead of making them afresh each time: the
// nation's results stay alive together and each object is work for the garbage collector. A shared
// part must be exactly what would have been made, never another tally's, and frozen so that no
// holder can change another's. Each expectation below is worked out here without the engine's tables.

/** A part score as the engine made it before anything was shared. */
function madeAfresh(tally: Tally) {
  return {
    counts: {
      applicable: tally.applicable,
      answered: tally.answered,
      na: tally.na,
      scored: tally.answered - tally.na,
      points: tally.thirds / 3,
      maxPoints: tally.maxThirds / 3,
    },
    percentage: tally.maxThirds > 0 ? percentToTenth(tally.thirds, tally.maxThirds) : null,
  };
}

/** Tallies near and across the edges of what is shared (counts below 256, thirds below 16,384). */
const count = fc.oneof(fc.integer({ min: 0, max: 300 }), fc.constantFrom(0, 1, 127, 128, 255, 256, 257, 4096, 70_000));
const thirds = fc.oneof(fc.integer({ min: 0, max: 17_000 }), fc.constantFrom(0, 1, 3, 6, 16_383, 16_384, 16_385, 200_000));
const tally = fc.record({ applicable: count, answered: count, na: count, thirds, maxThirds: thirds });

describe('part scores sharing their counts', () => {
  it('gives every tally exactly the counts and percentage made afresh, whatever was scored before', () => {
    fc.assert(
      fc.property(fc.array(tally, { minLength: 1, maxLength: 40 }), (tallies) => {
        // Each tally twice, the second time after all the others: a shared entry must still be its own.
        for (const t of [...tallies, ...tallies]) expect(toPartScore(t)).toStrictEqual(madeAfresh(t));
      }),
      { numRuns: 400 },
    );
  });

  it('keeps tallies that differ in one count apart, and shares equal ones frozen', () => {
    const base: Tally = { applicable: 12, answered: 10, na: 1, thirds: 40, maxThirds: 54 };
    const shared = toPartScore(base).counts;
    expect(toPartScore({ ...base }).counts).toBe(shared);
    expect(Object.isFrozen(shared)).toBe(true);
    expect(() => {
      (shared as { answered: number }).answered = 11;
    }).toThrow(TypeError);
    for (const key of ['applicable', 'answered', 'na', 'thirds', 'maxThirds'] as const) {
      for (const step of [1, -1, 256, 16_384]) {
        const other = { ...base, [key]: base[key] + step };
        if (other[key] < 0) continue;
        expect(toPartScore(other)).toStrictEqual(madeAfresh(other));
      }
    }
  });

  it('never gives one tally another’s counts, at the edges where a packed key could collide', () => {
    const grid: Tally[] = [];
    for (const applicable of [0, 1, 128, 255])
      for (const answered of [0, 1, 128, 255])
        for (const na of [0, 1, 128, 255])
          for (const thirds of [0, 1, 8192, 16_383]) for (const maxThirds of [0, 1, 8192, 16_383]) grid.push({ applicable, answered, na, thirds, maxThirds });
    for (const t of [...grid, ...grid.reverse()]) expect(toPartScore(t)).toStrictEqual(madeAfresh(t));
  });

  it('still gives the right counts once it has started again after many different tallies', () => {
    const tallies = Array.from({ length: 25_000 }, (_, n): Tally => ({ applicable: n % 200, answered: n % 150, na: n % 7, thirds: n % 9000, maxThirds: 9000 + (n % 5000) }));
    for (const t of tallies) expect(toPartScore(t).counts).toStrictEqual(madeAfresh(t).counts);
    for (const t of tallies.slice(0, 500)) expect(toPartScore(t).counts).toStrictEqual(madeAfresh(t).counts);
  });
});

describe('ligature points sharing their risk scores', () => {
  const likelihood = fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constantFrom(0, 6, -1, 2.5, 10));
  const tier = fc.constantFrom(1 as const, 2 as const, 3 as const);

  it('scores every point exactly as made afresh, on the matrix or off it', () => {
    fc.assert(
      fc.property(likelihood, likelihood, likelihood, likelihood, tier, fc.boolean(), (lb, sb, la, sa, pointTier, documented) => {
        const recorded = point({
          tier: pointTier,
          likelihoodBefore: lb,
          severityBefore: sb,
          likelihoodAfter: la,
          severityAfter: sa,
          controls: documented ? [{ kind: 'physical_modification', description: 'Anti-ligature fitting' }] : [],
        });
        const scored = scoreLigaturePoint(recorded);
        const floor = TIER_LIKELIHOOD_FLOOR[pointTier];
        const inherentLikelihood = Math.max(lb, floor);
        const residualLikelihood = documented ? la : Math.max(la, floor);
        const risk = (l: number, s: number) => ({ likelihood: l, severity: s, score: l * s, band: bandForScore(l * s) });
        expect(scored.inherent).toStrictEqual(risk(inherentLikelihood, sb));
        expect(scored.residual).toStrictEqual(risk(residualLikelihood, sa));
        expect(scored.floorApplied).toStrictEqual({ inherent: inherentLikelihood !== lb, residual: residualLikelihood !== la });
      }),
      { numRuns: 600 },
    );
  });

  it('shares frozen risk scores and floorApplied, which no holder can change', () => {
    const a = scoreLigaturePoint(point({ tier: 1, likelihoodBefore: 3, severityBefore: 4, likelihoodAfter: 2, severityAfter: 4 }));
    const b = scoreLigaturePoint(point({ tier: 1, likelihoodBefore: 3, severityBefore: 4, likelihoodAfter: 2, severityAfter: 4 }));
    expect(b.inherent).toBe(a.inherent);
    expect(b.floorApplied).toBe(a.floorApplied);
    for (const part of [a.inherent, a.residual, a.floorApplied]) expect(Object.isFrozen(part)).toBe(true);
    expect(() => {
      (a.residual as { band: string }).band = 'low';
    }).toThrow(TypeError);
  });
});
