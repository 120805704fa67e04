import { and, eq, isNotNull } from 'drizzle-orm';
import { buildScoringInput } from '../../../shared/exchange/scoring-input';
import { provisionalScores } from '../../../shared/merge/provisional-scoring';
import {
  SCORING_ENGINE_VERSION,
  scoreWard,
  scoreWardAnswers,
  type AnswerColumns,
  type AnswerValue,
  type HeightBand,
  type LigatureControl,
  type PinnedTemplates,
  type WardScores,
  type WardScoringInput,
} from '../../../shared/scoring';
import { mapPacked } from '../../../shared/scoring/packed';
import type { SupervisionTier, WardType } from '../../../shared/domain/estate';
import type { Domain, Template } from '../../../shared/templates';
import type { DbOrTx } from '../../context';
import { statement } from '../../db/prepared';
import { actions, answers, assessmentScores, wards } from '../../db/schema';
import { notFound } from '../../errors';
import { conflictsForScoring, withConflicts } from '../merge/scoring';
import type { listActions } from './actions';
import { listLigaturePoints } from './ligature-points';
import { pinnedTemplate, pinnedTemplates } from './pinned';
import { getAssessment, type AssessmentView } from './read';

// Scoring reads only the columns the engine uses (the whole nation is scored at once for
// comparison, so each ward's read must stay small): no notes or timestamps of answers. The
// engine's input is built by the same function an exchange file's verification uses.

type PointAction = Pick<ReturnType<typeof listActions>[number], 'id' | 'ligaturePointId' | 'type' | 'status' | 'dueDate'>;

// The records scoreAssessments reads, one array of values each (in its statement's column order).
type AreaRow = [areaId: string, name: string, type: string, supervisionTier: SupervisionTier];
type PointRow = [
  id: string,
  areaId: string,
  itemId: string | null,
  tier: SupervisionTier,
  tierReason: string | null,
  element: string,
  heightBand: HeightBand,
  likelihoodBefore: number,
  severityBefore: number,
  likelihoodAfter: number,
  severityAfter: number,
  controls: LigatureControl[],
  copiedFromPointId: string | null,
  copyConfirmedAt: string | null,
];
type ActionRow = [id: string, ligaturePointId: string, type: PointAction['type'], status: PointAction['status'], dueDate: string | null];

/** Everything the engine needs, read from the store: the assessment as recorded. */
export function scoringInput(tx: DbOrTx, assessmentId: string, known?: AssessmentView): WardScoringInput {
  return buildScoringInput(recordedForScoring(tx, assessmentId, known));
}

/** The records the engine's input is built from (see buildScoringInput). */
function recordedForScoring(tx: DbOrTx, assessmentId: string, known?: AssessmentView): Parameters<typeof buildScoringInput>[0] {
  const assessment = known ?? getAssessment(tx, assessmentId);
  const ward = tx.select({ id: wards.id, type: wards.type, bedCount: wards.bedCount }).from(wards).where(eq(wards.id, assessment.wardId)).get();
  if (!ward) throw notFound('ward', assessment.wardId);
  const pointActions = tx
    .select({ id: actions.id, ligaturePointId: actions.ligaturePointId, type: actions.type, status: actions.status, dueDate: actions.dueDate })
    .from(actions)
    .where(and(eq(actions.assessmentId, assessmentId), isNotNull(actions.ligaturePointId)))
    .all() as PointAction[];
  const recorded = tx
    .select({ itemId: answers.itemId, areaId: answers.areaId, value: answers.value, naReason: answers.naReason })
    .from(answers)
    .where(eq(answers.assessmentId, assessmentId))
    .all();
  return {
    // A signed-off assessment scores against the ward as it was when signed off; a draft against the register.
    ward: { id: ward.id, type: (assessment.wardType ?? ward.type) as WardType, bedCount: assessment.bedCount ?? ward.bedCount },
    // Scoring lists areas by name, whatever route the assessor walks (buildScoringInput orders them).
    areas: assessment.areas,
    answers: recorded.map((a) => ({ itemId: a.itemId, areaId: a.areaId, value: JSON.parse(a.value) as AnswerValue, naReason: a.naReason })),
    points: listLigaturePoints(tx, assessmentId),
    actions: pointActions,
    assessedOn: assessment.assessedOn,
  };
}

/**
 * The assessment scored now, by this engine, against the exact template versions it pinned. While
 * records merged from another device are in conflict (a draft only), it scores provisionally on the
 * safe side and names the records in conflict (services/merge/scoring.ts).
 */
export function scoreAssessment(tx: DbOrTx, assessmentId: string) {
  const assessment = getAssessment(tx, assessmentId);
  const templates = pinnedTemplates(tx, assessment);
  const conflicts = assessment.status === 'draft' ? conflictsForScoring(tx, assessmentId) : null;
  return {
    assessmentId,
    status: assessment.status,
    templates: assessment.templates,
    scores: conflicts
      ? provisionalScores(templates, recordedForScoring(tx, assessmentId, assessment), conflicts.versions)
      : scoreWard(templates, scoringInput(tx, assessmentId, assessment)),
    conflicts: conflicts?.records ?? [],
  };
}

/**
 * The result an assessment stands by, and which engine computed it. A signed-off (or imported)
 * assessment keeps the result it was signed off with, whatever engine this app now runs: a
 * signed-off rating is never silently re-rated. A draft is scored now. (A signed-off assessment
 * from before results were kept has none: it is scored now, and says so with `kept: false`.)
 */
export function assessmentResult(tx: DbOrTx, assessmentId: string) {
  const kept = tx.select().from(assessmentScores).where(eq(assessmentScores.assessmentId, assessmentId)).get();
  const assessment = getAssessment(tx, assessmentId);
  if (kept && assessment.status === 'signed_off') {
    return { assessmentId, status: assessment.status, templates: assessment.templates, engine: kept.engine, kept: true, scores: JSON.parse(kept.scores) as WardScores, conflicts: [] };
  }
  return { ...scoreAssessment(tx, assessmentId), engine: SCORING_ENGINE_VERSION, kept: false };
}

// The commonest stored answers (JSON text, exactly as the answer service writes them) come from
// SQLite as their position in this list, so that neither side escapes, unescapes or looks up the
// ~200,000 of them; any other stored text comes as it is and is parsed (once per distinct text).
const COMMON_VALUES: readonly AnswerValue[] = ['yes', 'no_risk', 'partial', 'no', 'risk_present', 'na'];
const COMMON_AS_NUMBERS = `CASE value ${COMMON_VALUES.map((v, i) => `WHEN '${JSON.stringify(v)}' THEN ${i}`).join(' ')} ELSE value END`;

/**
 * Many assessments scored at once, with the same result as scoreAssessment for each (tests hold
 * them equal, awkward stored text included). National views score hundreds of assessments and
 * ~230,000 answers: the statements are prepared once per connection, and each assessment's
 * records are read in one step, SQLite writing each table as JSON (the answers one list per
 * column) that V8 parses whole: bringing the answer rows into JavaScript cell by cell, an object
 * per row, cost more than scoring them. The engine takes the answers as those lists. Each
 * assessment is read and scored in turn (reading them all first kept every one alive together,
 * and the garbage collector cost more than the read), and each distinct stored value is parsed
 * once. Ids not found are left out of the result.
 */
export function scoreAssessments(tx: DbOrTx, assessmentIds: readonly string[]): Map<string, ReturnType<typeof scoreAssessment>> {
  const result = new Map<string, ReturnType<typeof scoreAssessment>>();
  if (assessmentIds.length === 0) return result;
  const ids = JSON.stringify([...new Set(assessmentIds)]);
  // Every row of these assessments, as arrays of values (no object per row).
  const rowsOf = <Row>(text: string) => statement(tx, text.replace('IN_IDS', 'IN (SELECT value FROM json_each(?))'), 'arrays').all(ids) as Row[];

  // As scoringInput: the ward as signed off when frozen, else the register's ward.
  const heads = rowsOf<Head>(
    `SELECT a.id, a.assessed_on, a.status, w.id, coalesce(a.ward_type, w.type), coalesce(a.bed_count, w.bed_count)
     FROM assessments a JOIN wards w ON w.id = a.ward_id WHERE a.id IN_IDS`,
  );
  const pins = groupBy(rowsOf<[string, Domain, string]>('SELECT assessment_id, domain, template_key FROM assessment_templates WHERE assessment_id IN_IDS'));
  // Each assessment's records in one step: SQLite writes each table's rows as one JSON array (the
  // stored answer values and controls, already JSON, go in as they are) and V8 parses it whole.
  // Bringing ~230,000 answer rows into JavaScript one cell at a time cost more than scoring them.
  const readRecords = statement(
    tx,
    `SELECT
       (SELECT json_group_array(json_array(area_id, name, type, supervision_tier)) FROM assessment_areas WHERE assessment_id = @id),
       (SELECT json_group_array(json_array(id, area_id, item_id, tier, tier_reason, element, height_band, likelihood_before, severity_before,
                                           likelihood_after, severity_after, json(controls), copied_from_point_id, copy_confirmed_at))
        FROM ligature_points WHERE assessment_id = @id),
       (SELECT json_group_array(json_array(id, ligature_point_id, type, status, due_date)) FROM actions WHERE assessment_id = @id AND ligature_point_id IS NOT NULL),
       -- The answers by column: four lists in one pass over the same rows, so the same order.
       answers.* FROM (SELECT json_group_array(item_id), json_group_array(area_id), json_group_array(${COMMON_AS_NUMBERS}), json_group_array(na_reason) FROM answers WHERE assessment_id = @id) answers`,
    'arrays',
  );
  // The stored values, JSON each, are few and short: each distinct one is parsed once.
  const parsed = new Map<string, AnswerValue>();
  const templateOf = new Map<string, Template>();

  const conflicted = withConflicts(tx, heads.filter(([, , status]) => status === 'draft').map(([id]) => id));
  for (const head of heads) {
    const id = head[0];
    // A draft with conflicts from merged devices scores as scoreAssessment says (one rule, one place).
    if (conflicted.has(id)) result.set(id, scoreAssessment(tx, id));
    else result.set(id, scoreRecorded(tx, head, pins.get(id) ?? [], readRecords.get({ id }) as string[], parsed, templateOf));
  }
  return result;
}

type Head = [id: string, assessedOn: string, status: 'draft' | 'signed_off', wardId: string, wardType: string, bedCount: number];

/**
 * One assessment of scoreAssessments, scored from its records as read. A function of its own
 * rather than the body of the loop: called once per assessment, V8 optimises it on its own, which
 * measured 5–8% less CPU than the same work inside a function called once per national view.
 */
function scoreRecorded(
  tx: DbOrTx,
  [id, assessedOn, status, wardId, wardType, bedCount]: Head,
  pins: readonly [string, Domain, string][],
  records: readonly string[],
  parsed: Map<string, AnswerValue>,
  templateOf: Map<string, Template>,
): ReturnType<typeof scoreAssessment> {
  const pinned = Object.fromEntries(pins.map(([, domain, key]) => [domain, key])) as Record<Domain, string>;
  const templates = { quality: pinned.quality, safety: pinned.safety, ligature: pinned.ligature, therapeutic: pinned.therapeutic };
  const [areaRows, pointRows, actionRows, itemIds, areaIds, values, naReasons] = mapPacked(records, (json) => JSON.parse(json) as unknown[]) as [
    AreaRow[],
    PointRow[],
    ActionRow[],
    string[],
    (string | null)[],
    (string | number)[],
    (string | null)[],
  ];
  // The answers go to the engine as these lists, with no object made for each.
  const answers: AnswerColumns = { itemIds, areaIds, values: mapPacked(values, (stored) => (typeof stored === 'number' ? COMMON_VALUES[stored]! : parseStored(parsed, stored))), naReasons };
  const input = buildScoringInput({
    ward: { id: wardId, type: wardType as WardType, bedCount },
    areas: mapPacked(areaRows, ([areaId, name, type, supervisionTier]) => ({ areaId, name, type, supervisionTier })),
    answers: [],
    points: mapPacked(
      pointRows,
      ([pointId, areaId, itemId, tier, tierReason, element, heightBand, likelihoodBefore, severityBefore, likelihoodAfter, severityAfter, controls, copiedFromPointId, copyConfirmedAt]) => ({
        id: pointId,
        areaId,
        itemId,
        tier,
        tierReason,
        element,
        heightBand,
        likelihoodBefore,
        severityBefore,
        likelihoodAfter,
        severityAfter,
        controls,
        // A point copied from a sample room and not yet confirmed in its own room (the ward round).
        copiedFromPointId,
        copyConfirmedAt,
      }),
    ),
    actions: mapPacked(actionRows, ([actionId, ligaturePointId, type, actionStatus, dueDate]) => ({ id: actionId, ligaturePointId, type, status: actionStatus, dueDate })),
    assessedOn,
  });
  const pinnedSet = {
    quality: pinnedTemplateOf(tx, templateOf, templates.quality),
    safety: pinnedTemplateOf(tx, templateOf, templates.safety),
    ligature: pinnedTemplateOf(tx, templateOf, templates.ligature),
    therapeutic: pinnedTemplateOf(tx, templateOf, templates.therapeutic),
  } as PinnedTemplates;
  return { assessmentId: id, status, templates, scores: scoreWardAnswers(pinnedSet, input, answers), conflicts: [] };
}

/** A stored answer value (JSON), parsed once however often it is stored. */
function parseStored(parsed: Map<string, AnswerValue>, stored: string): AnswerValue {
  let value = parsed.get(stored);
  if (value === undefined) parsed.set(stored, (value = JSON.parse(stored) as AnswerValue));
  return value;
}

/** A pinned template by its key, read once per national view. */
function pinnedTemplateOf(tx: DbOrTx, templateOf: Map<string, Template>, key: string): Template {
  let template = templateOf.get(key);
  if (!template) templateOf.set(key, (template = pinnedTemplate(tx, key)));
  return template;
}

/** Rows grouped by their first value (the assessment they belong to). */
function groupBy<Row extends readonly unknown[]>(rows: readonly Row[]): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = row[0] as string;
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}
