// The kinds of control recorded against a ligature point, and the one test of whether a control
// is "documented" (it may justify a residual likelihood below the tier floor, and it is what a
// high or extreme residual risk needs beyond staff vigilance). Used by the forms, the engine, the
// reports and the exchange file alike.

export const CONTROL_KINDS = [
  'physical_modification', // fitting changed, boxed in, or a tested collapsible / rated product fitted
  'access_restriction', // area locked or only used with staff present
  'electronic_detection', // e.g. door-top or load-sensing alarm, tested
  'individual_risk_assessment', // care-planned observation / belongings plan for people at risk
  'environmental_check', // scheduled, logged environmental safety check
  'staff_vigilance', // general awareness; never enough on its own for a high or extreme risk
  'staff_observation', // observation or engagement by staff: a form of vigilance, not a documented control
  'other', // anything else, described; a lead confirms it at sign-off where a high risk rests on it
] as const;
export type ControlKind = (typeof CONTROL_KINDS)[number];

export const CONTROL_KIND_LABELS: Record<ControlKind, string> = {
  physical_modification: 'Physical modification',
  access_restriction: 'Access restriction',
  electronic_detection: 'Electronic detection',
  individual_risk_assessment: 'Individual risk assessment',
  environmental_check: 'Environmental check',
  staff_vigilance: 'Staff vigilance',
  staff_observation: 'Staff observation or engagement',
  other: 'Other',
};

/** A few words on each kind, for the forms. */
export const CONTROL_KIND_HINTS: Record<ControlKind, string> = {
  physical_modification: 'fitting changed, boxed in, rated product',
  access_restriction: 'locked, or used only with staff',
  electronic_detection: 'door-top or load alarm, tested',
  individual_risk_assessment: 'care plan for people at risk',
  environmental_check: 'scheduled and logged',
  staff_vigilance: 'general awareness',
  staff_observation: 'observation levels, engagement: a form of vigilance',
  other: 'describe it; a lead confirms it at sign-off',
};

/** Kinds that are staff vigilance in one form or another: never a documented control. */
export const VIGILANCE_CONTROL_KINDS: readonly ControlKind[] = ['staff_vigilance', 'staff_observation'];

export interface ControlLike {
  kind: ControlKind;
  description: string;
}

export function isVigilance(kind: ControlKind): boolean {
  return VIGILANCE_CONTROL_KINDS.includes(kind);
}

/** A documented control: any kind but vigilance, with a description. */
export function isDocumentedControl(control: ControlLike): boolean {
  return !isVigilance(control.kind) && control.description.trim() !== '';
}

export function hasDocumentedControl(controls: readonly ControlLike[]): boolean {
  return controls.some(isDocumentedControl);
}

/** Every documented control is "other": a high or extreme risk resting on it is confirmed at sign-off. */
export function reliesOnOtherAlone(controls: readonly ControlLike[]): boolean {
  const documented = controls.filter(isDocumentedControl);
  return documented.length > 0 && documented.every((c) => c.kind === 'other');
}

/** Why a control cannot be recorded as it stands, or null: every kind but vigilance says what it is. */
export function controlProblem(control: ControlLike): string | null {
  if (isVigilance(control.kind) || control.description.trim() !== '') return null;
  return control.kind === 'other' ? 'Describe the other control' : `Describe the ${CONTROL_KIND_LABELS[control.kind].toLowerCase()}`;
}
