import type { AnswerValue, HeightBand } from './scoring/inputs';
import type { RiskBand } from './scoring/ligature-risk';
import type { Rating } from './scoring/rating';
import type { Domain } from './templates/schema';

// The words people read for the values the app stores. One list for every screen, the PDFs and
// the CSV files: a stored code ("partial", "D", "mitigate") is never shown as it is, and a value
// has the same label wherever it appears.

export const DOMAIN_LABELS: Record<Domain, string> = {
  quality: 'Quality',
  safety: 'Safety',
  ligature: 'Ligature risk',
  therapeutic: 'Therapeutic environment',
};

export const RATING_LABELS: Record<Rating, string> = {
  red: 'Red',
  amber: 'Amber',
  green: 'Green',
  not_rated: 'Not rated',
};

export const ANSWER_LABELS: Record<Exclude<AnswerValue, number>, string> = {
  yes: 'Yes',
  partial: 'Partial',
  no: 'No',
  na: 'Not applicable',
  A: 'Grade A',
  B: 'Grade B',
  C: 'Grade C',
  D: 'Grade D',
  no_risk: 'No risk',
  risk_present: 'Risk present',
};

/** An answer as a person reads it; a number with its unit. */
export function answerLabel(value: AnswerValue, unit?: string): string {
  if (typeof value === 'number') return unit ? `${value} ${unit}` : String(value);
  return ANSWER_LABELS[value] ?? value;
}

export const RISK_BAND_LABELS: Record<RiskBand, string> = {
  low: 'Low',
  moderate: 'Moderate',
  high: 'High',
  extreme: 'Extreme',
};

export const HEIGHT_BAND_LABELS: Record<HeightBand, string> = {
  low_lying: 'Low-lying (below knee height)',
  knee_to_head: 'Knee to head height',
  above_head: 'Above head height',
};

// Control kinds, action types and statuses keep their words beside their codes, in scoring.
export { ACTION_STATUS_LABELS, ACTION_TYPE_LABELS } from './scoring/actions';
export { CONTROL_KIND_HINTS, CONTROL_KIND_LABELS } from './scoring/controls';

export const PRIORITY_LABELS = { low: 'Low', medium: 'Medium', high: 'High', urgent: 'Urgent' } as const;

export const RECHECK_OUTCOME_LABELS = {
  removed: 'Removed',
  still_present: 'Still present',
  changed: 'Changed',
} as const;
