import { z } from 'zod';
import { lazySchema } from '../lazy-schema';
import { AnswerValue, CONTROL_KINDS, ACTION_STATUSES, ACTION_TYPES, HEIGHT_BANDS, RATINGS, RISK_BANDS } from '../scoring';
import { WARD_TYPES } from '../domain/estate';
import { Id, SupervisionTierSchema } from '../domain/estate-schemas';
import type { ContractSlice } from './types';

// Comparison across the estate: boards, sites or wards side by side, the four domains kept
// apart (no blended index), with distributions and like-for-like measures.

export const COMPARE_LEVELS = ['nation', 'board', 'site'] as const;
export const COMPARE_DOMAINS = ['quality', 'safety', 'therapeutic', 'ligature'] as const;
export type CompareDomain = (typeof COMPARE_DOMAINS)[number];

const Round = lazySchema(() => z.string().regex(/^\d{4}\/\d{2}$/, 'Choose a round such as 2026/27'));

export const CompareDataInput = lazySchema(() =>
  z
    .object({
      /** nation: one row per board; board: one row per site of that board; site: one row per ward of that site. */
      level: z.enum(COMPARE_LEVELS, { message: 'Choose nation, a board or a site' }),
      id: Id.optional(),
      wardTypes: z.array(z.enum(WARD_TYPES)).max(WARD_TYPES.length).optional(),
      /** Without a round, each ward's latest round. */
      round: Round.optional(),
      /** Roll-ups count signed-off assessments only; true: a ward with none in the round is represented by its latest draft. */
      includeDrafts: z.boolean().optional(),
    })
    .refine((input) => input.level === 'nation' || input.id !== undefined, {
      message: 'Choose the board or site to compare within',
      path: ['id'],
    }),
);

const RatingCounts = lazySchema(() => z.object({ red: z.number().int(), amber: z.number().int(), green: z.number().int(), not_rated: z.number().int() }));
const Distribution = lazySchema(() => z.object({ n: z.number().int(), min: z.number(), q1: z.number(), median: z.number(), q3: z.number(), max: z.number() }));
const Rating = lazySchema(() => z.enum(RATINGS));

const ComplianceCell = lazySchema(() => z.object({
  /** The ward's own rating on a ward row; null on a board or site row (see ratingCounts). */
  rating: Rating.nullable(),
  ratingCounts: RatingCounts,
  /** Of the wards' percentages (on a ward row n = 1: the ward's own figure). */
  percentage: Distribution.nullable(),
  /** Of the wards' completeness (answered ÷ applicable). */
  completeness: Distribution.nullable(),
}));

const LigatureCell = lazySchema(() => z.object({
  rating: Rating.nullable(),
  ratingCounts: RatingCounts,
  /** Of the wards' prompt completeness. */
  completeness: Distribution.nullable(),
  residualByBand: z.object({ low: z.number().int(), moderate: z.number().int(), high: z.number().int(), extreme: z.number().int() }),
  highExtremeResidual: z.number().int(),
  bedCount: z.number().int(),
  /** Pooled: all high and extreme residual points ÷ all beds × 10, one decimal place. */
  highExtremeResidualPer10Beds: z.number().nullable(),
}));

/**
 * Single en-suite bedrooms, from the areas recorded in each ward's assessment (the register as it
 * was walked): the register does not link an en-suite to its bedroom, so each en-suite area is
 * counted against at most one bedroom on the same ward — a ward's en-suite bedrooms are
 * min(bedroom areas, en-suite areas). share = Σ en-suite bedrooms ÷ Σ bedroom areas × 100, one
 * decimal place; null when no bedroom is recorded.
 */
const EnSuite = lazySchema(() => z.object({
  bedrooms: z.number().int(),
  enSuiteBedrooms: z.number().int(),
  share: z.number().nullable(),
}));

export const CompareRow = lazySchema(() => z.object({
  kind: z.enum(['board', 'site', 'ward']),
  id: Id,
  name: z.string(),
  wardCount: z.number().int(),
  /** Of wardCount, how many are represented by a draft (0 unless drafts were asked for). */
  draftCount: z.number().int(),
  bedCount: z.number().int(),
  /** Only on ward rows: the ward and the assessment compared. */
  ward: z
    .object({
      type: z.enum(WARD_TYPES),
      assessmentId: Id,
      round: z.string(),
      assessedOn: z.string(),
      status: z.enum(['draft', 'signed_off']),
    })
    .nullable(),
  quality: ComplianceCell,
  safety: ComplianceCell,
  therapeutic: ComplianceCell,
  ligature: LigatureCell,
  enSuite: EnSuite,
}));
export type CompareRow = z.infer<typeof CompareRow>;

const ByWardTypeCompliance = lazySchema(() => z.object({ wardType: z.enum(WARD_TYPES), wardCount: z.number().int(), ratingCounts: RatingCounts, distribution: Distribution.nullable() }));
const ByWardTypeLigature = lazySchema(() => z.object({
  wardType: z.enum(WARD_TYPES),
  wardCount: z.number().int(),
  ratingCounts: RatingCounts,
  highExtremeResidual: z.number().int(),
  bedCount: z.number().int(),
  highExtremeResidualPer10Beds: z.number().nullable(),
}));

export const CompareData = lazySchema(() => z.object({
  level: z.enum(COMPARE_LEVELS),
  scope: z.object({
    board: z.object({ id: Id, name: z.string() }).nullable(),
    site: z.object({ id: Id, name: z.string() }).nullable(),
  }),
  /** The filters as applied, and the choices the scope offers (rounds newest first). */
  filters: z.object({
    wardTypes: z.array(z.enum(WARD_TYPES)),
    round: z.string().nullable(),
    includeDrafts: z.boolean(),
    availableRounds: z.array(z.string()),
    availableWardTypes: z.array(z.enum(WARD_TYPES)),
  }),
  rows: z.array(CompareRow),
  /** The whole scope as one row (all the wards compared). */
  total: CompareRow.unwrap().omit({ kind: true, id: true, ward: true }),
  /** Per domain, the ward percentages by ward type over every ward compared. */
  byWardType: z.object({
    quality: z.array(ByWardTypeCompliance),
    safety: z.array(ByWardTypeCompliance),
    therapeutic: z.array(ByWardTypeCompliance),
    ligature: z.array(ByWardTypeLigature),
  }),
}));
export type CompareData = z.infer<typeof CompareData>;

export const CompareDrillInput = lazySchema(() =>
  z
    .object({
      assessmentId: Id.optional(),
      wardId: Id.optional(),
      /** With wardId: the ward's current assessment of this round (its latest round without one). */
      round: Round.optional(),
      /** With wardId: a draft may be the current assessment when the ward has no signed-off one (as compare.data's includeDrafts). */
      includeDrafts: z.boolean().optional(),
      domain: z.enum(COMPARE_DOMAINS, { message: 'Choose a domain' }),
    })
    .refine((input) => (input.assessmentId === undefined) !== (input.wardId === undefined), {
      message: 'Give either an assessment or a ward',
      path: ['assessmentId'],
    }),
);

const RiskScore = lazySchema(() => z.object({ likelihood: z.number().int(), severity: z.number().int(), score: z.number().int(), band: z.enum(RISK_BANDS) }));

export const DrillItem = lazySchema(() => z.object({
  itemId: z.string(),
  question: z.string(),
  section: z.string(),
  areaId: z.string().nullable(),
  /** "Ward" for a ward-level item. */
  areaName: z.string(),
  /** null when unanswered. */
  answer: AnswerValue.nullable(),
  /** no: the worst answer the item allows (no, grade D, a number banded to no); partial: short of full marks. */
  finding: z.enum(['no', 'partial', 'unanswered']),
  note: z.string().nullable(),
  /** null for a ligature prompt (prompts carry no weight). */
  weight: z.number().int().nullable(),
  critical: z.boolean(),
}));

export const DrillPoint = lazySchema(() => z.object({
  id: Id,
  areaId: z.string(),
  areaName: z.string(),
  element: z.string(),
  description: z.string(),
  heightBand: z.enum(HEIGHT_BANDS),
  tier: SupervisionTierSchema,
  inherent: RiskScore,
  residual: RiskScore,
  /** Why the tier is below the area's, if it is. */
  tierReason: z.string().nullable(),
  controls: z.array(z.object({ kind: z.enum(CONTROL_KINDS), description: z.string() })),
  /** Every action on the point (all of them count). */
  actions: z.array(z.object({ type: z.enum(ACTION_TYPES), description: z.string(), owner: z.string(), dueDate: z.string().nullable(), status: z.enum(ACTION_STATUSES) })),
}));

export const CompareDrill = lazySchema(() => z.object({
  board: z.object({ id: Id, name: z.string() }),
  site: z.object({ id: Id, name: z.string() }),
  ward: z.object({ id: Id, name: z.string(), type: z.enum(WARD_TYPES), bedCount: z.number().int() }),
  assessment: z.object({ id: Id, round: z.string(), assessedOn: z.string(), status: z.enum(['draft', 'signed_off']) }),
  domain: z.enum(COMPARE_DOMAINS),
  rating: Rating,
  /** Compliance domains only. */
  percentage: z.number().nullable(),
  completeness: z.number().nullable(),
  /** Why the rating is what it is (fired gates), in the engine's words. */
  gates: z.array(z.string()),
  /** Compliance: items answered short of full marks, and unanswered ones. Ligature: unanswered prompts. */
  items: z.array(DrillItem),
  /** Ligature only: every point on the register, highest residual risk first. */
  points: z.array(DrillPoint),
}));
export type CompareDrill = z.infer<typeof CompareDrill>;

export const compareContract = {
  /** Boards, sites of a board, or wards of a site side by side, with distributions by ward type. */
  'compare.data': () => ({ input: CompareDataInput, output: CompareData }),
  /** The items and ligature points behind one ward's domain cell. */
  'compare.drill': () => ({ input: CompareDrillInput, output: CompareDrill }),
} satisfies ContractSlice;
