import type { ComplianceItem, NumberBanding } from '../templates/item-schema';
import type { AnswerValue } from './inputs';

// Turning one answer into points. Points are counted in thirds so grade B (4/3) and C (2/3) stay
// exact integers: yes = 2 points = 6 thirds, partial = 1 point = 3 thirds.

export const THIRDS_PER_POINT = 3;
export const MAX_THIRDS = 6;

const YES_PARTIAL_NO_THIRDS = { yes: 6, partial: 3, no: 0 } as const;
const GRADE_THIRDS = { A: 6, B: 4, C: 2, D: 0 } as const;

export type Band = 'yes' | 'partial' | 'no';

export type ReadValue =
  | { kind: 'na' }
  /** `fails`: the worst answer the item allows (no, grade D, number banded to no). */
  | { kind: 'scored'; thirds: number; fails: boolean };

/** Why this value is not acceptable for this item, or null if it is. */
export function complianceValueProblem(item: ComplianceItem, value: AnswerValue): string | null {
  const response = item.response;
  if (value === 'na') return response.allowNa ? null : 'this item cannot be marked not applicable';
  switch (response.type) {
    case 'yes_partial_no':
      return value === 'yes' || value === 'partial' || value === 'no' ? null : 'answer yes, partial or no';
    case 'yes_no':
      return value === 'yes' || value === 'no' ? null : 'answer yes or no';
    case 'grade':
      return value === 'A' || value === 'B' || value === 'C' || value === 'D' ? null : 'answer a grade A, B, C or D';
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return `answer a number (${response.unit})`;
      if (value < response.min || value > response.max) {
        return `the number must be between ${response.min} and ${response.max} ${response.unit}`;
      }
      return response.integer && !Number.isInteger(value) ? 'the number must be a whole number' : null;
  }
}

/** Points for a value already accepted by complianceValueProblem. */
export function readComplianceValue(item: ComplianceItem, value: AnswerValue): ReadValue {
  if (value === 'na') return { kind: 'na' };
  const response = item.response;
  if (response.type === 'number' && typeof value === 'number') {
    const band = bandNumber(response.banding, value);
    return { kind: 'scored', thirds: YES_PARTIAL_NO_THIRDS[band], fails: band === 'no' };
  }
  if (response.type === 'grade' && isKey(GRADE_THIRDS, value)) {
    return { kind: 'scored', thirds: GRADE_THIRDS[value], fails: value === 'D' };
  }
  if (response.type !== 'number' && response.type !== 'grade' && isKey(YES_PARTIAL_NO_THIRDS, value)) {
    return { kind: 'scored', thirds: YES_PARTIAL_NO_THIRDS[value], fails: value === 'no' };
  }
  throw new Error(`${item.id}: answer ${String(value)} reached scoring without being checked`);
}

function isKey<T extends object>(table: T, value: AnswerValue): value is AnswerValue & keyof T {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(table, value);
}

export function bandNumber(banding: NumberBanding, value: number): Band {
  if (banding.direction === 'higher_is_better') {
    if (value >= banding.yes) return 'yes';
    return value >= banding.partial ? 'partial' : 'no';
  }
  if (value <= banding.yes) return 'yes';
  return value <= banding.partial ? 'partial' : 'no';
}

/**
 * Anything short of full compliance, which can carry an action: no, partial, grade C or D, or a
 * number banded to partial or no.
 */
export function fallsShort(item: ComplianceItem, value: AnswerValue): boolean {
  if (typeof value === 'number') return item.response.type === 'number' && bandNumber(item.response.banding, value) !== 'yes';
  return value === 'no' || value === 'partial' || value === 'C' || value === 'D';
}
