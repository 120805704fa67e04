import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/contract';
import type { TemplateItem } from '../../../shared/templates';
import { planCopy, planNoFindings, type FillArea, type PlannedAnswer } from '../../../shared/walk/fills';
import type { DbOrTx, ServiceContext, Tx } from '../../context';
import { insertRow } from '../../db/prepared';
import { writeTransaction } from '../../db/transactions';
import { actions, answers, assessmentAreas, assessments, fills, ligaturePoints, photos } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { recordAudit } from '../audit';
import { answerId, listAnswers } from '../assessments/answers';
import { getLigaturePoint, toPoint } from '../assessments/ligature-points';
import { pinnedTemplates } from '../assessments/pinned';
import { assertAssessorOf, assertDraft, type AssessmentView } from '../assessments/read';

// Many answers in one action: an area filled from a sample room, or an area's compliance items
// marked "no findings" (the plans are in src/shared/walk/fills.ts). Each answer written carries
// the fill's id, and a copy its sample room, until someone answers it again by hand; each is
// audited on its own, so where it came from, who filled it and when is on record. A fill can be
// undone: what it wrote and nobody has touched since goes; the rest stays.

type FillRow = typeof fills.$inferSelect;

function fillAreas(assessment: AssessmentView): FillArea[] {
  return assessment.areas.map((a) => ({ areaId: a.areaId, name: a.name, type: a.type, supervisionTier: a.supervisionTier }));
}

function allItems(tx: DbOrTx, assessment: AssessmentView): TemplateItem[] {
  return Object.values(pinnedTemplates(tx, assessment)).flatMap((t: { items: readonly TemplateItem[] }) => [...t.items]);
}

function toFill(tx: DbOrTx, row: FillRow) {
  const standing = tx.select({ n: sql<number>`count(*)` }).from(answers).where(eq(answers.fillId, row.id)).get()?.n ?? 0;
  const toConfirm =
    tx
      .select({ n: sql<number>`count(*)` })
      .from(ligaturePoints)
      .where(and(eq(ligaturePoints.fillId, row.id), isNull(ligaturePoints.copyConfirmedAt)))
      .get()?.n ?? 0;
  return {
    id: row.id,
    assessmentId: row.assessmentId,
    kind: row.kind,
    sourceAreaId: row.sourceAreaId,
    areaIds: JSON.parse(row.areaIds) as (string | null)[],
    assessorId: row.assessorId,
    createdAt: row.createdAt,
    undoneAt: row.undoneAt,
    undoneBy: row.undoneBy,
    answersStanding: standing,
    pointsToConfirm: toConfirm,
  };
}

export function listFills(tx: DbOrTx, assessmentId: string) {
  return tx
    .select()
    .from(fills)
    .where(eq(fills.assessmentId, assessmentId))
    .orderBy(fills.createdAt, fills.id)
    .all()
    .map((row) => toFill(tx, row));
}

function refuse(field: string, message: string): AppError {
  return new AppError('VALIDATION', message, [{ path: [field], message }]);
}

/** Writes the planned answers under a new fill, each audited. */
function writeFill(
  tx: Tx,
  ctx: ServiceContext,
  fill: { assessmentId: string; kind: 'copy' | 'no_findings'; sourceAreaId: string | null; areaIds: (string | null)[]; assessorId: string },
  planned: readonly PlannedAnswer[],
  pointsWritten: number,
) {
  const now = ctx.now().toISOString();
  const row: FillRow = {
    id: ctx.newId(),
    ...fill,
    areaIds: JSON.stringify(fill.areaIds),
    createdAt: now,
    answersWritten: planned.length,
    pointsWritten,
    undoneAt: null,
    undoneBy: null,
  };
  tx.insert(fills).values(row).run();
  const written = planned.map((p) => {
    const answer = {
      id: answerId(fill.assessmentId, p.itemId, p.areaId),
      assessmentId: fill.assessmentId,
      itemId: p.itemId,
      areaId: p.areaId,
      value: JSON.stringify(p.value),
      naReason: p.value === 'na' ? p.naReason : null,
      note: null,
      assessorId: fill.assessorId,
      answeredAt: now,
      fillId: row.id,
      copiedFromAreaId: fill.kind === 'copy' ? fill.sourceAreaId : null,
    };
    insertRow(tx, answers, answer);
    const stored = { ...answer, value: p.value };
    const { assessmentId: _a, ...audited } = stored;
    recordAudit(tx, ctx, 'create', 'answer', answer.id, null, audited);
    return audited;
  });
  tx.update(assessments).set({ updatedAt: now }).where(eq(assessments.id, fill.assessmentId)).run();
  return { row, written };
}

/**
 * Fills areas from a sample room of the same design: every question asked there that the sample
 * answers and the area does not yet. A ligature prompt the sample answers "risk present" brings
 * the sample's points for that prompt, each copied as a new point of the area linked to its
 * source and waiting for an assessor to confirm it there (it scores as recorded meanwhile, and
 * sign-off waits for it). Notes, photos and actions are evidence of the sample room and stay
 * with it.
 */
export function fillFromSample(ctx: ServiceContext, input: ParsedInput<'answers.fillFromSample'>) {
  return writeTransaction(ctx.db, (tx) => {
    const assessment = assertDraft(tx, input.assessmentId);
    assertAssessorOf(assessment, input.assessorId);
    const areas = fillAreas(assessment);
    const plan = planCopy({ items: allItems(tx, assessment), areas, answers: listAnswers(tx, assessment.id), sourceId: input.sourceAreaId, targetIds: input.targetAreaIds });
    if (!plan.ok) throw refuse(plan.field, plan.problem);
    if (plan.answers.length === 0) throw refuse('targetAreaIds', 'Every question the sample room answers is already answered in the areas chosen: nothing to fill');

    const sourcePoints = tx
      .select()
      .from(ligaturePoints)
      .where(and(eq(ligaturePoints.assessmentId, assessment.id), eq(ligaturePoints.areaId, input.sourceAreaId)))
      .all();
    const copies = plan.riskPresent.flatMap((prompt) => sourcePoints.filter((p) => p.itemId === prompt.itemId).map((source) => ({ source, areaId: prompt.areaId as string })));
    const targets = [...new Set(input.targetAreaIds)];
    const { row, written } = writeFill(tx, ctx, { assessmentId: assessment.id, kind: 'copy', sourceAreaId: input.sourceAreaId, areaIds: targets, assessorId: input.assessorId }, plan.answers, copies.length);

    const now = ctx.now().toISOString();
    const tierOf = new Map(assessment.areas.map((a) => [a.areaId, a.supervisionTier]));
    const points = copies.map(({ source, areaId }) => {
      const id = ctx.newId();
      insertRow(tx, ligaturePoints, {
        ...source,
        id,
        lineageId: id,
        areaId,
        // Never a lower tier than the room it is copied into: the tier's likelihood floor applies.
        tier: Math.max(source.tier, tierOf.get(areaId) ?? source.tier),
        assessorId: input.assessorId,
        createdAt: now,
        updatedAt: now,
        copiedFromPointId: source.id,
        fillId: row.id,
        copyConfirmedAt: null,
        copyConfirmedBy: null,
      });
      const point = getLigaturePoint(tx, id);
      recordAudit(tx, ctx, 'create', 'ligature_point', id, null, point);
      return point;
    });
    for (const areaId of targets) {
      tx.update(assessmentAreas)
        .set({ sampleAreaId: input.sourceAreaId })
        .where(and(eq(assessmentAreas.assessmentId, assessment.id), eq(assessmentAreas.areaId, areaId)))
        .run();
    }
    recordAudit(tx, ctx, 'create', 'fill', row.id, null, { ...row, areaIds: targets, perArea: plan.perArea });
    return { fill: toFill(tx, row), answers: written, points };
  });
}

/**
 * Marks an area walked and found in order: its unanswered yes/no compliance questions are
 * answered "yes". Never its ligature prompts, grades or measurements, which stay for the assessor.
 */
export function markNoFindings(ctx: ServiceContext, input: ParsedInput<'answers.noFindings'>) {
  return writeTransaction(ctx.db, (tx) => {
    const assessment = assertDraft(tx, input.assessmentId);
    assertAssessorOf(assessment, input.assessorId);
    const area = input.areaId === null ? null : (fillAreas(assessment).find((a) => a.areaId === input.areaId) ?? null);
    if (input.areaId !== null && !area) throw refuse('areaId', 'The area is not part of this assessment');
    const plan = planNoFindings({ items: allItems(tx, assessment), area, answers: listAnswers(tx, assessment.id) });
    if (plan.answers.length === 0) throw refuse('areaId', `Every yes/no question ${area ? `in ${area.name}` : 'for the whole ward'} is already answered: nothing to mark`);
    const { row, written } = writeFill(tx, ctx, { assessmentId: assessment.id, kind: 'no_findings', sourceAreaId: null, areaIds: [input.areaId], assessorId: input.assessorId }, plan.answers, 0);
    recordAudit(tx, ctx, 'create', 'fill', row.id, null, { ...row, areaIds: [input.areaId], left: plan.left });
    return { fill: toFill(tx, row), answers: written, points: [] };
  });
}

/** Ids among `ids` (answers or points, by column) that a photo or action hangs off. */
function withEvidence(tx: DbOrTx, column: 'answerId' | 'ligaturePointId', ids: readonly string[]): Set<string> {
  if (ids.length === 0) return new Set();
  const photoRows = tx.select({ id: photos[column] }).from(photos).where(inArray(photos[column], [...ids])).all();
  const actionRows = tx.select({ id: actions[column] }).from(actions).where(inArray(actions[column], [...ids])).all();
  return new Set([...photoRows, ...actionRows].map((r) => r.id).filter((id): id is string => id !== null));
}

/**
 * Undoes a fill: removes what it wrote that is still as it wrote it. An answer given again by
 * hand, and a copied point confirmed or changed (with its prompt's answer), are the assessor's own
 * now and stay; so does anything a photo or action hangs off.
 */
export function undoFill(ctx: ServiceContext, input: ParsedInput<'fills.undo'>) {
  return writeTransaction(ctx.db, (tx) => {
    const row = tx.select().from(fills).where(eq(fills.id, input.fillId)).get();
    if (!row) throw notFound('fill', input.fillId);
    const assessment = assertDraft(tx, row.assessmentId);
    assertAssessorOf(assessment, input.assessorId);
    if (row.undoneAt) throw new AppError('CONFLICT', `This fill was already undone on ${row.undoneAt.slice(0, 10)}.`);

    // Copied points: those still unconfirmed and bare go; a confirmed one is the assessor's now.
    const points = tx.select().from(ligaturePoints).where(eq(ligaturePoints.fillId, row.id)).all();
    const pointsWithEvidence = withEvidence(
      tx,
      'ligaturePointId',
      points.map((p) => p.id),
    );
    const removedPoints = points.filter((p) => p.copyConfirmedAt === null && !pointsWithEvidence.has(p.id));
    for (const point of removedPoints) {
      tx.delete(ligaturePoints).where(eq(ligaturePoints.id, point.id)).run();
      recordAudit(tx, ctx, 'delete', 'ligature_point', point.id, toPoint(point), null);
    }
    // A prompt whose copied point stays keeps its "risk present" answer too.
    const keptPrompts = new Set(points.filter((p) => !removedPoints.includes(p)).map((p) => `${p.itemId}|${p.areaId}`));

    const standing = tx.select().from(answers).where(eq(answers.fillId, row.id)).all();
    const answersWithEvidence = withEvidence(
      tx,
      'answerId',
      standing.map((a) => a.id),
    );
    const removedAnswers = standing.filter((a) => !answersWithEvidence.has(a.id) && !keptPrompts.has(`${a.itemId}|${a.areaId}`));
    for (const answer of removedAnswers) {
      tx.delete(answers).where(eq(answers.id, answer.id)).run();
      const { assessmentId: _a, ...before } = { ...answer, value: JSON.parse(answer.value) as unknown };
      recordAudit(tx, ctx, 'delete', 'answer', answer.id, before, null);
    }

    if (row.kind === 'copy') {
      for (const areaId of JSON.parse(row.areaIds) as string[]) {
        tx.update(assessmentAreas)
          .set({ sampleAreaId: null })
          .where(and(eq(assessmentAreas.assessmentId, row.assessmentId), eq(assessmentAreas.areaId, areaId), eq(assessmentAreas.sampleAreaId, row.sourceAreaId ?? '')))
          .run();
      }
    }
    const now = ctx.now().toISOString();
    tx.update(fills).set({ undoneAt: now, undoneBy: input.assessorId }).where(eq(fills.id, row.id)).run();
    tx.update(assessments).set({ updatedAt: now }).where(eq(assessments.id, row.assessmentId)).run();
    const result = {
      removedAnswerIds: removedAnswers.map((a) => a.id),
      keptAnswers: row.answersWritten - removedAnswers.length,
      removedPointIds: removedPoints.map((p) => p.id),
      keptPoints: row.pointsWritten - removedPoints.length,
    };
    recordAudit(tx, ctx, 'update', 'fill', row.id, { undoneAt: null }, { undoneAt: now, undoneBy: input.assessorId, ...result });
    const after = tx.select().from(fills).where(eq(fills.id, row.id)).get()!;
    return { fill: toFill(tx, after), ...result };
  });
}

function copiedPoint(tx: DbOrTx, id: string) {
  const point = getLigaturePoint(tx, id);
  if (!point.copiedFromPointId) throw new AppError('CONFLICT', `${point.element} was recorded in this room, not copied from a sample room: there is nothing to confirm.`);
  if (point.copyConfirmedAt) throw new AppError('CONFLICT', `${point.element} was already confirmed on ${point.copyConfirmedAt.slice(0, 10)}.`);
  return point;
}

/** A copied ligature point is found in its room as recorded: it is confirmed. */
export function confirmCopiedPoint(ctx: ServiceContext, input: ParsedInput<'ligaturePoints.confirmCopy'>) {
  return writeTransaction(ctx.db, (tx) => {
    const before = copiedPoint(tx, input.id);
    assertAssessorOf(assertDraft(tx, before.assessmentId), input.assessorId);
    tx.update(ligaturePoints)
      .set({ copyConfirmedAt: ctx.now().toISOString(), copyConfirmedBy: input.assessorId })
      .where(eq(ligaturePoints.id, input.id))
      .run();
    const after = getLigaturePoint(tx, input.id);
    recordAudit(tx, ctx, 'update', 'ligature_point', input.id, before, after);
    return after;
  });
}

/** A copied ligature point is not in its room: the copy is removed (refused once a photo or action hangs off it). */
export function rejectCopiedPoint(ctx: ServiceContext, input: ParsedInput<'ligaturePoints.rejectCopy'>) {
  return writeTransaction(ctx.db, (tx) => {
    const before = copiedPoint(tx, input.id);
    assertAssessorOf(assertDraft(tx, before.assessmentId), input.assessorId);
    if (withEvidence(tx, 'ligaturePointId', [input.id]).size > 0) {
      throw new AppError('CONFLICT', `${before.element} has a photo or an action: confirm it, or change it, instead of removing it.`);
    }
    tx.delete(ligaturePoints).where(eq(ligaturePoints.id, input.id)).run();
    recordAudit(tx, ctx, 'delete', 'ligature_point', input.id, before, null);
    return { id: input.id };
  });
}
