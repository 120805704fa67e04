import { and, asc, eq, inArray } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/contract';
import type { DbOrTx, ServiceContext } from '../../context';
import { derivedId } from '../../derived-id';
import { actions, answers, assessments, ligaturePoints, photos, rechecks } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { recordAudit } from '../audit';
import { listActions, toAction } from '../assessments/actions';
import { answerId } from '../assessments/answers';
import { getLigaturePoint, listLigaturePoints } from '../assessments/ligature-points';
import { pinnedTemplate } from '../assessments/pinned';
import { assertAssessorOf, assertDraft, getAssessment, type AssessmentView } from '../assessments/read';
import { writeTransaction } from '../../db/transactions';
import { compareNames } from '../../../shared/names';

// A new round re-checks what the previous one left: every ligature point, and every action not
// complete. The assessor records removed / still present / changed; a point or action still there
// is copied into the new assessment under the same lineage id, so its history follows it.

type RecheckRow = typeof rechecks.$inferSelect;

/** Called by assessments.start when the ward's previous assessment is signed off. */
export function createRechecks(tx: DbOrTx, ctx: ServiceContext, assessmentId: string, previousAssessmentId: string): number {
  const points = listLigaturePoints(tx, previousAssessmentId);
  const open = listActions(tx, previousAssessmentId).filter((a) => a.status !== 'complete');
  const rows = [
    ...points.map((p) => ({ subject: 'ligature_point' as const, previousId: p.id, lineageId: p.lineageId })),
    ...open.map((a) => ({ subject: 'action' as const, previousId: a.id, lineageId: a.lineageId })),
  ];
  for (const row of rows) tx.insert(rechecks).values({ id: ctx.newId(), assessmentId, ...row }).run();
  return rows.length;
}

/**
 * Every re-check of an assessment with the previous round's record: points (by area), then
 * actions. `only`: just these re-checks (deciding one must not read them all again).
 */
export function recheckSummaries(tx: DbOrTx, assessmentId: string, only?: readonly string[]) {
  const assessment = getAssessment(tx, assessmentId);
  const rows = tx
    .select()
    .from(rechecks)
    .where(only ? and(eq(rechecks.assessmentId, assessmentId), inArray(rechecks.id, [...only])) : eq(rechecks.assessmentId, assessmentId))
    .all();
  if (rows.length === 0) return [];
  const previous = assessment.previousAssessmentId ? getAssessment(tx, assessment.previousAssessmentId) : null;
  const pointIds = rows.filter((r) => r.subject === 'ligature_point').map((r) => r.previousId);
  const actionIds = rows.filter((r) => r.subject === 'action').map((r) => r.previousId);
  const points = new Map(
    (pointIds.length > 0 ? tx.select({ id: ligaturePoints.id }).from(ligaturePoints).where(inArray(ligaturePoints.id, pointIds)).all() : []).map((p) => [p.id, getLigaturePoint(tx, p.id)]),
  );
  const previousActions = new Map(
    (actionIds.length > 0 ? tx.select().from(actions).where(inArray(actions.id, actionIds)).all() : []).map((a) => [a.id, toAction(a)]),
  );
  const names = new Map([...(previous?.areas ?? []), ...assessment.areas].map((a) => [a.areaId, a.name]));

  const entries = rows.map((row) => {
    const previousPoint = row.subject === 'ligature_point' ? (points.get(row.previousId) ?? null) : null;
    const previousAction = row.subject === 'action' ? (previousActions.get(row.previousId) ?? null) : null;
    let areaId: string | null = previousPoint?.areaId ?? null;
    let summary = previousPoint ? `${previousPoint.element}: ${previousPoint.description}` : '';
    if (previousAction) {
      summary = previousAction.description;
      if (previousAction.ligaturePointId) {
        const point = tx.select({ areaId: ligaturePoints.areaId, element: ligaturePoints.element }).from(ligaturePoints).where(eq(ligaturePoints.id, previousAction.ligaturePointId)).get();
        areaId = point?.areaId ?? null;
        if (point) summary = `${point.element}: ${previousAction.description}`;
      } else if (previousAction.answerId) {
        const answer = tx.select({ itemId: answers.itemId, areaId: answers.areaId }).from(answers).where(eq(answers.id, previousAction.answerId)).get();
        areaId = answer?.areaId ?? null;
        if (answer) summary = `${answer.itemId}: ${previousAction.description}`;
      }
    }
    return {
      ...toRecheck(row),
      previousPoint,
      previousAction,
      areaName: areaId ? (names.get(areaId) ?? null) : null,
      summary,
    };
  });
  return entries.sort(
    (a, b) =>
      (a.subject === b.subject ? 0 : a.subject === 'ligature_point' ? -1 : 1) ||
      compareNames(a.areaName ?? '', b.areaName ?? '') ||
      compareNames(a.summary, b.summary),
  );
}

function toRecheck(row: RecheckRow) {
  return {
    id: row.id,
    assessmentId: row.assessmentId,
    subject: row.subject,
    previousId: row.previousId,
    lineageId: row.lineageId,
    outcome: row.outcome,
    currentId: row.currentId,
    note: row.note,
    assessorId: row.assessorId,
    decidedAt: row.decidedAt,
  };
}

function refuse(message: string, field = 'outcome'): AppError {
  return new AppError('CONFLICT', message, [{ path: [field], message }]);
}

/**
 * The id of the copy a re-check makes: derived from the re-check, so two devices deciding the
 * same re-check make the same record, which merges as one (see services/merge).
 */
function copyId(recheckId: string): string {
  return derivedId(`recheck-copy:${recheckId}`);
}

function copyPoint(tx: DbOrTx, ctx: ServiceContext, assessment: AssessmentView, recheckId: string, previousId: string, assessorId: string): string {
  const previous = tx.select().from(ligaturePoints).where(eq(ligaturePoints.id, previousId)).get();
  if (!previous) throw notFound('ligature point', previousId);
  if (!assessment.areas.some((a) => a.areaId === previous.areaId)) {
    throw refuse('The area this point was in is not part of this assessment: add the area first');
  }
  // The prompt it was recorded from may not exist in this round's ligature checklist version.
  const prompts = pinnedTemplate(tx, assessment.templates.ligature).items;
  const itemId = previous.itemId && prompts.some((p) => p.id === previous.itemId) ? previous.itemId : null;
  const now = ctx.now().toISOString();
  // A lead's confirmation belongs to the round it was given in: the next sign-off confirms afresh.
  const row = { ...previous, id: copyId(recheckId), assessmentId: assessment.id, itemId, assessorId, createdAt: now, updatedAt: now, otherControlConfirmedBy: null, otherControlConfirmedAt: null };
  tx.insert(ligaturePoints).values(row).run();
  recordAudit(tx, ctx, 'create', 'ligature_point', row.id, null, { ...row, controls: JSON.parse(row.controls) as unknown, copiedFrom: previousId });
  return row.id;
}

function copyAction(tx: DbOrTx, ctx: ServiceContext, assessment: AssessmentView, recheckId: string, previousId: string): string {
  const previous = tx.select().from(actions).where(eq(actions.id, previousId)).get();
  if (!previous) throw notFound('action', previousId);
  let ligaturePointId: string | null = null;
  let newAnswerId: string | null = null;
  if (previous.ligaturePointId) {
    const pointCheck = tx
      .select()
      .from(rechecks)
      .where(and(eq(rechecks.assessmentId, assessment.id), eq(rechecks.subject, 'ligature_point'), eq(rechecks.previousId, previous.ligaturePointId)))
      .get();
    if (!pointCheck || pointCheck.outcome === null) throw refuse('Re-check the ligature point this action is for first, then the action');
    if (pointCheck.outcome === 'removed' || !pointCheck.currentId) {
      throw refuse('The ligature point this action is for was re-checked as removed, so its action cannot still be open: record the action as removed');
    }
    ligaturePointId = pointCheck.currentId;
  } else if (previous.answerId) {
    const answer = tx.select({ itemId: answers.itemId, areaId: answers.areaId }).from(answers).where(eq(answers.id, previous.answerId)).get();
    if (!answer) throw notFound('answer', previous.answerId);
    newAnswerId = answerId(assessment.id, answer.itemId, answer.areaId);
    const current = tx.select({ id: answers.id }).from(answers).where(eq(answers.id, newAnswerId)).get();
    if (!current) {
      const where = answer.areaId ? (assessment.areas.find((a) => a.areaId === answer.areaId)?.name ?? 'its area') : 'the ward';
      throw refuse(`Answer ${answer.itemId} for ${where} in this round first, then carry its action over`);
    }
  }
  const now = ctx.now().toISOString();
  const row = { ...previous, id: copyId(recheckId), assessmentId: assessment.id, answerId: newAnswerId, ligaturePointId, createdAt: now, updatedAt: now };
  tx.insert(actions).values(row).run();
  recordAudit(tx, ctx, 'create', 'action', row.id, null, { ...row, copiedFrom: previousId });
  return row.id;
}

/** Takes back a copy made by an earlier decision, if nothing has been attached to it since. */
function removeCopy(tx: DbOrTx, ctx: ServiceContext, subject: RecheckRow['subject'], id: string): void {
  if (subject === 'ligature_point') {
    const attached =
      tx.select({ id: actions.id }).from(actions).where(eq(actions.ligaturePointId, id)).get() ??
      tx.select({ id: photos.id }).from(photos).where(eq(photos.ligaturePointId, id)).get();
    if (attached) throw refuse('This point already has an action or photo in this round: remove those first, or keep it as changed');
    const before = getLigaturePoint(tx, id);
    tx.delete(ligaturePoints).where(eq(ligaturePoints.id, id)).run();
    recordAudit(tx, ctx, 'delete', 'ligature_point', id, before, null);
  } else {
    const before = tx.select().from(actions).where(eq(actions.id, id)).get();
    tx.delete(actions).where(eq(actions.id, id)).run();
    recordAudit(tx, ctx, 'delete', 'action', id, before ?? null, null);
  }
}

export function decideRecheck(ctx: ServiceContext, input: ParsedInput<'rechecks.decide'>) {
  return writeTransaction(ctx.db, (tx) => {
    const row = tx.select().from(rechecks).where(eq(rechecks.id, input.recheckId)).get();
    if (!row) throw notFound('re-check', input.recheckId);
    const assessment = assertDraft(tx, row.assessmentId);
    assertAssessorOf(assessment, input.assessorId);
    let currentId = row.currentId;
    if (input.outcome === 'removed' && currentId) {
      removeCopy(tx, ctx, row.subject, currentId);
      currentId = null;
    } else if (input.outcome !== 'removed' && !currentId) {
      currentId = row.subject === 'ligature_point' ? copyPoint(tx, ctx, assessment, row.id, row.previousId, input.assessorId) : copyAction(tx, ctx, assessment, row.id, row.previousId);
    }
    const decision = { outcome: input.outcome, note: input.note, assessorId: input.assessorId, decidedAt: ctx.now().toISOString(), currentId };
    tx.update(rechecks).set(decision).where(eq(rechecks.id, row.id)).run();
    tx.update(assessments).set({ updatedAt: decision.decidedAt }).where(eq(assessments.id, row.assessmentId)).run();
    recordAudit(tx, ctx, row.outcome === null ? 'create' : 'update', 'recheck', row.id, toRecheck(row), { ...toRecheck(row), ...decision });
    return recheckSummaries(tx, row.assessmentId, [row.id])[0]!;
  });
}

/**
 * A carried-over copy kept after all (a conflict between devices resolved in favour of the copy):
 * its re-check, if it says "removed", says "still present" again and points at the copy.
 */
export function keepRecheckCopy(tx: DbOrTx, ctx: ServiceContext, assessmentId: string, subject: RecheckRow['subject'], copy: string): void {
  const row = tx
    .select()
    .from(rechecks)
    .where(and(eq(rechecks.assessmentId, assessmentId), eq(rechecks.subject, subject)))
    .all()
    .find((r) => copyId(r.id) === copy);
  if (!row || row.currentId === copy) return;
  const change = { outcome: 'still_present' as const, currentId: copy, decidedAt: ctx.now().toISOString() };
  tx.update(rechecks).set(change).where(eq(rechecks.id, row.id)).run();
  recordAudit(tx, ctx, 'update', 'recheck', row.id, toRecheck(row), { ...toRecheck(row), ...change, reason: 'its carried-over record was kept when a conflict between devices was resolved' });
}

/** One physical point across rounds, oldest first: as recorded in each assessment, and how it was re-checked. */
export function ligaturePointHistory(tx: DbOrTx, lineageId: string) {
  const points = tx.select({ id: ligaturePoints.id, assessmentId: ligaturePoints.assessmentId }).from(ligaturePoints).where(eq(ligaturePoints.lineageId, lineageId)).all();
  const checks = tx
    .select()
    .from(rechecks)
    .where(and(eq(rechecks.lineageId, lineageId), eq(rechecks.subject, 'ligature_point')))
    .all();
  const ids = [...new Set([...points.map((p) => p.assessmentId), ...checks.map((c) => c.assessmentId)])];
  if (ids.length === 0) throw notFound('ligature point history', lineageId);
  const rounds = tx
    .select({ id: assessments.id, round: assessments.round, assessedOn: assessments.assessedOn, status: assessments.status, createdAt: assessments.createdAt })
    .from(assessments)
    .where(inArray(assessments.id, ids))
    .orderBy(asc(assessments.assessedOn), asc(assessments.createdAt))
    .all();
  return rounds.map(({ createdAt: _created, ...assessment }) => {
    const point = points.find((p) => p.assessmentId === assessment.id);
    const check = checks.find((c) => c.assessmentId === assessment.id);
    return {
      assessment,
      point: point ? getLigaturePoint(tx, point.id) : null,
      recheck: check ? { outcome: check.outcome, note: check.note, decidedAt: check.decidedAt } : null,
    };
  });
}
