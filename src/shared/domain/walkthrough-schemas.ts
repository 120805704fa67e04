import { z } from 'zod';
import { RISK_BANDS } from '../scoring';
import { DOMAINS } from '../templates/schema';
import { Assessment, StoredAction, StoredLigaturePoint } from './assessment-schemas';
import { Area, Id, areaFields, requireReasonForTierOverride } from './estate-schemas';

// Schemas for the walkthrough's later steps: progress, areas added on the spot, photos, sign-off,
// re-checks carried from the previous round, and the action plan. Services and forms share them.

const DomainSchema = z.enum(DOMAINS);

// ---- progress -----------------------------------------------------------------------------

export const Counts = z.object({ applicable: z.number().int(), answered: z.number().int() });

export const DomainProgress = Counts.extend({
  domain: DomainSchema,
  /** answered ÷ applicable × 100 to one decimal place; null when nothing is asked. */
  completeness: z.number().nullable(),
  /** The template's completeness threshold (%), below which sign-off is refused. */
  threshold: z.number().int(),
  /** completeness reached the threshold (compared exactly; true when nothing is asked). */
  complete: z.boolean(),
});

/** One place an item is asked: an area (areaId) or the ward as a whole (areaId null). */
export const ItemInstanceRef = z.object({
  domain: DomainSchema,
  itemId: z.string(),
  areaId: z.string().nullable(),
  sectionId: z.string(),
});

export const AreaProgress = Counts.extend({
  /** null: the ward-level items. */
  areaId: z.string().nullable(),
  name: z.string(),
  domains: z.array(Counts.extend({ domain: DomainSchema })),
});

export const AssessmentProgress = z.object({
  assessmentId: Id,
  status: z.enum(['draft', 'signed_off']),
  ward: Counts,
  domains: z.array(DomainProgress),
  /** Each area in walk order, then the ward-level items (areaId null) last. */
  areas: z.array(AreaProgress),
  /** Unanswered instances in walk order (see the contract comment). */
  unanswered: z.array(ItemInstanceRef),
});

// ---- adding an area on the spot ----------------------------------------------------------

export const AssessmentAddArea = z.object({ assessmentId: Id, ...areaFields }).superRefine(requireReasonForTierOverride);
export const AreaAdded = z.object({ area: Area, assessment: Assessment });

// ---- sign-off -----------------------------------------------------------------------------

export const MissingAnswer = z.object({
  domain: DomainSchema,
  itemId: z.string(),
  areaId: z.string().nullable(),
  /** The area's name, or "Ward-level items". */
  areaName: z.string(),
  question: z.string(),
});

const PlacedPrompt = MissingAnswer.omit({ domain: true });

export const SignOffCheck = z.object({
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
  naPromptsInSupervisedAreas: z.array(PlacedPrompt.extend({ naReason: z.string().nullable() })),
  /** Recording errors on ligature points (a tier below the area's without a reason, …): refused. */
  pointProblems: z.array(z.object({ pointId: Id, areaName: z.string(), message: z.string() })),
  /**
   * High or extreme residual points whose only documented controls are "other": the lead confirms
   * each when signing off (SignOffInput.confirmOtherControls); the confirmation is recorded.
   */
  otherControlsToConfirm: z.array(z.object({ pointId: Id, areaName: z.string(), element: z.string(), controls: z.string() })),
  /** One sentence per reason sign-off would be refused (the confirmations aside). Empty when ready. */
  reasons: z.array(z.string()),
});

export const SignOffInput = z.object({
  assessmentId: Id,
  /** The assessor (of this assessment) who signs it off; their name is recorded. */
  signedOffBy: Id,
  /** The points of otherControlsToConfirm the signer confirms; each listed point must be here. */
  confirmOtherControls: z.array(Id).max(5000).default([]),
});

// ---- photos -------------------------------------------------------------------------------

export const MAX_PHOTO_BYTES = 15 * 1024 * 1024;
export const PHOTO_MIME_TYPES = ['image/jpeg', 'image/png'] as const;
const MAX_PHOTO_BASE64 = Math.ceil(MAX_PHOTO_BYTES / 3) * 4;

export const PhotoAdd = z
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
    caption: z
      .string()
      .trim()
      .max(500, 'The caption must be 500 characters or fewer')
      .nullish()
      .transform((v) => (v ? v : null)),
    assessorId: Id,
  })
  .refine((p) => (p.answerId === null) !== (p.ligaturePointId === null), {
    message: 'A photo belongs to exactly one answer or one ligature point',
    path: ['answerId'],
  });

export const Photo = z.object({
  id: Id,
  assessmentId: Id,
  answerId: z.string().nullable(),
  ligaturePointId: z.string().nullable(),
  mimeType: z.enum(PHOTO_MIME_TYPES),
  /** Size of the stored (metadata-stripped) bytes. */
  byteSize: z.number().int(),
  /** Lower-case hex SHA-256 of the stored bytes. */
  sha256: z.string(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  caption: z.string().nullable(),
  assessorId: z.string(),
  createdAt: z.string(),
});

export const PhotoAdded = Photo.extend({
  /** What was removed before storing, e.g. ["EXIF (APP1)", "tEXt"]; empty if nothing was. */
  metadataRemoved: z.array(z.string()),
});

export const PhotoList = z.object({
  assessmentId: Id,
  /** Only the photos of this answer (or of this ligature point); neither: all of the assessment's. */
  answerId: z.string().max(200).nullish().transform((v) => v ?? null),
  ligaturePointId: Id.nullish().transform((v) => v ?? null),
});

export const PhotoWithBytes = Photo.extend({ dataBase64: z.string() });

export const PhotoRemove = z.object({ id: Id });

// ---- re-checks ----------------------------------------------------------------------------

export const RECHECK_OUTCOMES = ['removed', 'still_present', 'changed'] as const;

export const Recheck = z.object({
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
});

export const RecheckDecide = z.object({
  recheckId: Id,
  outcome: z.enum(RECHECK_OUTCOMES, { message: 'Choose removed, still present or changed' }),
  note: z
    .string()
    .trim()
    .max(2000, 'The note must be 2000 characters or fewer')
    .nullish()
    .transform((v) => (v ? v : null)),
  assessorId: Id,
});

// ---- ligature point history ---------------------------------------------------------------

export const LigaturePointHistoryEntry = z.object({
  assessment: z.object({ id: Id, round: z.string(), assessedOn: z.string(), status: z.enum(['draft', 'signed_off']) }),
  /** The point as recorded in that assessment; null when it was re-checked as removed. */
  point: StoredLigaturePoint.nullable(),
  /** How it was re-checked in that assessment (null in the round it was first recorded). */
  recheck: z.object({ outcome: z.enum(RECHECK_OUTCOMES).nullable(), note: z.string().nullable(), decidedAt: z.string().nullable() }).nullable(),
});

// ---- action plan --------------------------------------------------------------------------

export const ActionPlanEntry = StoredAction.extend({
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
});
