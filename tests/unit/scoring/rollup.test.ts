import { describe, expect, it } from 'vitest';
import type { WardType } from '../../../src/shared/domain/estate';
import {
  distributionOf,
  rollUp,
  rollupWardFromScores,
  scoreWard,
  worstRating,
  type Rating,
  type RollupWard,
} from '../../../src/shared/scoring';
import { loadPinnedTemplates } from '../templates/real-templates';
import { answer, area, point } from './factories';

const noRisk = { tier1: 0, tier2: 0, tier3: 0 };

function rollupWard(
  wardId: string,
  wardType: WardType,
  safety: number | null,
  options: { rating?: Rating; bedCount?: number; high?: Partial<typeof noRisk>; ligatureRating?: Rating } = {},
): RollupWard {
  const summary = { rating: options.rating ?? 'amber', percentage: safety };
  return {
    wardId,
    wardType,
    bedCount: options.bedCount ?? 10,
    quality: summary,
    safety: summary,
    therapeutic: summary,
    ligature: {
      rating: options.ligatureRating ?? 'green',
      residualByBandAndTier: { low: noRisk, moderate: noRisk, high: { ...noRisk, ...options.high }, extreme: noRisk },
    },
  };
}

describe('quartiles (inclusive method, as Excel QUARTILE.INC)', () => {
  it('interpolates between closest ranks at position (n − 1) × k ÷ 4', () => {
    // sorted 58.4, 65.0, 72.5, 80.0, 88.0, 91.3 (n = 6)
    // Q1: h = 1.25 → 65.0 + 0.25 × 7.5 = 66.875; median: h = 2.5 → 72.5 + 0.5 × 7.5 = 76.25
    // Q3: h = 3.75 → 80.0 + 0.75 × 8.0 = 86.0
    expect(distributionOf([80, 91.3, 58.4, 72.5, 88, 65])).toEqual({ n: 6, min: 58.4, q1: 66.875, median: 76.25, q3: 86, max: 91.3 });
  });

  it('takes the middle value of an odd count and the mean of the middle two of an even count', () => {
    expect(distributionOf([10, 20, 30, 40, 50])).toMatchObject({ q1: 20, median: 30, q3: 40 });
    // n = 4: Q1 h = 0.75 → 10 + 7.5 = 17.5; median h = 1.5 → 25; Q3 h = 2.25 → 30 + 2.5 = 32.5
    expect(distributionOf([40, 10, 30, 20])).toMatchObject({ q1: 17.5, median: 25, q3: 32.5 });
  });

  it('gives one value for every statistic of a single ward, and nothing for none', () => {
    expect(distributionOf([72.1])).toEqual({ n: 1, min: 72.1, q1: 72.1, median: 72.1, q3: 72.1, max: 72.1 });
    expect(distributionOf([])).toBeNull();
  });

  it('works in exact tenths, so interpolated values carry no float noise', () => {
    // 0.1 and 0.2: Q1 h = 0.25 → 0.1 + 0.025 = 0.125 exactly
    expect(distributionOf([0.1, 0.2])).toMatchObject({ q1: 0.125, median: 0.15, q3: 0.175 });
  });

  it('refuses percentages with more than one decimal place', () => {
    expect(() => distributionOf([66.67])).toThrow(RangeError);
  });
});

describe('rollUp', () => {
  it('counts ratings and gives distributions overall and by ward type, with no blended index', () => {
    const wards = [
      rollupWard('w1', 'adult_acute', 58.4, { rating: 'red' }),
      rollupWard('w2', 'adult_acute', 65, { rating: 'amber' }),
      rollupWard('w3', 'adult_acute', 72.5, { rating: 'red' }), // red by a gate despite 72.5 %
      rollupWard('w4', 'ipcu', 80, { rating: 'amber' }),
      rollupWard('w5', 'adult_acute', 88, { rating: 'green' }),
      rollupWard('w6', 'adult_acute', 91.3, { rating: 'green' }),
      rollupWard('w7', 'ipcu', null, { rating: 'not_rated' }),
    ];
    const result = rollUp(wards);
    expect(result.wardCount).toBe(7);
    expect(result.safety.ratingCounts).toEqual({ red: 2, amber: 2, green: 2, not_rated: 1 });
    expect(result.safety.distribution).toEqual({ n: 6, min: 58.4, q1: 66.875, median: 76.25, q3: 86, max: 91.3 });
    expect(result.safety.byWardType.map((g) => [g.wardType, g.wardCount, g.distribution?.median ?? null])).toEqual([
      ['adult_acute', 5, 72.5],
      ['ipcu', 2, 80],
    ]);
    expect(Object.keys(result)).toEqual(['wardCount', 'quality', 'safety', 'therapeutic', 'ligature']);
  });

  it('pools high and extreme residual points over all beds rather than averaging ward rates', () => {
    // ward A: 2 high in 8 beds (2.5 per 10); ward B: 0 in 32 beds → pooled 2 ÷ 40 × 10 = 0.5 (a mean of rates would say 1.25)
    const result = rollUp([
      rollupWard('a', 'adult_acute', 70, { bedCount: 8, high: { tier2: 1, tier3: 1 }, ligatureRating: 'amber' }),
      rollupWard('b', 'older_adult', 70, { bedCount: 32 }),
    ]);
    expect(result.ligature).toMatchObject({ highExtremeResidual: 2, bedCount: 40, highExtremeResidualPer10Beds: 0.5 });
    expect(result.ligature.residualByBandAndTier.high).toEqual({ tier1: 0, tier2: 1, tier3: 1 });
    expect(result.ligature.ratingCounts).toEqual({ red: 0, amber: 1, green: 1, not_rated: 0 });
    expect(result.ligature.byWardType.map((g) => [g.wardType, g.highExtremeResidualPer10Beds])).toEqual([
      ['adult_acute', 2.5],
      ['older_adult', 0],
    ]);
  });

  it('rolls up nothing to empty counts', () => {
    const result = rollUp([]);
    expect(result.quality).toMatchObject({ wardCount: 0, distribution: null, byWardType: [] });
    expect(result.ligature.highExtremeResidualPer10Beds).toBeNull();
  });

  it('takes a scored ward straight from scoreWard', () => {
    const templates = loadPinnedTemplates();
    const wardInput = { id: 'w', type: 'ipcu' as const, bedCount: 12 };
    const scores = scoreWard(templates, {
      ward: wardInput,
      areas: [area('a1', 'bedroom')],
      answers: [answer('S02', 'yes')],
      ligaturePoints: [point({ areaId: 'a1', tier: 3, likelihoodBefore: 5, severityBefore: 5, likelihoodAfter: 5, severityAfter: 5 })],
      asOf: '2026-11-23',
    });
    const summary = rollupWardFromScores(wardInput, scores);
    expect(summary).toMatchObject({
      wardType: 'ipcu',
      safety: { rating: 'green', percentage: 100 },
      quality: { rating: 'not_rated', percentage: null },
      ligature: { rating: 'red' },
    });
    expect(summary.ligature.residualByBandAndTier.extreme.tier3).toBe(1);
  });
});

describe('worstRating', () => {
  it('takes the worst rating, never a mean: red, then amber, then not rated, then green', () => {
    expect(worstRating(['green', 'green', 'green', 'red'])).toBe('red');
    expect(worstRating(['green', 'amber', 'green'])).toBe('amber');
    expect(worstRating(['green', 'not_rated'])).toBe('not_rated');
    expect(worstRating(['green', 'green'])).toBe('green');
    expect(worstRating([])).toBe('not_rated');
  });
});
