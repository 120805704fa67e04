import { describe, expect, it } from 'vitest';
import { per10BedsToTenth, percentToTenth, reachesPercent, roundRatio } from '../../../src/shared/scoring';

describe('exact rounding of published figures', () => {
  it('rounds a ratio to the nearest whole number with halves going up (away from zero)', () => {
    expect(roundRatio(5, 2)).toBe(3); // 2.5 → 3
    expect(roundRatio(5, 2) + roundRatio(1, 2)).toBe(4); // 2.5 → 3 and 0.5 → 1: halves always go up
    expect(roundRatio(9, 4)).toBe(2); // 2.25 → 2
    expect(roundRatio(0, 7)).toBe(0);
  });

  it('rounds a percentage to one decimal place without float error', () => {
    expect(percentToTenth(1, 16)).toBe(6.3); // 6.25 → 6.3
    expect(percentToTenth(1, 3)).toBe(33.3); // 33.33…
    expect(percentToTenth(2, 3)).toBe(66.7); // 66.66…
    expect(percentToTenth(1699, 2000)).toBe(85); // 84.95 → 85.0
    expect(percentToTenth(10049, 100000)).toBe(10); // 10.049 → 10.0
    expect(percentToTenth(1005, 10000)).toBe(10.1); // 10.05 → 10.1
    expect(percentToTenth(23, 80)).toBe(28.8); // exactly 28.75 → 28.8; in floats 23 ÷ 80 × 100 = 28.749999… → 28.7
  });

  it('compares a fraction with a threshold exactly, before rounding', () => {
    expect(reachesPercent(1699, 2000, 85)).toBe(false); // 84.95 %
    expect(reachesPercent(1700, 2000, 85)).toBe(true); // 85 % exactly
  });

  it('expresses counts per 10 beds to one decimal place', () => {
    expect(per10BedsToTenth(2, 12)).toBe(1.7); // 1.666… → 1.7
    expect(per10BedsToTenth(1, 16)).toBe(0.6); // 0.625 → 0.6
    expect(per10BedsToTenth(3, 16)).toBe(1.9); // 1.875 → 1.9
    expect(per10BedsToTenth(1, 80)).toBe(0.1); // 0.125 → 0.1
    expect(per10BedsToTenth(1, 400)).toBe(0); // 0.025 → 0.0
    expect(per10BedsToTenth(1, 200)).toBe(0.1); // 0.05 → 0.1 (half up)
  });

  it('refuses negative or non-integer inputs rather than guessing', () => {
    expect(() => roundRatio(-1, 2)).toThrow(RangeError);
    expect(() => roundRatio(1.5, 2)).toThrow(RangeError);
    expect(() => roundRatio(1, 0)).toThrow(RangeError);
  });
});
