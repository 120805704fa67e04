// Exact arithmetic for published figures. Scores are kept as integer fractions until the very end
// and rounded once, so an analyst with a calculator gets the same tenth as the app, and float
// noise (0.1 + 0.2) can never move a ward across a threshold.

function assertSafe(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a safe integer, got ${value}`);
}

/** numerator ÷ denominator rounded to a whole number, halves away from zero (inputs ≥ 0). */
export function roundRatio(numerator: number, denominator: number): number {
  assertSafe(numerator, 'numerator');
  assertSafe(denominator, 'denominator');
  if (numerator < 0 || denominator <= 0) throw new RangeError('roundRatio takes numerator ≥ 0 and denominator > 0');
  const twice = 2 * numerator + denominator;
  const divisor = 2 * denominator;
  return (twice - (twice % divisor)) / divisor;
}

/** numerator ÷ denominator × 100, rounded to one decimal place, halves away from zero. */
export function percentToTenth(numerator: number, denominator: number): number {
  return roundRatio(numerator * 1000, denominator) / 10;
}

/** count ÷ beds × 10, rounded to one decimal place, halves away from zero. */
export function per10BedsToTenth(count: number, beds: number): number {
  return roundRatio(count * 100, beds) / 10;
}

/** Is numerator ÷ denominator × 100 at least `threshold` %? Compared exactly, before any rounding. */
export function reachesPercent(numerator: number, denominator: number, threshold: number): boolean {
  return numerator * 100 >= threshold * denominator;
}

/**
 * Completeness as published (answered ÷ applicable × 100, one decimal place; null when nothing is
 * asked) and whether it reaches the threshold, compared exactly (true when nothing is asked).
 */
export function completenessAgainst(answered: number, applicable: number, threshold: number): { completeness: number | null; complete: boolean } {
  return {
    completeness: applicable > 0 ? percentToTenth(answered, applicable) : null,
    complete: applicable === 0 || reachesPercent(answered, applicable, threshold),
  };
}
