import { z } from 'zod';
import { lazySchema } from '../lazy-schema';
import { RISK_BANDS } from '../scoring';
import { DOMAINS } from '../templates/schema';
import { WARD_STOP } from '../walk/route';
import { Assessment, StoredAction, StoredAnswer, StoredLigaturePoint } from './assessment-schemas';
import { Area, Id, areaFields, requireReasonForTierOverride } from './estate-schemas';

// Schemas for the walkthrough's later steps: progress, areas added on the spot, photos, sign-off,
// re-checks carried from the previous round, and the action plan. Services and forms share them.

const DomainSchema = lazySchema(() => z.enum(DOMAINS));

// ---- progress -----------------------------------------------------------------------------

export const Counts = lazySchema(() => z.object({ applicable: z.number().int(), answered: z.number().int() }));

export const DomainProgress = lazySchema(() => Counts.unwrap().extend({
  domain: DomainSchema,
  /** answered ÷ applicable × 100 to one decimal place; null when nothing is asked. */
  completeness: z.number().nullable(),
  /** The template's completeness threshold (%), below which sign-off is refused. */
  threshold: z.number().int(),
  /** completeness reached the threshold (compared exactly; true when nothing is asked). */
  complete: z.boolean(),
}));

/** One place an item is asked: an area (areaId) or the ward as a whole (areaId null). */
export const ItemInstanceRef = lazySchema(() => z.object({
  domain: DomainSchema,
  itemId: z.string(),
  areaId: z.string().nullable(),
  sectionId: z.string(),
}));

export const AreaProgress = lazySchema(() => Counts.unwrap().extend({
  /** null: the ward-level items. */
  areaId: z.string().nullable(),
  name: z.string(),
  domains: z.array(Counts.unwrap().extend({ domain: DomainSchema })),
}));

export const AssessmentProgress = lazySchema(() => z.object({
  assessmentId: Id,
  status: z.enum(['draft', 'signed_off']),
  ward: Counts,
  domains: z.array(DomainProgress),
  /** Each area in route order, with the ward-level items (areaId null) at their place in the route. */
  areas: z.array(AreaProgress),
  /** Unanswered instances in walk order (see the contract comment). */
  unanswered: z.array(ItemInstanceRef),
}));

// ---- adding an area on the spot ----------------------------------------------------------

export const AssessmentAddArea = lazySchema(() => z.object({ assessmentId: Id, ...areaFields.unwrap().shape }).superRefine(requireReasonForTierOverride));
export const AreaAdded = lazySchema(() => z.object({ area: Area, assessment: Assessment }));

// ---- the route through the ward ---------------------------------------------------------

export const WalkOrderSet = lazySchema(() => z.object({
  assessmentId: Id,
  /** Every area id of the assessment once, and "ward" once (where the ward-level questions are asked), in walking order. */
  route: z.array(z.union([Id, z.literal(WARD_STOP)])).min(1).max(501),
}));

// ---- filling many answers at once ----------------------------------------------------------

export const SampleFill = lazySchema(() => z.object({
  assessmentId: Id,
  /** The fully answered area whose answers the others share ("as Bedroom 1"). */
  sourceAreaId: Id,
  /** Areas of the same type to fill; answers already given there are kept. */
  targetAreaIds: z.array(Id).min(1, 'Choose at least one area to fill from the sample room').max(500),
  assessorId: Id,
}));

export const NoFindings = lazySchema(() => z.object({
  assessmentId: Id,
  /** The area walked and found in order; null for the ward-level questions. */
  areaId: Id.nullable(),
  assessorId: Id,
}));

export const Fill = lazySchema(() => z.object({
  id: Id,
  assessmentId: Id,
  kind: z.enum(['copy', 'no_findings']),
  sourceAreaId: z.string().nullable(),
  /** The areas filled (null: the ward-level questions). */
  areaIds: z.array(z.string().nullable()),
  assessorId: z.string(),
  createdAt: z.string(),
  undoneAt: z.string().nullable(),
  undoneBy: z.string().nullable(),
  /** Answers it wrote that are still as it wrote them (untouched since). */
  answersStanding: z.number().int(),
  /** Copied ligature points still waiting for confirmation. */
  pointsToConfirm: z.number().int(),
}));

export const FillResult = lazySchema(() => z.object({
  fill: Fill,
  /** The answers written, as stored. */
  answers: z.array(StoredAnswer),
  /** Ligature points copied with "risk present" prompts (each to confirm in its room). */
  points: z.array(StoredLigaturePoint),
}));

export const FillUndo = lazySchema(() => z.object({ fillId: Id, assessorId: Id }));

export const FillUndone = lazySchema(() => z.object({
  fill: Fill,
  /** Answers removed: those still as the fill wrote them. */
  removedAnswerIds: z.array(z.string()),
  /** Answers kept because someone answered them again by hand, or hung a photo or action on them. */
  keptAnswers: z.number().int(),
  removedPointIds: z.array(z.string()),
  /** Copied points kept because they were confirmed or changed, or carry a photo or action. */
  keptPoints: z.number().int(),
}));

/** A copied ligature point: confirmed as found in its room, or "not in this room" (removed). */
export const CopiedPointDecision = lazySchema(() => z.object({ id: Id, assessorId: Id }));

// ---- sign-off -----------------------------------------------------------------------------

export const MissingAnswer = lazySchema(() => z.object({
  domain: DomainSchema,
  itemId: z.string(),
  areaId: z.string().nullable(),
  /** The area's name, or "Ward-level items". */
  areaName: z.string(),
  question: z.string(),
}));

const PlacedPrompt = lazySchema(() => MissingAnswer.unwrap().omit({ domain: true }));

export const SignOffCheck = lazySchema(() => z.object({
  assessmentId: Id,
  /** Nothing stands in the way but the confirmations the lead gives when signing (otherControlsToConfirm). */
  ready: z.boolean(),
  /** Completeness of each domain from the engine's counts (an answer it leaves out does not count). */
  domains: z.array(DomainProgress),
  /** Unanswered instances of every domain below its threshold (complete domains list none). */
  missing: z.array(MissingAnswer),
  /** Re-checks from the previous round not yet decided. */
  undecidedRechecks: z.array(z.object({ id: Id, subject: z.enum(['ligature_point', 'action']), description: z.string() })),
  /**
   * Ligature prompts answered "risk present" with no ligature point recorded for that prompt there
   * (for a ward-level prompt: none for it on the ward). Sign-off is refused until each has its
   * point, and meanwhile the ligature domain is "not rated".
   */
  riskWithoutPoint: z.array(PlacedPrompt),
  /** Answers "not applicable" that need a reason and have none (ligature prompts, weight 3 items): refused. */
  naWithoutReason: z.array(MissingAnswer),
  /** Ligature prompts answered "not applicable" in tier 2 or 3 areas, with their reasons: listed for a second look, not refused. */
  naPromptsInSupervisedAreas: z.array(PlacedPrompt.unwrap().extend({ naReason: z.string().nullable() })),
  /** Recording errors on ligature points (a tier below the area's without a reason, …): refused. */
  pointProblems: z.array(z.object({ pointId: Id, areaName: z.string(), message: z.string() })),
  /**
   * High or extreme residual points whose only documented controls are "other": the lead confirms
   * each when signing off (SignOffInput.confirmOtherControls); the confirmation is recorded.
   */
  otherControlsToConfirm: z.array(z.object({ pointId: Id, areaName: z.string(), element: z.string(), controls: z.string() })),
  /** Ligature points copied from a sample room and not yet confirmed in their own room: refused until each is. */
  pointsToConfirm: z.array(z.object({ id: Id, element: z.string(), areaId: z.string(), areaName: z.string(), sourceAreaName: z.string() })),
  /** One sentence per reason sign-off would be refused (the confirmations aside). Empty when ready. */
  reasons: z.array(z.string()),
}));

export const SignOffInput = lazySchema(() => z.object({
  assessmentId: Id,
  /** The assessor (of this assessment) who signs it off; their name is recorded. */
  signedOffBy: Id,
  /** The points of otherControlsToConfirm the signer confirms; each listed point must be here. */
  confirmOtherControls: z.array(Id).max(5000).default([]),
}));

// ---- photos -------------------------------------------------------------------------------

export const MAX_PHOTO_BYTES = 15 * 1024 * 1024;
export const PHOTO_MIME_TYPES = ['image/jpeg', 'image/png'] as const;
const MAX_PHOTO_BASE64 = Math.ceil(MAX_PHOTO_BYTES / 3) * 4;

/** Mark-up drawn over a photo, in fractions of its width and height (0 to 1) as shown (orientation applied). */
const Fraction = lazySchema(() => z.number().min(0).max(1));
export const MarkupShape = lazySchema(() => z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('arrow'), x1: Fraction, y1: Fraction, x2: Fraction, y2: Fraction }),
  /** r: a fraction of the photo's width. */
  z.strictObject({ kind: z.literal('circle'), x: Fraction, y: Fraction, r: z.number().min(0.01).max(1) }),
  z.strictObject({ kind: z.literal('label'), x: Fraction, y: Fraction, text: z.string().trim().min(1, 'Write the label').max(40, 'A label must be 40 characters or fewer') }),
]));
export const PhotoMarkup = lazySchema(() => z.array(MarkupShape).max(20, 'Up to 20 marks on one photo'));
export type PhotoMarkup = z.infer<typeof PhotoMarkup>;

const Caption = lazySchema(() =>
  z
    .string()
    .trim()
    .max(500, 'The caption must be 500 characters or fewer')
    .nullish()
    .transform((v) => (v ? v : null)),
);

export const PhotoAdd = lazySchema(() =>
  z
    .object({
      assessmentId: Id,
      answerId: z.string().max(200).nullish().transform((v) => v ?? null),
      ligaturePointId: Id.nullish().transform((v) => v ?? null),
      fileName: z.string().trim().min(1, 'Give the file name').max(255),
      /** What the picker claimed; the stored type comes from the file's own bytes. */
      mimeType: z.string().max(100),
      dataBase64: z
        .string()
        .min(1, 'The photo is empty')
        .max(MAX_PHOTO_BASE64, 'A photo must be 15 MB or smaller')
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The photo is not valid base64'),
      caption: Caption,
      assessorId: Id,
    })
    .refine((p) => (p.answerId === null) !== (p.ligaturePointId === null), {
      message: 'A photo belongs to exactly one answer or one ligature point',
      path: ['answerId'],
    }),
);

export const Photo = lazySchema(() => z.object({
  id: Id,
  assessmentId: Id,
  answerId: z.string().nullable(),
  ligaturePointId: z.string().nullable(),
  mimeType: z.enum(PHOTO_MIME_TYPES),
  /** Size of the stored (metadata-stripped) bytes. */
  byteSize: z.number().int(),
  /** Lower-case hex SHA-256 of the stored bytes. */
  sha256: z.string(),
  /** As shown: the camera's orientation applied (width and height swapped for a portrait photo). */
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  caption: z.string().nullable(),
  markup: PhotoMarkup.nullable(),
  assessorId: z.string(),
  createdAt: z.string(),
}));

export const PhotoAdded = lazySchema(() => Photo.unwrap().extend({
  /** What was removed before storing, e.g. ["EXIF (APP1)", "tEXt"]; empty if nothing was. */
  metadataRemoved: z.array(z.string()),
}));

export const PhotoList = lazySchema(() => z.object({
  assessmentId: Id,
  /** Only the photos of this answer (or of this ligature point); neither: all of the assessment's. */
  answerId: z.string().max(200).nullish().transform((v) => v ?? null),
  ligaturePointId: Id.nullish().transform((v) => v ?? null),
}));

export const PhotoWithBytes = lazySchema(() => Photo.unwrap().extend({ dataBase64: z.string() }));

export const PhotoRemove = lazySchema(() => z.object({ id: Id }));

/** A photo's caption and mark-up (the stored image never changes). */
export const PhotoUpdate = lazySchema(() => z.object({ id: Id, caption: Caption, markup: PhotoMarkup.nullish().transform((v) => (v && v.length > 0 ? v : null)), assessorId: Id }));

// ---- re-checks ----------------------------------------------------------------------------

export const RECHECK_OUTCOMES = ['removed', 'still_present', 'changed'] as const;

export const Recheck = lazySchema(() => z.object({
  id: Id,
  assessmentId: Id,
  subject: z.enum(['ligature_point', 'action']),
  /** The previous round's point or action. */
  previousId: z.string(),
  lineageId: z.string(),
  outcome: z.enum(RECHECK_OUTCOMES).nullable(),
  /** The copy recorded in this assessment for "still present" and "changed". */
  currentId: z.string().nullable(),
  note: z.string().nullable(),
  assessorId: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** The previous round's point (subject ligature_point), else null. */
  previousPoint: StoredLigaturePoint.nullable(),
  /** The previous round's action (subject action), else null. */
  previousAction: StoredAction.nullable(),
  /** Name of the area the point (or the action's point/answer) is in, null for ward-level. */
  areaName: z.string().nullable(),
  /** One line for a list: the point's element and description, or the action's description. */
  summary: z.string(),
}));

export const RecheckDecide = lazySchema(() => z.object({
  recheckId: Id,
  outcome: z.enum(RECHECK_OUTCOMES, { message: 'Choose removed, still present or changed' }),
  note: z
    .string()
    .trim()
    .max(2000, 'The note must be 2000 characters or fewer')
    .nullish()
    .transform((v) => (v ? v : null)),
  assessorId: Id,
}));

// ---- ligature point history ---------------------------------------------------------------

export const LigaturePointHistoryEntry = lazySchema(() => z.object({
  assessment: z.object({ id: Id, round: z.string(), assessedOn: z.string(), status: z.enum(['draft', 'signed_off']) }),
  /** The point as recorded in that assessment; null when it was re-checked as removed. */
  point: StoredLigaturePoint.nullable(),
  /** How it was re-checked in that assessment (null in the round it was first recorded). */
  recheck: z.object({ outcome: z.enum(RECHECK_OUTCOMES).nullable(), note: z.string().nullable(), decidedAt: z.string().nullable() }).nullable(),
}));

// ---- action plan --------------------------------------------------------------------------

export const ActionPlanEntry = lazySchema(() => StoredAction.unwrap().extend({
  /** Not complete, and marked overdue or due before today. */
  overdue: z.boolean(),
  /** The residual risk of its ligature point (null for an action on an answer). */
  residualRisk: z.object({ score: z.number().int(), band: z.enum(RISK_BANDS) }).nullable(),
  /** Sort rank, 4 = most urgent: extreme residual or urgent priority, 3 high, 2 moderate/medium, 1 low. */
  riskRank: z.number().int(),
  /** What the action is about, so the action plan needs no other call. */
  about: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('answer'), itemId: z.string(), question: z.string(), areaId: z.string().nullable(), areaName: z.string() }),
    z.object({ kind: z.literal('ligature_point'), element: z.string(), description: z.string(), areaId: z.string(), areaName: z.string() }),
  ]),
}));
