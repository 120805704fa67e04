// The action vocabulary and the two rules every screen, report, return and the engine share:
// when an action is overdue, and when a point has a dated action to remove or replace it.
// Written once here (the overdue rule used to live in two places and they drifted).

export const ACTION_TYPES = ['remove', 'replace', 'mitigate', 'accept'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

export const ACTION_TYPE_LABELS: Record<ActionType, string> = {
  remove: 'Remove',
  replace: 'Replace with a tested product',
  mitigate: 'Mitigate',
  accept: 'Accept with rationale',
};

/** The action types that take an anchor point away; a high risk in tier 2 or 3 needs one, dated and open. */
export const REMOVAL_ACTION_TYPES: readonly ActionType[] = ['remove', 'replace'];

export const ACTION_STATUSES = ['open', 'on_track', 'at_risk', 'overdue', 'complete'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  open: 'Open',
  on_track: 'On track',
  at_risk: 'At risk',
  overdue: 'Off track (overdue)',
  complete: 'Complete',
};

/** Not complete: still to be done. */
export function isActionOpen(status: ActionStatus): boolean {
  return status !== 'complete';
}

/**
 * Overdue on `onDate` (an ISO date): not complete, and either marked overdue or due before that
 * date. An action due on the day itself is not overdue. The engine asks on the assessment date;
 * the action plan and reports ask on today's date in Europe/London (src/shared/dates.ts).
 */
export function isActionOverdue(status: ActionStatus, due: string | null | undefined, onDate: string): boolean {
  if (!isActionOpen(status)) return false;
  // ISO dates (YYYY-MM-DD) compare correctly as strings.
  return status === 'overdue' || (due != null && due < onDate);
}

/**
 * An open remove or replace action with a target date: what a high residual risk in tier 2 or 3
 * needs. A completed one does not count: if the anchor point has really gone, the point's residual
 * risk is re-scored (or the point is re-checked as removed next round); if it is still recorded as
 * high, the work did not take the risk away.
 */
export function isDatedRemoval(type: ActionType, status: ActionStatus, due: string | null | undefined): boolean {
  return isActionOpen(status) && REMOVAL_ACTION_TYPES.includes(type) && due != null;
}
