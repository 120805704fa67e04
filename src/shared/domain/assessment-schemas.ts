import { z } from 'zod';
import { lazySchema } from '../lazy-schema';
import { financialYearOf } from '../dates';
import {
  ACTION_STATUSES,
  ACTION_TYPES,
  AnswerValue,
  CONTROL_KINDS,
  HEIGHT_BANDS,
  controlProblem,
  validateLigaturePoint,
} from '../scoring';
import { SupervisionTierSchema, Id } from './estate-schemas';
import { WARD_TYPES } from './estate';

// Schemas for a walkthrough: starting an assessment, answering, the ligature register, actions.
// The services parse with these and the forms use the same ones.

export const ASSESSOR_ROLES = ['estates', 'clinical', 'lay'] as const;
export const ASSESSOR_ROLE_LABELS: Record<(typeof ASSESSOR_ROLES)[number], string> = {
  estates: 'Estates',
  clinical: 'Clinical',
  lay: 'Lay / lived experience',
};

const text = (what: string, max: number) =>
  z.string({ message: `Enter the ${what}` }).trim().min(1, `Enter the ${what}`).max(max, `The ${what} must be ${max} characters or fewer`);

const optionalText = (what: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `The ${what} must be ${max} characters or fewer`)
    .nullish()
    .transform((v) => (v ? v : null));

const IsoDate = lazySchema(() => z.iso.date({ message: 'Enter a date as YYYY-MM-DD' }));

export const AssessorInput = lazySchema(() => z.object({
  name: text('assessor’s name', 120),
  role: z.enum(ASSESSOR_ROLES, { message: 'Choose the assessor’s role' }),
}));

const Round = lazySchema(() =>
  z
    .string({ message: 'Enter the round, e.g. 2026/27' })
    .trim()
    .regex(/^\d{4}\/\d{2}$/, 'Enter the round as a financial year, e.g. 2026/27'),
);

/** The round is the financial year of the assessment date (the date must not be in the future: the service knows today). */
function roundMatchesDate(value: { assessedOn: string; round: string }, ctx: z.RefinementCtx) {
  const year = financialYearOf(value.assessedOn);
  if (value.round !== year) {
    ctx.addIssue({ code: 'custom', path: ['round'], message: `The round must be the financial year of the assessment date: ${year}` });
  }
}

export const AssessmentStart = lazySchema(() =>
  z
    .object({
      wardId: Id,
      assessedOn: IsoDate,
      round: Round,
      announced: z.boolean(),
      assessors: z.array(AssessorInput).min(1, 'Name at least one assessor').max(8, 'Name up to 8 assessors'),
    })
    .superRefine(roundMatchesDate),
);

/** A draft's date, round and announcement, corrected (the same rules as at the start). */
export const AssessmentDetailsUpdate = lazySchema(() =>
  z
    .object({ id: Id, assessedOn: IsoDate, round: Round, announced: z.boolean() })
    .superRefine(roundMatchesDate),
);

export const Assessor = lazySchema(() => z.object({ id: Id, name: z.string(), role: z.enum(ASSESSOR_ROLES) }));

export const AssessmentArea = lazySchema(() => z.object({
  areaId: Id,
  name: z.string(),
  type: z.string(),
  supervisionTier: SupervisionTierSchema,
  /** Place in the assessor's route (areas are listed in this order). */
  position: z.number().int(),
  /** The sample room this area was filled from ("as Bedroom 1"), or null. */
  sampleAreaId: z.string().nullable(),
}));

export const Assessment = lazySchema(() => z.object({
  id: Id,
  wardId: Id,
  round: z.string(),
  assessedOn: z.string(),
  announced: z.boolean(),
  status: z.enum(['draft', 'signed_off']),
  signedOffAt: z.string().nullable(),
  signedOffBy: z.string().nullable(),
  previousAssessmentId: z.string().nullable(),
  /** The ward's type and bed count frozen at sign-off (null while a draft: the register applies). */
  wardType: z.enum(WARD_TYPES).nullable(),
  bedCount: z.number().int().min(1).nullable(),
  assessors: z.array(Assessor),
  templates: z.object({ quality: z.string(), safety: z.string(), ligature: z.string(), therapeutic: z.string() }),
  /** In route order. */
  areas: z.array(AssessmentArea),
  /** Where the ward-level questions sit in the route: before areas[wardPosition] (0 = first). */
  wardPosition: z.number().int().min(0),
  createdAt: z.string(),
  updatedAt: z.string(),
}));

export const AnswerRecord = lazySchema(() => z.object({
  assessmentId: Id,
  itemId: z.string().min(1).max(32),
  /** null for a ward-level item. */
  areaId: Id.nullable(),
  value: AnswerValue,
  naReason: optionalText('reason it does not apply', 500),
  note: optionalText('note', 2000),
  assessorId: Id,
}));

export const StoredAnswer = lazySchema(() => z.object({
  id: z.string(),
  itemId: z.string(),
  areaId: z.string().nullable(),
  value: AnswerValue,
  naReason: z.string().nullable(),
  note: z.string().nullable(),
  assessorId: z.string(),
  answeredAt: z.string(),
  /** The fill (sample-room copy or "no findings") that wrote it, until it is given again by hand. */
  fillId: z.string().nullable(),
  /** The sample room it was copied from, until it is given again by hand. */
  copiedFromAreaId: z.string().nullable(),
}));

const likelihoodOrSeverity = (what: string) =>
  z.number({ message: `Choose the ${what} from 1 to 5` }).int(`Choose the ${what} from 1 to 5`).min(1, `Choose the ${what} from 1 to 5`).max(5, `Choose the ${what} from 1 to 5`);

const ligaturePointFields = lazySchema(() => z.object({
  areaId: Id,
  itemId: z.string().max(32).nullish().transform((v) => v ?? null),
  element: text('fitting or element', 120),
  heightBand: z.enum(HEIGHT_BANDS, { message: 'Choose the height band' }),
  tier: SupervisionTierSchema,
  /** Needed when the tier is below the area's (checked by the service, which knows the area). */
  tierReason: optionalText('reason the tier is lower than the area’s', 500),
  description: text('description', 1000),
  controls: z
    .array(z.object({ kind: z.enum(CONTROL_KINDS, { message: 'Choose the kind of control' }), description: z.string().trim().max(500) }))
    .max(10),
  likelihoodBefore: likelihoodOrSeverity('likelihood before controls'),
  severityBefore: likelihoodOrSeverity('severity before controls'),
  likelihoodAfter: likelihoodOrSeverity('likelihood after controls'),
  severityAfter: likelihoodOrSeverity('severity after controls'),
  assessorId: Id,
}));

type PointFields = z.infer<typeof ligaturePointFields>;

/**
 * The method's recording rules for a ligature point (resources/docs/scoring-method.md, 4.3–4.6):
 * every control but vigilance says what it is, and the risk after controls is never above the
 * risk before. A likelihood below the tier floor is not refused: the engine raises it to the floor
 * and the form says so. Staff vigilance alone for a high risk is not refused either: it is a true
 * finding, recorded, shown on the register and a red gate. A tier below the area's needs a reason
 * (the service checks it against the area).
 */
function enforceLigatureRules(point: PointFields, ctx: z.RefinementCtx) {
  point.controls.forEach((control, index) => {
    const problem = controlProblem(control);
    if (problem) ctx.addIssue({ code: 'custom', path: ['controls', index, 'description'], message: problem });
  });
  for (const problem of validateLigaturePoint({ ...point, id: 'new' })) {
    if (problem.code === 'residual_above_inherent') ctx.addIssue({ code: 'custom', path: ['likelihoodAfter'], message: residualAboveInherentMessage });
  }
}

export const residualAboveInherentMessage = 'The risk after controls cannot be higher than the risk before controls: check the likelihood and severity on both sides';

export const LigaturePointCreate = lazySchema(() => z.object({ assessmentId: Id, ...ligaturePointFields.unwrap().shape }).superRefine(enforceLigatureRules));
export const LigaturePointUpdate = lazySchema(() => z.object({ id: Id, ...ligaturePointFields.unwrap().shape }).superRefine(enforceLigatureRules));

export const StoredLigaturePoint = lazySchema(() => z.object({
  id: Id,
  assessmentId: Id,
  lineageId: z.string(),
  areaId: Id,
  itemId: z.string().nullable(),
  element: z.string(),
  heightBand: z.enum(HEIGHT_BANDS),
  tier: SupervisionTierSchema,
  tierReason: z.string().nullable(),
  description: z.string(),
  controls: z.array(z.object({ kind: z.enum(CONTROL_KINDS), description: z.string() })),
  likelihoodBefore: z.number().int(),
  severityBefore: z.number().int(),
  likelihoodAfter: z.number().int(),
  severityAfter: z.number().int(),
  assessorId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Set at sign-off when the lead confirmed an "other" control a high or extreme risk rests on. */
  otherControlConfirmedBy: z.string().nullable(),
  otherControlConfirmedAt: z.string().nullable(),
  /** Copied from this point of a sample room; see copyConfirmedAt. */
  copiedFromPointId: z.string().nullable(),
  fillId: z.string().nullable(),
  /** When an assessor confirmed a copied point in this room (null: still to confirm). */
  copyConfirmedAt: z.string().nullable(),
  copyConfirmedBy: z.string().nullable(),
}));

export const ACTION_PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;

const actionFields = lazySchema(() => z.object({
  type: z.enum(ACTION_TYPES, { message: 'Choose the type of action' }),
  description: text('action', 1000),
  owner: text('owner', 120),
  dueDate: IsoDate.nullish().transform((v) => v ?? null),
  priority: z.enum(ACTION_PRIORITIES, { message: 'Choose a priority' }),
  status: z.enum(ACTION_STATUSES, { message: 'Choose a status' }),
}));

export const ActionCreate = lazySchema(() =>
  z
    .object({ assessmentId: Id, answerId: z.string().nullish().transform((v) => v ?? null), ligaturePointId: Id.nullish().transform((v) => v ?? null), ...actionFields.unwrap().shape })
    .refine((a) => (a.answerId === null) !== (a.ligaturePointId === null), {
      message: 'An action belongs to exactly one answer or one ligature point',
      path: ['answerId'],
    }),
);
export const ActionUpdate = lazySchema(() => z.object({ id: Id, ...actionFields.unwrap().shape }));

export const StoredAction = lazySchema(() => z.object({
  id: Id,
  assessmentId: Id,
  answerId: z.string().nullable(),
  ligaturePointId: z.string().nullable(),
  lineageId: z.string(),
  type: z.enum(ACTION_TYPES),
  description: z.string(),
  owner: z.string(),
  dueDate: z.string().nullable(),
  priority: z.enum(ACTION_PRIORITIES),
  status: z.enum(ACTION_STATUSES),
  createdAt: z.string(),
  updatedAt: z.string(),
}));
