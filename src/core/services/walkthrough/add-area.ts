import { eq } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/contract';
import type { ServiceContext } from '../../context';
import { assessmentAreas, assessments } from '../../db/schema';
import { recordAudit } from '../audit';
import { insertArea } from '../estate/areas';
import { assertDraft, getAssessment } from '../assessments/read';
import { writeTransaction } from '../../db/transactions';

/**
 * An area the register missed, found on the walk: it joins the ward's register (same rules as
 * areas.create) and this assessment's areas, in one transaction.
 */
export function addAreaToAssessment(ctx: ServiceContext, input: ParsedInput<'assessments.addArea'>) {
  return writeTransaction(ctx.db, (tx) => {
    const assessment = assertDraft(tx, input.assessmentId);
    const { assessmentId, ...fields } = input;
    const area = insertArea(tx, ctx, { wardId: assessment.wardId, ...fields });
    // Found on the walk: it joins the end of the route (the assessor can move it).
    const position = Math.max(-1, ...assessment.areas.map((a) => a.position)) + 1;
    const snapshot = { assessmentId, areaId: area.id, name: area.name, type: area.type, supervisionTier: area.supervisionTier, position };
    tx.insert(assessmentAreas).values(snapshot).run();
    tx.update(assessments).set({ updatedAt: ctx.now().toISOString() }).where(eq(assessments.id, assessmentId)).run();
    recordAudit(tx, ctx, 'update', 'assessment', assessmentId, null, { areaAdded: snapshot });
    return { area, assessment: getAssessment(tx, assessmentId) };
  });
}
