import { eq } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/contract';
import type { SupervisionTier } from '../../../shared/domain/estate';
import { tierBelowAreaWithoutReason, type LigatureControl } from '../../../shared/scoring';
import type { DbOrTx, ServiceContext } from '../../context';
import { ligaturePoints } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { recordAudit } from '../audit';
import { pinnedTemplate } from './pinned';
import { assertAssessorOf, assertDraft, type AssessmentView } from './read';
import { writeTransaction } from '../../db/transactions';

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

type PointInput = ParsedInput<'ligaturePoints.create'> | ParsedInput<'ligaturePoints.update'>;

/** The point belongs to an area and prompt of this assessment, and is not below its area's tier without a reason. */
function checkPlace(tx: DbOrTx, assessment: AssessmentView, input: PointInput) {
  assertAssessorOf(assessment, input.assessorId);
  const area = assessment.areas.find((a) => a.areaId === input.areaId);
  if (!area) {
    throw new AppError('VALIDATION', 'The area is not part of this assessment', [{ path: ['areaId'], message: 'Choose an area of this ward' }]);
  }
  if (tierBelowAreaWithoutReason(input, area.supervisionTier)) {
    const message = `${area.name} is tier ${area.supervisionTier}: say why this point is at tier ${input.tier}`;
    throw new AppError('VALIDATION', message, [{ path: ['tierReason'], message }]);
  }
  if (input.itemId) {
    const prompts = pinnedTemplate(tx, assessment.templates.ligature).items;
    if (!prompts.some((p) => p.id === input.itemId)) {
      throw new AppError('VALIDATION', `${input.itemId} is not a ligature prompt of this assessment`, [{ path: ['itemId'], message: 'Unknown ligature prompt' }]);
    }
  }
  return area;
}

function fields(input: PointInput, areaTier: SupervisionTier) {
  return {
    areaId: input.areaId,
    itemId: input.itemId,
    element: input.element,
    heightBand: input.heightBand,
    tier: input.tier,
    // A reason is kept only where it explains something: a tier below the area's.
    tierReason: input.tier < areaTier ? input.tierReason : null,
    description: input.description,
    controls: JSON.stringify(input.controls),
    likelihoodBefore: input.likelihoodBefore,
    severityBefore: input.severityBefore,
    likelihoodAfter: input.likelihoodAfter,
    severityAfter: input.severityAfter,
    assessorId: input.assessorId,
  };
}

/** Adds a point to the ward's ligature register; the schema has already applied the method's rules. */
export function createLigaturePoint(ctx: ServiceContext, input: ParsedInput<'ligaturePoints.create'>) {
  return writeTransaction(ctx.db, (tx) => {
    const assessment = assertDraft(tx, input.assessmentId);
    const area = checkPlace(tx, assessment, input);
    const now = ctx.now().toISOString();
    const id = ctx.newId();
    const row = { id, assessmentId: input.assessmentId, lineageId: id, ...fields(input, area.supervisionTier), createdAt: now, updatedAt: now };
    tx.insert(ligaturePoints).values(row).run();
    const point = getLigaturePoint(tx, id);
    recordAudit(tx, ctx, 'create', 'ligature_point', id, null, point);
    return point;
  });
}

export function updateLigaturePoint(ctx: ServiceContext, input: ParsedInput<'ligaturePoints.update'>) {
  return writeTransaction(ctx.db, (tx) => {
    const before = getLigaturePoint(tx, input.id);
    const assessment = assertDraft(tx, before.assessmentId);
    const area = checkPlace(tx, assessment, input);
    const now = ctx.now().toISOString();
    // A copied point changed in its own room has been looked at there: that confirms it.
    const confirm = before.copiedFromPointId && !before.copyConfirmedAt ? { copyConfirmedAt: now, copyConfirmedBy: input.assessorId } : {};
    tx.update(ligaturePoints)
      .set({ ...fields(input, area.supervisionTier), ...confirm, updatedAt: now })
      .where(eq(ligaturePoints.id, input.id))
      .run();
    const after = getLigaturePoint(tx, input.id);
    recordAudit(tx, ctx, 'update', 'ligature_point', input.id, before, after);
    return after;
  });
}
