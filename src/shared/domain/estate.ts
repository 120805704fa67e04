// The estate's vocabulary: ward types, area types and their default supervision tiers.
// Ids are stable machine values (they travel in exchange files); labels are for people.

export const WARD_TYPES = [
  'adult_acute',
  'ipcu',
  'older_adult',
  'rehabilitation',
  'low_secure',
  'medium_secure',
  'camhs',
  'learning_disability',
  'mother_and_baby',
  'other',
] as const;
export type WardType = (typeof WARD_TYPES)[number];

export const WARD_TYPE_LABELS: Record<WardType, string> = {
  adult_acute: 'Adult acute',
  ipcu: 'Intensive psychiatric care unit (IPCU)',
  older_adult: 'Older adult',
  rehabilitation: 'Rehabilitation',
  low_secure: 'Low secure',
  medium_secure: 'Medium secure',
  camhs: 'Child and adolescent (CAMHS)',
  learning_disability: 'Learning disability',
  mother_and_baby: 'Mother and baby',
  other: 'Other',
};

export const SEX_DESIGNATIONS = ['male', 'female', 'mixed'] as const;
export type SexDesignation = (typeof SEX_DESIGNATIONS)[number];

export const SEX_DESIGNATION_LABELS: Record<SexDesignation, string> = {
  male: 'Male',
  female: 'Female',
  mixed: 'Mixed sex',
};

export const AREA_TYPES = [
  'bedroom',
  'en_suite',
  'bathroom_wc',
  'lounge',
  'dining',
  'activity',
  'quiet_room',
  'seclusion',
  'corridor',
  'garden',
  'visitor_room',
  'entrance',
  'clinic',
  'kitchen',
  'laundry',
  'other',
] as const;
export type AreaType = (typeof AREA_TYPES)[number];

export const AREA_TYPE_LABELS: Record<AreaType, string> = {
  bedroom: 'Bedroom',
  en_suite: 'En-suite',
  bathroom_wc: 'Bathroom / WC',
  lounge: 'Lounge / day room',
  dining: 'Dining room',
  activity: 'Activity / therapy room',
  quiet_room: 'Quiet / de-escalation room',
  seclusion: 'Seclusion / extra care room',
  corridor: 'Corridor / stairs',
  garden: 'Garden / courtyard',
  visitor_room: 'Visitor / family room',
  entrance: 'Entrance / airlock',
  clinic: 'Clinic room',
  kitchen: 'Kitchen (therapeutic / pantry)',
  laundry: 'Laundry',
  other: 'Other',
};

export const SUPERVISION_TIERS = [1, 2, 3] as const;
export type SupervisionTier = (typeof SUPERVISION_TIERS)[number];

export const SUPERVISION_TIER_LABELS: Record<SupervisionTier, string> = {
  1: 'Tier 1 – highly supervised, patients not usually alone for long',
  2: 'Tier 2 – open areas where patients may spend time with minimal supervision',
  3: 'Tier 3 – patients may spend long periods alone with little or no supervision',
};

/**
 * Default supervision tier per area type, following the CQC / Nurse Directors Forum tiers (2023)
 * and the zoning table in the domain brief. Where the brief gives a range (e.g. lounge T1–T2) we
 * default to the less supervised tier: an assessor may lower it with a recorded reason, but a
 * missed ligature point in a wrongly-lowered tier is the failure we must not make by default.
 * "Other" defaults to tier 3 for the same reason.
 */
export const DEFAULT_TIER_BY_AREA_TYPE: Record<AreaType, SupervisionTier> = {
  bedroom: 3,
  en_suite: 3,
  bathroom_wc: 3,
  lounge: 2,
  dining: 2,
  activity: 2,
  quiet_room: 2,
  seclusion: 3,
  corridor: 2,
  garden: 2,
  visitor_room: 2,
  entrance: 1,
  clinic: 1,
  kitchen: 1,
  laundry: 2,
  other: 3,
};

export function defaultTierFor(areaType: AreaType): SupervisionTier {
  return DEFAULT_TIER_BY_AREA_TYPE[areaType];
}
