import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { londonDateOf } from '../../../shared/dates';
import type { Assessment } from '../../../shared/domain/assessment-schemas';
import type { SupervisionTier, WardType } from '../../../shared/domain/estate';
import type { Domain } from '../../../shared/templates';
import { byName } from '../../../shared/walk/route';
import type { DbOrTx } from '../../context';
import { assessmentAreas, assessmentTemplates, assessments, assessors } from '../../db/schema';
import { AppError, notFound } from '../../errors';

export type AssessmentView = z.infer<typeof Assessment>;

/** Orders areas by name, numbers in order: the order scoring and reports list them in. */
export const byAreaName = byName;

/** The assessor's route: by position, then (for areas never placed) by name. */
function byRoute(a: { position: number; name: string }, b: { position: number; name: string }): number {
  return a.position - b.position || byName(a, b);
}

/** One assessment with its assessors, pinned template versions and the areas as assessed, in route order. */
export function getAssessment(tx: DbOrTx, id: string): AssessmentView {
  const row = tx.select().from(assessments).where(eq(assessments.id, id)).get();
  if (!row) throw notFound('assessment', id);
  const pins = tx.select().from(assessmentTemplates).where(eq(assessmentTemplates.assessmentId, id)).all();
  const pinned = Object.fromEntries(pins.map((p) => [p.domain, p.templateKey])) as Record<Domain, string>;
  return {
    id: row.id,
    wardId: row.wardId,
    round: row.round,
    assessedOn: row.assessedOn,
    announced: row.announced,
    status: row.status,
    signedOffAt: row.signedOffAt,
    signedOffBy: row.signedOffBy,
    previousAssessmentId: row.previousAssessmentId,
    wardType: row.wardType as WardType | null,
    bedCount: row.bedCount,
    assessors: tx
      .select({ id: assessors.id, name: assessors.name, role: assessors.role })
      .from(assessors)
      .where(eq(assessors.assessmentId, id))
      .orderBy(asc(assessors.position))
      .all(),
    templates: { quality: pinned.quality, safety: pinned.safety, ligature: pinned.ligature, therapeutic: pinned.therapeutic },
    areas: tx
      .select()
      .from(assessmentAreas)
      .where(eq(assessmentAreas.assessmentId, id))
      .all()
      .map((a) => ({
        areaId: a.areaId,
        name: a.name,
        type: a.type,
        supervisionTier: a.supervisionTier as SupervisionTier,
        position: a.position,
        sampleAreaId: a.sampleAreaId,
      }))
      .sort(byRoute),
    wardPosition: row.wardPosition,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function listAssessmentsForWard(tx: DbOrTx, wardId: string): AssessmentView[] {
  return tx
    .select({ id: assessments.id })
    .from(assessments)
    .where(eq(assessments.wardId, wardId))
    .orderBy(asc(assessments.assessedOn), asc(assessments.createdAt))
    .all()
    .map((r) => getAssessment(tx, r.id));
}

/** Refuses any change to a signed-off assessment: it is a record, and a new round starts anew. */
export function assertDraft(tx: DbOrTx, assessmentId: string): AssessmentView {
  const assessment = getAssessment(tx, assessmentId);
  if (assessment.status !== 'draft') {
    throw new AppError('CONFLICT', `This assessment was signed off on ${assessment.signedOffAt ? londonDateOf(assessment.signedOffAt) : 'an earlier date'} and can no longer be changed. Start a new round to assess the ward again.`);
  }
  return assessment;
}

export function assertAssessorOf(assessment: AssessmentView, assessorId: string): void {
  if (!assessment.assessors.some((a) => a.id === assessorId)) {
    throw new AppError('VALIDATION', 'Choose one of this assessment’s assessors', [{ path: ['assessorId'], message: 'Not an assessor on this assessment' }]);
  }
}
