import { z } from 'zod';
import { lazySchema } from '../lazy-schema';
import { AREA_TYPES, SUPERVISION_TIERS, WARD_TYPES } from '../domain/estate';
import { ACTION_STATUSES, ACTION_TYPES } from './actions';
import { CONTROL_KINDS } from './controls';

// What the engine scores, as plain JSON: the same shapes travel in exchange files, so a national
// collator can re-score a board's return and get the board's figures.

const Id = lazySchema(() => z.string().min(1));
const Tier = lazySchema(() => z.literal(SUPERVISION_TIERS));
const IsoDate = lazySchema(() => z.iso.date());

export const ScoringWard = lazySchema(() => z.object({
  id: Id,
  type: z.enum(WARD_TYPES),
  bedCount: z.number().int().min(1),
}));
export type ScoringWard = z.infer<typeof ScoringWard>;

export const ScoringArea = lazySchema(() => z.object({
  id: Id,
  type: z.enum(AREA_TYPES),
  name: z.string(),
  supervisionTier: Tier,
}));
export type ScoringArea = z.infer<typeof ScoringArea>;

export const ANSWER_WORDS = ['yes', 'partial', 'no', 'na', 'A', 'B', 'C', 'D', 'no_risk', 'risk_present'] as const;
export const AnswerValue = lazySchema(() => z.union([z.enum(ANSWER_WORDS), z.number()]));
export type AnswerValue = z.infer<typeof AnswerValue>;

export const Answer = lazySchema(() => z.object({
  itemId: Id,
  /** null for a ward-level item; the area's id for a per-area item. */
  areaId: Id.nullable(),
  value: AnswerValue,
  /** Why "not applicable" (null or absent when none was given). */
  naReason: z.string().nullish(),
}));
export type Answer = z.infer<typeof Answer>;

/** Height never lowers a score (CQC 2023: low-lying anchor points are not low risk); it is recorded for reporting. */
export const HEIGHT_BANDS = ['low_lying', 'knee_to_head', 'above_head'] as const;
export type HeightBand = (typeof HEIGHT_BANDS)[number];

export { CONTROL_KINDS, type ControlKind } from './controls';
export { ACTION_STATUSES, ACTION_TYPES, type ActionStatus, type ActionType } from './actions';

export const LigatureControl = lazySchema(() => z.object({ kind: z.enum(CONTROL_KINDS), description: z.string() }));
export type LigatureControl = z.infer<typeof LigatureControl>;

export const LigatureAction = lazySchema(() => z.object({
  type: z.enum(ACTION_TYPES),
  targetDate: IsoDate.optional(),
  status: z.enum(ACTION_STATUSES),
}));
export type LigatureAction = z.infer<typeof LigatureAction>;

const oneToFive = lazySchema(() => z.number().int().min(1).max(5));

export const LigaturePoint = lazySchema(() => z.object({
  id: Id,
  areaId: Id,
  /** The ligature prompt the point was recorded from: a "risk present" answer needs a point of its own prompt. */
  itemId: Id.nullable().optional(),
  tier: Tier,
  /** Why the point's tier is lower than its area's; without one the area's tier is used. */
  tierReason: z.string().nullable().optional(),
  element: z.string(),
  heightBand: z.enum(HEIGHT_BANDS),
  likelihoodBefore: oneToFive,
  severityBefore: oneToFive,
  likelihoodAfter: oneToFive,
  severityAfter: oneToFive,
  controls: z.array(LigatureControl),
  /** Every action recorded on the point: all of them count, none speaks for the others. */
  actions: z.array(LigatureAction),
  /**
   * Copied from a sample room's point and not yet confirmed in its own room: it scores as
   * recorded, and while any is waiting the ward is not rated (and cannot be signed off).
   */
  copyToConfirm: z.boolean().optional(),
}));
export type LigaturePoint = z.infer<typeof LigaturePoint>;

/** Everything needed to score one ward's assessment. `asOf` (the assessment date) replaces a clock. */
export const WardScoringInput = lazySchema(() => z.object({
  ward: ScoringWard,
  areas: z.array(ScoringArea),
  answers: z.array(Answer),
  ligaturePoints: z.array(LigaturePoint),
  asOf: IsoDate,
}));
export type WardScoringInput = z.infer<typeof WardScoringInput>;
