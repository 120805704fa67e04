import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { buildScoringInput } from '../../../shared/exchange/scoring-input';
import { provisionalScores } from '../../../shared/merge/provisional-scoring';
import { SCORING_ENGINE_VERSION, scoreWard, type AnswerValue, type PinnedTemplates, type WardScores, type WardScoringInput } from '../../../shared/scoring';
import type { SupervisionTier, WardType } from '../../../shared/domain/estate';
import type { Domain } from '../../../shared/templates';
import type { DbOrTx } from '../../context';
import { actions, answers, assessmentAreas, assessments, assessmentScores, assessmentTemplates, ligaturePoints, wards } from '../../db/schema';
import { notFound } from '../../errors';
import { conflictsForScoring, withConflicts } from '../merge/scoring';
import type { listActions } from './actions';
import { listLigaturePoints, toPoint } from './ligature-points';
import { pinnedTemplate, pinnedTemplates } from './pinned';
import { byAreaName, getAssessment, type AssessmentView } from './read';

// Scoring reads only the columns the engine uses (the whole nation is scored at once for
// comparison, so each ward's read must stay small): no notes or timestamps of answers. The
// engine's input is built by the same function an exchange file's verification uses.

type PointAction = Pick<ReturnType<typeof listActions>[number], 'id' | 'ligaturePointId' | 'type' | 'status' | 'dueDate'>;

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
    // Scoring lists areas by name, whatever route the assessor walks.
    areas: [...assessment.areas].sort(byAreaName),
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

/**
 * Many assessments scored at once, with the same result as scoreAssessment for each (a test
 * holds them equal). National views score hundreds of assessments: reading them one at a time
 * costs a dozen queries each and most of the time went on reading ~230,000 answer rows through
 * the query builder. Here each table is read once for all of them (answers as raw rows), and
 * each distinct stored value is parsed once. Ids not found are left out of the result.
 */
export function scoreAssessments(tx: DbOrTx, assessmentIds: readonly string[]): Map<string, ReturnType<typeof scoreAssessment>> {
  const result = new Map<string, ReturnType<typeof scoreAssessment>>();
  if (assessmentIds.length === 0) return result;
  const ids = JSON.stringify([...new Set(assessmentIds)]);
  const inIds = (column: SQLiteColumn) => sql`${column} IN (SELECT value FROM json_each(${ids}))`;

  const heads = tx
    .select({
      id: assessments.id,
      assessedOn: assessments.assessedOn,
      status: assessments.status,
      wardId: wards.id,
      // As scoringInput: the ward as signed off when frozen, else the register's ward.
      wardType: sql<string>`coalesce(${assessments.wardType}, ${wards.type})`,
      bedCount: sql<number>`coalesce(${assessments.bedCount}, ${wards.bedCount})`,
    })
    .from(assessments)
    .innerJoin(wards, eq(wards.id, assessments.wardId))
    .where(inIds(assessments.id))
    .all();
  const pins = groupBy(tx.select().from(assessmentTemplates).where(inIds(assessmentTemplates.assessmentId)).all(), (p) => p.assessmentId);
  const areas = groupBy(tx.select().from(assessmentAreas).where(inIds(assessmentAreas.assessmentId)).all(), (a) => a.assessmentId);
  const points = groupBy(tx.select().from(ligaturePoints).where(inIds(ligaturePoints.assessmentId)).all().map(toPoint), (p) => p.assessmentId);
  const pointActions = groupBy(
    tx
      .select({ assessmentId: actions.assessmentId, id: actions.id, ligaturePointId: actions.ligaturePointId, type: actions.type, status: actions.status, dueDate: actions.dueDate })
      .from(actions)
      .where(and(inIds(actions.assessmentId), isNotNull(actions.ligaturePointId)))
      .all() as (PointAction & { assessmentId: string })[],
    (a) => a.assessmentId,
  );
  // Answers are read per assessment, as raw rows, by one statement prepared for the batch, and
  // scored straight away: reading them all at once kept ~230,000 rows alive together and the
  // garbage collector cost more than the read. Each distinct stored value is parsed once.
  const readAnswers = tx
    .select({ itemId: answers.itemId, areaId: answers.areaId, value: answers.value, naReason: answers.naReason })
    .from(answers)
    .where(eq(answers.assessmentId, sql.placeholder('id')))
    .prepare();
  const parsed = new Map<string, AnswerValue>();
  const parse = (stored: string): AnswerValue => {
    let value = parsed.get(stored);
    if (value === undefined) {
      value = JSON.parse(stored) as AnswerValue;
      parsed.set(stored, value);
    }
    return value;
  };

  const conflicted = withConflicts(tx, heads.filter((h) => h.status === 'draft').map((h) => h.id));
  for (const head of heads) {
    // A draft with conflicts from merged devices scores as scoreAssessment says (one rule, one place).
    if (conflicted.has(head.id)) {
      result.set(head.id, scoreAssessment(tx, head.id));
      continue;
    }
    const pinned = Object.fromEntries((pins.get(head.id) ?? []).map((p) => [p.domain, p.templateKey])) as Record<Domain, string>;
    const templates = { quality: pinned.quality, safety: pinned.safety, ligature: pinned.ligature, therapeutic: pinned.therapeutic };
    const assessmentAreasSorted = (areas.get(head.id) ?? [])
      .map((a) => ({ areaId: a.areaId, name: a.name, type: a.type, supervisionTier: a.supervisionTier as SupervisionTier }))
      .sort(byAreaName);
    const input = buildScoringInput({
      ward: { id: head.wardId, type: head.wardType as WardType, bedCount: head.bedCount },
      areas: assessmentAreasSorted,
      answers: (readAnswers.values({ id: head.id }) as [string, string | null, string, string | null][]).map(([itemId, areaId, value, naReason]) => ({ itemId, areaId, value: parse(value), naReason })),
      points: points.get(head.id) ?? [],
      actions: pointActions.get(head.id) ?? [],
      assessedOn: head.assessedOn,
    });
    const pinnedSet = {
      quality: pinnedTemplate(tx, templates.quality),
      safety: pinnedTemplate(tx, templates.safety),
      ligature: pinnedTemplate(tx, templates.ligature),
      therapeutic: pinnedTemplate(tx, templates.therapeutic),
    } as PinnedTemplates;
    result.set(head.id, { assessmentId: head.id, status: head.status, templates, scores: scoreWard(pinnedSet, input), conflicts: [] });
  }
  return result;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
