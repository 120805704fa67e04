import type { ComplianceItem, NumberBanding } from '../templates/item-schema';
import type { AnswerValue } from './inputs';

// Turning one answer into points. Points are counted in thirds so grade B (4/3) and C (2/3) stay
// exact integers: yes = 2 points = 6 thirds, partial = 1 point = 3 thirds.

export const THIRDS_PER_POINT = 3;
export const MAX_THIRDS = 6;

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

// Every reading there is, made once and shared: the nation's ~230,000 answers are read without
// making an object for each.
const scored = (thirds: number, fails: boolean): ReadValue => Object.freeze({ kind: 'scored', thirds, fails });
const NA: ReadValue = Object.freeze({ kind: 'na' });
const YES_PARTIAL_NO = { yes: scored(6, false), partial: scored(3, false), no: scored(0, true) } as const;
const GRADES = { A: scored(6, false), B: scored(4, false), C: scored(2, false), D: scored(0, true) } as const;

/** Points for a value already accepted by complianceValueProblem. */
export function readComplianceValue(item: ComplianceItem, value: AnswerValue): ReadValue {
  if (value === 'na') return NA;
  const response = item.response;
  if (response.type === 'number' && typeof value === 'number') return YES_PARTIAL_NO[bandNumber(response.banding, value)];
  if (response.type === 'grade' && isKey(GRADES, value)) return GRADES[value];
  if (response.type !== 'number' && response.type !== 'grade' && isKey(YES_PARTIAL_NO, value)) return YES_PARTIAL_NO[value];
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
