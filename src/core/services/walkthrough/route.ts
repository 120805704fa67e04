import { and, eq } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/contract';
import { routeProblem, routeStops, storedRoute } from '../../../shared/walk/route';
import type { DbOrTx, ServiceContext } from '../../context';
import { assessmentAreas, assessments } from '../../db/schema';
import { writeTransaction } from '../../db/transactions';
import { AppError } from '../../errors';
import { recordAudit } from '../audit';
import { assertDraft, getAssessment, type AssessmentView } from '../assessments/read';

// The assessor's route through the ward: stored with the assessment, and the starting route of
// the ward's next round.

/** The route's stops: area ids in walking order with "ward" where the ward-level questions are. */
export function routeOf(assessment: Pick<AssessmentView, 'areas' | 'wardPosition'>): string[] {
  return routeStops(
    assessment.areas.map((a) => a.areaId),
    assessment.wardPosition,
  );
}

/** Stores a route: each area's position and the ward-level questions' place. */
export function writeRoute(tx: DbOrTx, assessmentId: string, stops: readonly string[]): void {
  const { positions, wardPosition } = storedRoute(stops);
  for (const [areaId, position] of positions) {
    tx.update(assessmentAreas)
      .set({ position })
      .where(and(eq(assessmentAreas.assessmentId, assessmentId), eq(assessmentAreas.areaId, areaId)))
      .run();
  }
  tx.update(assessments).set({ wardPosition }).where(eq(assessments.id, assessmentId)).run();
}

export function setRoute(ctx: ServiceContext, input: ParsedInput<'assessments.setRoute'>) {
  return writeTransaction(ctx.db, (tx) => {
    const assessment = assertDraft(tx, input.assessmentId);
    const problem = routeProblem(
      input.route,
      assessment.areas.map((a) => a.areaId),
    );
    if (problem) throw new AppError('VALIDATION', problem, [{ path: ['route'], message: problem }]);
    const before = routeOf(assessment);
    writeRoute(tx, assessment.id, input.route);
    tx.update(assessments).set({ updatedAt: ctx.now().toISOString() }).where(eq(assessments.id, assessment.id)).run();
    recordAudit(tx, ctx, 'update', 'assessment', assessment.id, { route: before }, { route: input.route });
    return getAssessment(tx, assessment.id);
  });
}
