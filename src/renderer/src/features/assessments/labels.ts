import type { AnswerValue, HeightBand, Rating } from '../../../../shared/scoring';
import {
  ACTION_STATUSES,
  ACTION_STATUS_LABELS,
  ACTION_TYPES,
  ACTION_TYPE_LABELS,
  CONTROL_KINDS,
  CONTROL_KIND_HINTS,
  CONTROL_KIND_LABELS,
  HEIGHT_BANDS,
} from '../../../../shared/scoring';
import { ACTION_PRIORITIES, ASSESSOR_ROLES, ASSESSOR_ROLE_LABELS } from '../../../../shared/domain/assessment-schemas';
import type { Domain } from '../../../../shared/templates';
import type { Choice } from '../../components/SelectField';

// Words people read for the machine values of a walkthrough.

export const DOMAIN_LABELS: Record<Domain, string> = {
  quality: 'Quality',
  safety: 'Safety',
  ligature: 'Ligature risk',
  therapeutic: 'Therapeutic environment',
};

export const ANSWER_LABELS: Record<string, string> = {
  yes: 'Yes',
  partial: 'Partial',
  no: 'No',
  na: 'Does not apply',
  A: 'A',
  B: 'B',
  C: 'C',
  D: 'D',
  no_risk: 'No risk',
  risk_present: 'Risk present',
};

export function answerText(value: AnswerValue, unit?: string): string {
  if (typeof value === 'number') return unit ? `${value} ${unit}` : String(value);
  return ANSWER_LABELS[value] ?? value;
}

export const HEIGHT_BAND_LABELS: Record<HeightBand, string> = {
  low_lying: 'Low-lying (below knee height)',
  knee_to_head: 'Knee to head height',
  above_head: 'Above head height',
};
export const HEIGHT_BAND_CHOICES: Choice[] = HEIGHT_BANDS.map((b) => ({ value: b, label: HEIGHT_BAND_LABELS[b] }));

// Control kinds, action types and statuses: one vocabulary, with its words, in src/shared/scoring.
export { ACTION_STATUS_LABELS, ACTION_TYPE_LABELS, CONTROL_KIND_LABELS };
export const CONTROL_KIND_CHOICES: Choice[] = CONTROL_KINDS.map((k) => ({ value: k, label: `${CONTROL_KIND_LABELS[k]} (${CONTROL_KIND_HINTS[k]})` }));
export const ACTION_TYPE_CHOICES: Choice[] = ACTION_TYPES.map((t) => ({ value: t, label: ACTION_TYPE_LABELS[t] }));
export const ACTION_STATUS_CHOICES: Choice[] = ACTION_STATUSES.map((s) => ({ value: s, label: ACTION_STATUS_LABELS[s] }));

export const PRIORITY_LABELS: Record<(typeof ACTION_PRIORITIES)[number], string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  urgent: 'Urgent',
};
export const PRIORITY_CHOICES: Choice[] = [...ACTION_PRIORITIES].reverse().map((p) => ({ value: p, label: PRIORITY_LABELS[p] }));

export const ROLE_CHOICES: Choice[] = ASSESSOR_ROLES.map((r) => ({ value: r, label: ASSESSOR_ROLE_LABELS[r] }));

export const RATING_LABELS: Record<Rating, string> = {
  red: 'Red',
  amber: 'Amber',
  green: 'Green',
  not_rated: 'Not rated',
};
/** NHS tag colours; the text always says the rating too, so colour is never the only cue. */
export const RATING_TAG: Record<Rating, string> = {
  red: 'nhsuk-tag nhsuk-tag--red',
  amber: 'nhsuk-tag nhsuk-tag--yellow',
  green: 'nhsuk-tag nhsuk-tag--green',
  not_rated: 'nhsuk-tag nhsuk-tag--grey',
};

export const LIKELIHOOD_CHOICES: Choice[] = [
  { value: '1', label: '1 – Rare' },
  { value: '2', label: '2 – Unlikely' },
  { value: '3', label: '3 – Possible' },
  { value: '4', label: '4 – Likely' },
  { value: '5', label: '5 – Almost certain' },
];
export const SEVERITY_CHOICES: Choice[] = [
  { value: '1', label: '1 – Negligible' },
  { value: '2', label: '2 – Minor' },
  { value: '3', label: '3 – Moderate' },
  { value: '4', label: '4 – Major' },
  { value: '5', label: '5 – Catastrophic' },
];
