import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { timestamps } from './columns';
import { areas, wards } from './estate';
import { templates } from './templates';

// One walkthrough of one ward, and everything recorded during it. Foreign keys from here to the
// estate are RESTRICT: an assessed ward or area cannot vanish from under its evidence.

/** The assessment a row belongs to (RESTRICT, as every reference below). */
export const assessmentIdColumn = () => text('assessment_id').notNull().references(() => assessments.id, { onDelete: 'restrict' });
/** A column naming an area of the register (nullable unless `.notNull()` is added). */
export const areaColumn = (name: string) => text(name).references(() => areas.id, { onDelete: 'restrict' });
/** A column naming one of an assessment's assessors (nullable unless `.notNull()` is added). */
export const assessorColumn = (name: string) => text(name).references(() => assessors.id, { onDelete: 'restrict' });

export const assessments = sqliteTable(
  'assessments',
  {
    id: text('id').primaryKey(),
    wardId: text('ward_id')
      .notNull()
      .references(() => wards.id, { onDelete: 'restrict' }),
    round: text('round').notNull(),
    assessedOn: text('assessed_on').notNull(),
    status: text('status', { enum: ['draft', 'signed_off'] })
      .notNull()
      .default('draft'),
    ...timestamps,
    announced: integer('announced', { mode: 'boolean' }).notNull().default(true),
    signedOffAt: text('signed_off_at'),
    signedOffBy: text('signed_off_by'),
    /** The same ward's earlier assessment this round follows on from (for re-checks). */
    previousAssessmentId: text('previous_assessment_id'),
    /**
     * The ward's type and bed count as they were when the assessment was signed off (null while a
     * draft, which scores against the register as it is). A signed-off score must never move when
     * the register is edited later.
     */
    wardType: text('ward_type'),
    bedCount: integer('bed_count'),
    /**
     * Where the ward-level questions sit in the walk: before the area at this position of the
     * route (0 = first, before every area; the number of areas = last).
     */
    wardPosition: integer('ward_position').notNull().default(0),
  },
  (t) => [index('assessments_ward_idx').on(t.wardId)],
);

/** The four template versions an assessment was started with. */
export const assessmentTemplates = sqliteTable(
  'assessment_templates',
  {
    assessmentId: assessmentIdColumn(),
    domain: text('domain').notNull(),
    templateKey: text('template_key')
      .notNull()
      .references(() => templates.key, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.domain] })],
);

export const assessors = sqliteTable(
  'assessors',
  {
    id: text('id').primaryKey(),
    assessmentId: assessmentIdColumn(),
    name: text('name').notNull(),
    role: text('role', { enum: ['estates', 'clinical', 'lay'] }).notNull(),
    position: integer('position').notNull(),
  },
  (t) => [index('assessors_assessment_idx').on(t.assessmentId)],
);

/**
 * The ward's areas as they were assessed: name, type and tier are copied when the assessment
 * starts (or when an area is added during the walkthrough), so later register edits never change
 * a signed-off score.
 */
export const assessmentAreas = sqliteTable(
  'assessment_areas',
  {
    assessmentId: assessmentIdColumn(),
    areaId: areaColumn('area_id').notNull(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    supervisionTier: integer('supervision_tier').notNull(),
    /** Place in the assessor's route through the ward (0 first); ties fall back to the name. */
    position: integer('position').notNull().default(0),
    /**
     * The sample room this area was declared to share a design with ("as Bedroom 1"), when its
     * unanswered questions were filled from it; null when it was walked on its own.
     */
    sampleAreaId: areaColumn('sample_area_id'),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.areaId] })],
);

/**
 * One action that answered many questions at once: an area filled from a sample room ("copy"),
 * or an area's compliance items marked "no findings". Each answer (and copied ligature point) it
 * wrote carries its id until someone touches it, so it can be shown as such and undone.
 */
export const fills = sqliteTable(
  'fills',
  {
    id: text('id').primaryKey(),
    assessmentId: assessmentIdColumn(),
    kind: text('kind', { enum: ['copy', 'no_findings'] }).notNull(),
    /** The sample room copied from (kind copy); null for no findings. */
    sourceAreaId: areaColumn('source_area_id'),
    /** JSON array of the area ids filled (null in it: the ward-level questions). */
    areaIds: text('area_ids').notNull(),
    assessorId: assessorColumn('assessor_id').notNull(),
    createdAt: text('created_at').notNull(),
    /** How many answers and copied ligature points it wrote. */
    answersWritten: integer('answers_written').notNull(),
    pointsWritten: integer('points_written').notNull(),
    undoneAt: text('undone_at'),
    undoneBy: assessorColumn('undone_by'),
  },
  (t) => [index('fills_assessment_idx').on(t.assessmentId)],
);

/**
 * One answer to one item, in one area or at ward level. The id is derived from what it answers
 * ("<assessment>:<item>:<area or ward>") so the same answer has the same id on every machine.
 */
export const answers = sqliteTable(
  'answers',
  {
    id: text('id').primaryKey(),
    assessmentId: assessmentIdColumn(),
    itemId: text('item_id').notNull(),
    areaId: areaColumn('area_id'),
    /** JSON: a response word ("yes", "B", "risk_present") or a number. */
    value: text('value').notNull(),
    naReason: text('na_reason'),
    note: text('note'),
    assessorId: assessorColumn('assessor_id').notNull(),
    answeredAt: text('answered_at').notNull(),
    /** The fill that wrote this answer, until the answer is given again by hand. */
    fillId: text('fill_id').references(() => fills.id, { onDelete: 'restrict' }),
    /** The sample room the answer was copied from, until it is given again by hand. */
    copiedFromAreaId: areaColumn('copied_from_area_id'),
  },
  (t) => [index('answers_assessment_idx').on(t.assessmentId)],
);

export const ligaturePoints = sqliteTable(
  'ligature_points',
  {
    id: text('id').primaryKey(),
    assessmentId: assessmentIdColumn(),
    areaId: areaColumn('area_id').notNull(),
    /** The ligature prompt it was recorded from, if any. */
    itemId: text('item_id'),
    /** Shared by the same physical point across rounds, so its history can be followed. */
    lineageId: text('lineage_id').notNull(),
    element: text('element').notNull(),
    heightBand: text('height_band').notNull(),
    tier: integer('tier').notNull(),
    /** Why the point's tier is below its area's (required then; without it the area's tier is scored). */
    tierReason: text('tier_reason'),
    description: text('description').notNull(),
    /** JSON array of { kind, description }. */
    controls: text('controls').notNull(),
    likelihoodBefore: integer('likelihood_before').notNull(),
    severityBefore: integer('severity_before').notNull(),
    likelihoodAfter: integer('likelihood_after').notNull(),
    severityAfter: integer('severity_after').notNull(),
    assessorId: assessorColumn('assessor_id').notNull(),
    ...timestamps,
    /**
     * A high or extreme residual risk resting on an "other" control alone is confirmed by the lead
     * at sign-off: who (the signing assessor's name) and when. Null otherwise; never copied to a
     * later round, which confirms afresh.
     */
    otherControlConfirmedBy: text('other_control_confirmed_by'),
    otherControlConfirmedAt: text('other_control_confirmed_at'),
    /**
     * A point copied from a sample room's point (fill kind copy): the source point's id. It
     * scores as recorded, but stays "to confirm" (and blocks sign-off) until an assessor has
     * confirmed it in this room, changed it, or found it is not there.
     */
    copiedFromPointId: text('copied_from_point_id'),
    fillId: text('fill_id').references(() => fills.id, { onDelete: 'restrict' }),
    copyConfirmedAt: text('copy_confirmed_at'),
    copyConfirmedBy: assessorColumn('copy_confirmed_by'),
  },
  (t) => [index('ligature_points_assessment_idx').on(t.assessmentId)],
);

/** A remedial action on a "no"/"partial" answer or on a ligature point. */
export const actions = sqliteTable(
  'actions',
  {
    id: text('id').primaryKey(),
    assessmentId: assessmentIdColumn(),
    answerId: text('answer_id').references(() => answers.id, { onDelete: 'restrict' }),
    ligaturePointId: text('ligature_point_id').references(() => ligaturePoints.id, { onDelete: 'restrict' }),
    lineageId: text('lineage_id').notNull(),
    type: text('type').notNull(),
    description: text('description').notNull(),
    owner: text('owner').notNull(),
    dueDate: text('due_date'),
    priority: text('priority').notNull(),
    status: text('status').notNull(),
    ...timestamps,
  },
  (t) => [index('actions_assessment_idx').on(t.assessmentId)],
);

/**
 * A photo taken during the walkthrough, attached to one answer or one ligature point. The bytes
 * are stored here (metadata such as EXIF/GPS already stripped) with their SHA-256, so the evidence
 * travels with the database and can be checked.
 */
export const photos = sqliteTable(
  'photos',
  {
    id: text('id').primaryKey(),
    assessmentId: assessmentIdColumn(),
    answerId: text('answer_id').references(() => answers.id, { onDelete: 'restrict' }),
    ligaturePointId: text('ligature_point_id').references(() => ligaturePoints.id, { onDelete: 'restrict' }),
    /** Lower-case hex SHA-256 of `bytes`. */
    sha256: text('sha256').notNull(),
    mimeType: text('mime_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    width: integer('width'),
    height: integer('height'),
    caption: text('caption'),
    /**
     * The assessor's mark-up (arrows, circles, short labels) as JSON, drawn over the photo: a
     * separate layer, so the stored bytes stay the untouched original.
     */
    markup: text('markup'),
    bytes: blob('bytes', { mode: 'buffer' }).notNull(),
    assessorId: assessorColumn('assessor_id').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('photos_assessment_idx').on(t.assessmentId)],
);

/**
 * In a new round, each ligature point and action still open from the previous round is put in
 * front of the assessor again. One row per carried item records what they found: removed, still
 * present or changed. For "still present" and "changed" the point (or action) is recorded again in
 * this assessment under the same lineage id, so it keeps its history across rounds.
 */
export const rechecks = sqliteTable(
  'rechecks',
  {
    id: text('id').primaryKey(),
    assessmentId: assessmentIdColumn(),
    subject: text('subject', { enum: ['ligature_point', 'action'] }).notNull(),
    /** The previous round's ligature point or action. */
    previousId: text('previous_id').notNull(),
    lineageId: text('lineage_id').notNull(),
    /** Null until the assessor has re-checked it. */
    outcome: text('outcome', { enum: ['removed', 'still_present', 'changed'] }),
    /** The point or action recorded in this assessment, for "still present" and "changed". */
    currentId: text('current_id'),
    note: text('note'),
    assessorId: assessorColumn('assessor_id'),
    decidedAt: text('decided_at'),
  },
  (t) => [uniqueIndex('rechecks_subject_idx').on(t.assessmentId, t.subject, t.previousId)],
);

/**
 * The engine's result for a signed-off (or imported) assessment, kept so that site, board and
 * national views need not re-score thousands of answers on every screen. Valid because such an
 * assessment is read-only and scored against pinned template versions; `engine` records which
 * scoring-engine version computed it, so a later engine can recompute rather than trust it.
 */
export const assessmentScores = sqliteTable('assessment_scores', {
  assessmentId: text('assessment_id')
    .primaryKey()
    .references(() => assessments.id, { onDelete: 'restrict' }),
  engine: text('engine').notNull(),
  /** JSON of WardScores. */
  scores: text('scores').notNull(),
  computedAt: text('computed_at').notNull(),
});
