// Distributions of ward percentages for roll-ups. Quartiles use the "inclusive" method of
// Excel's QUARTILE.INC / PERCENTILE.INC (R type 7): sort the n values x[0..n−1]; the k-th
// quartile sits at position h = (n − 1) × k ÷ 4; take x[⌊h⌋] + (h − ⌊h⌋) × (x[⌊h⌋+1] − x[⌊h⌋]).
// Inputs are percentages to one decimal place, so the work is done in exact integer tenths and
// quarters; results are not rounded (they can have up to three decimal places).

export interface Distribution {
  n: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

function toTenths(value: number): number {
  const tenths = Math.round(value * 10);
  if (Math.abs(value * 10 - tenths) > 1e-6) {
    throw new RangeError(`Roll-ups take percentages to one decimal place, got ${value}`);
  }
  return tenths;
}

/** The k-th quartile (k = 0…4) of values already sorted ascending, in tenths. */
function quartileOfSortedTenths(sorted: readonly number[], k: 0 | 1 | 2 | 3 | 4): number {
  const quarterPosition = (sorted.length - 1) * k; // h × 4, an integer
  const lower = Math.floor(quarterPosition / 4);
  const quarters = quarterPosition % 4;
  const low = sorted[lower];
  if (low === undefined) throw new RangeError('No values');
  const high = quarters === 0 ? low : (sorted[lower + 1] ?? low);
  // (4 × low + quarters × (high − low)) is an exact integer count of fortieths of a percent.
  return (4 * low + quarters * (high - low)) / 40;
}

/** n, min, Q1, median, Q3 and max of one-decimal percentages; null when there are none. */
export function distributionOf(values: readonly number[]): Distribution | null {
  if (values.length === 0) return null;
  const sorted = values.map(toTenths).sort((a, b) => a - b);
  return {
    n: sorted.length,
    min: quartileOfSortedTenths(sorted, 0),
    q1: quartileOfSortedTenths(sorted, 1),
    median: quartileOfSortedTenths(sorted, 2),
    q3: quartileOfSortedTenths(sorted, 3),
    max: quartileOfSortedTenths(sorted, 4),
  };
}
