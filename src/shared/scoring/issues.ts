// Problems the engine found in its input. Scoring never throws on bad data from an assessment:
// it leaves the bad answer out (so the item counts as unanswered) and says why, so the screen can
// point at the item and the completeness figure stays honest.

export const ISSUE_CODES = [
  'unknown_item', // the answer names an item in none of the pinned templates
  'unknown_area', // the answer or ligature point names an area not in this ward
  'wrong_scope', // a ward-level item answered for an area, or a per-area item for the ward
  'not_applicable_here', // the item is not asked in an area of this type or tier
  'duplicate_answer', // two answers for the same item and area: the first is used
  'invalid_value', // the value is not one this item's response type accepts
  'na_without_reason', // not applicable with no reason: a weight 3 item (still counted as NA), or a ligature prompt (counted as unanswered)
  'risk_present_without_point', // a ligature prompt says "risk present" but no point is recorded for that prompt there
  'vigilance_only_control', // a high or extreme residual risk with no control beyond staff vigilance or observation
  'residual_above_inherent', // residual score higher than inherent: controls cannot add risk
  'residual_lowered_without_controls', // residual below inherent but no control recorded (a warning)
  'tier_below_area_without_reason', // a point's tier is below its area's with no reason: the area's tier is used
  'control_without_description', // a control other than vigilance with no description: it does not count as documented
  'removal_complete_risk_still_high', // a high point in tier 2 or 3 whose remove/replace actions are all complete
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export interface ScoringIssue {
  code: IssueCode;
  /** error: the input breaks a rule of the method; warning: worth a second look. */
  severity: 'error' | 'warning';
  itemId: string | null;
  areaId: string | null;
  pointId: string | null;
  message: string;
}

export function issue(
  code: IssueCode,
  message: string,
  at: { itemId?: string | null; areaId?: string | null; pointId?: string | null; severity?: 'error' | 'warning' } = {},
): ScoringIssue {
  return {
    code,
    severity: at.severity ?? 'error',
    itemId: at.itemId ?? null,
    areaId: at.areaId ?? null,
    pointId: at.pointId ?? null,
    message,
  };
}
