import { eq } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/contract';
import type { SupervisionTier } from '../../../shared/domain/estate';
import type { LigatureControl } from '../../../shared/scoring';
import type { DbOrTx, ServiceContext } from '../../context';
import { ligaturePoints } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { recordAudit } from '../audit';
import { pinnedTemplate } from './pinned';
import { assertAssessorOf, assertDraft, type AssessmentView } from './read';

type Row = typeof ligaturePoints.$inferSelect;

export function toPoint(row: Row) {
  return {
    ...row,
    heightBand: row.heightBand as 'low_lying' | 'knee_to_head' | 'above_head',
    tier: row.tier as SupervisionTier,
    controls: JSON.parse(row.controls) as LigatureControl[],
  };
}

export function listLigaturePoints(tx: DbOrTx, assessmentId: string) {
  return tx.select().from(ligaturePoints).where(eq(ligaturePoints.assessmentId, assessmentId)).all().map(toPoint);
}

export function getLigaturePoint(tx: DbOrTx, id: string) {
  const row = tx.select().from(ligaturePoints).where(eq(ligaturePoints.id, id)).get();
  if (!row) throw notFound('ligature point', id);
  return toPoint(row);
}

function checkPlace(tx: DbOrTx, assessment: AssessmentView, input: { areaId: string; itemId: string | null; assessorId: string }) {
  assertAssessorOf(assessment, input.assessorId);
  if (!assessment.areas.some((a) => a.areaId === input.areaId)) {
    throw new AppError('VALIDATION', 'The area is not part of this assessment', [{ path: ['areaId'], message: 'Choose an area of this ward' }]);
  }
  if (input.itemId) {
    const prompts = pinnedTemplate(tx, assessment.templates.ligature).items;
    if (!prompts.some((p) => p.id === input.itemId)) {
      throw new AppError('VALIDATION', `${input.itemId} is not a ligature prompt of this assessment`, [{ path: ['itemId'], message: 'Unknown ligature prompt' }]);
    }
  }
}

function fields(input: ParsedInput<'ligaturePoints.create'> | ParsedInput<'ligaturePoints.update'>) {
  return {
    areaId: input.areaId,
    itemId: input.itemId,
    element: input.element,
    heightBand: input.heightBand,
    tier: input.tier,
    description: input.description,
    controls: JSON.stringify(input.controls.filter((c) => c.description.length > 0 || c.kind === 'staff_vigilance')),
    likelihoodBefore: input.likelihoodBefore,
    severityBefore: input.severityBefore,
    likelihoodAfter: input.likelihoodAfter,
    severityAfter: input.severityAfter,
    assessorId: input.assessorId,
  };
}

/** Adds a point to the ward's ligature register; the schema has already applied the method's rules. */
export function createLigaturePoint(ctx: ServiceContext, input: ParsedInput<'ligaturePoints.create'>) {
  return ctx.db.transaction((tx) => {
    const assessment = assertDraft(tx, input.assessmentId);
    checkPlace(tx, assessment, input);
    const now = ctx.now().toISOString();
    const id = ctx.newId();
    const row = { id, assessmentId: input.assessmentId, lineageId: id, ...fields(input), createdAt: now, updatedAt: now };
    tx.insert(ligaturePoints).values(row).run();
    const point = getLigaturePoint(tx, id);
    recordAudit(tx, ctx, 'create', 'ligature_point', id, null, point);
    return point;
  });
}

export function updateLigaturePoint(ctx: ServiceContext, input: ParsedInput<'ligaturePoints.update'>) {
  return ctx.db.transaction((tx) => {
    const before = getLigaturePoint(tx, input.id);
    const assessment = assertDraft(tx, before.assessmentId);
    checkPlace(tx, assessment, input);
    const now = ctx.now().toISOString();
    // A copied point changed in its own room has been looked at there: that confirms it.
    const confirm = before.copiedFromPointId && !before.copyConfirmedAt ? { copyConfirmedAt: now, copyConfirmedBy: input.assessorId } : {};
    tx.update(ligaturePoints)
      .set({ ...fields(input), ...confirm, updatedAt: now })
      .where(eq(ligaturePoints.id, input.id))
      .run();
    const after = getLigaturePoint(tx, input.id);
    recordAudit(tx, ctx, 'update', 'ligature_point', input.id, before, after);
    return after;
  });
}
