import type { Output } from '../../../../shared/contract';
import type { AnswerValue, LigatureControl } from '../../../../shared/scoring';
import { ACTION_STATUS_LABELS, ACTION_TYPE_LABELS, CONTROL_KIND_LABELS, HEIGHT_BAND_LABELS, PRIORITY_LABELS, RECHECK_OUTCOME_LABELS, answerLabel } from '../../../../shared/vocabulary';

// Words for what merging left to decide: why records are in conflict, and each field of a version.

export type Conflict = Output<'merge.conflicts'>['conflicts'][number];

export const REASON_TEXT: Record<Conflict['reason'], string> = {
  different_edits: 'Changed differently on two devices',
  edit_and_removal: 'Changed on one device, removed on another',
  removed_but_used: 'Removed on one device, but something recorded on another still refers to it',
};

const FIELD_LABELS: Record<string, string> = {
  value: 'Answer',
  naReason: 'Why it does not apply',
  note: 'Note',
  element: 'Element',
  description: 'Description',
  heightBand: 'Height',
  tier: 'Tier',
  controls: 'Controls',
  likelihoodBefore: 'Likelihood before controls',
  severityBefore: 'Severity before controls',
  likelihoodAfter: 'Likelihood after controls',
  severityAfter: 'Severity after controls',
  areaId: 'Area',
  itemId: 'Prompt',
  type: 'Type',
  owner: 'Owner',
  dueDate: 'Due',
  priority: 'Priority',
  status: 'Status',
  caption: 'Caption',
  outcome: 'Found',
  name: 'Name',
  supervisionTier: 'Supervision tier',
  assessorId: 'Assessor',
  answerId: 'Answer it belongs to',
  ligaturePointId: 'Ligature point it belongs to',
  copiedFromAreaId: 'Copied from',
  sampleAreaId: 'Filled as',
  copiedFromPointId: 'Copied from a point in the sample room',
  copyConfirmedBy: 'Confirmed in its own room by',
  copyConfirmedAt: 'Confirmed in its own room',
  markup: 'Mark-up',
};

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());
}

/** A field's value in words. */
export function fieldText(field: string, value: unknown, names: { areas: ReadonlyMap<string, string>; assessors: ReadonlyMap<string, string> }): string {
  if (value === null || value === undefined || value === '') return 'None';
  switch (field) {
    case 'value':
      return answerLabel(value as AnswerValue);
    case 'outcome':
      return RECHECK_OUTCOME_LABELS[value as keyof typeof RECHECK_OUTCOME_LABELS] ?? String(value);
    case 'status':
      return ACTION_STATUS_LABELS[value as keyof typeof ACTION_STATUS_LABELS] ?? String(value);
    case 'type':
      return ACTION_TYPE_LABELS[value as keyof typeof ACTION_TYPE_LABELS] ?? String(value);
    case 'priority':
      return PRIORITY_LABELS[value as keyof typeof PRIORITY_LABELS] ?? String(value);
    case 'heightBand':
      return HEIGHT_BAND_LABELS[value as keyof typeof HEIGHT_BAND_LABELS] ?? String(value);
    case 'controls':
      return (value as LigatureControl[]).map((c) => `${CONTROL_KIND_LABELS[c.kind] ?? c.kind}${c.description ? `: ${c.description}` : ''}`).join('; ') || 'None';
    case 'areaId':
    case 'copiedFromAreaId':
    case 'sampleAreaId':
      return names.areas.get(String(value)) ?? 'An area';
    case 'assessorId':
    case 'copyConfirmedBy':
      return names.assessors.get(String(value)) ?? 'An assessor';
    case 'markup':
      return Array.isArray(value) ? `${value.length} mark${value.length === 1 ? '' : 's'} drawn over the photo` : 'None';
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}
