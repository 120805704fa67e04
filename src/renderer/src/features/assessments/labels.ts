import { ACTION_STATUSES, ACTION_TYPES, CONTROL_KINDS, HEIGHT_BANDS, type Rating } from '../../../../shared/scoring';
import { ACTION_PRIORITIES, ASSESSOR_ROLES, ASSESSOR_ROLE_LABELS } from '../../../../shared/domain/assessment-schemas';
import {
  ACTION_STATUS_LABELS,
  ACTION_TYPE_LABELS,
  CONTROL_KIND_HINTS,
  CONTROL_KIND_LABELS,
  HEIGHT_BAND_LABELS,
  PRIORITY_LABELS,
} from '../../../../shared/vocabulary';
import type { Choice } from '../../components/SelectField';

// The choices the assessment forms offer, labelled with the app's one vocabulary
// (src/shared/vocabulary.ts), and the colours of rating tags.

export const HEIGHT_BAND_CHOICES: Choice[] = HEIGHT_BANDS.map((b) => ({ value: b, label: HEIGHT_BAND_LABELS[b] }));
export const CONTROL_KIND_CHOICES: Choice[] = CONTROL_KINDS.map((k) => ({ value: k, label: `${CONTROL_KIND_LABELS[k]} (${CONTROL_KIND_HINTS[k]})` }));
export const ACTION_TYPE_CHOICES: Choice[] = ACTION_TYPES.map((t) => ({ value: t, label: ACTION_TYPE_LABELS[t] }));
export const ACTION_STATUS_CHOICES: Choice[] = ACTION_STATUSES.map((s) => ({ value: s, label: ACTION_STATUS_LABELS[s] }));
export const PRIORITY_CHOICES: Choice[] = [...ACTION_PRIORITIES].reverse().map((p) => ({ value: p, label: PRIORITY_LABELS[p] }));
export const ROLE_CHOICES: Choice[] = ASSESSOR_ROLES.map((r) => ({ value: r, label: ASSESSOR_ROLE_LABELS[r] }));

/** An assessment's assessors to choose from: "Morag Baird (Estates)". */
export function assessorChoices(assessors: readonly { id: string; name: string; role: (typeof ASSESSOR_ROLES)[number] }[]): Choice[] {
  return assessors.map((a) => ({ value: a.id, label: `${a.name} (${ASSESSOR_ROLE_LABELS[a.role]})` }));
}

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
