import { and, eq, isNotNull } from 'drizzle-orm';
import { buildScoringInput } from '../../../shared/exchange/scoring-input';
import { scoreWard, type AnswerValue, type WardScoringInput } from '../../../shared/scoring';
import type { WardType } from '../../../shared/domain/estate';
import type { DbOrTx } from '../../context';
import { actions, answers, wards } from '../../db/schema';
import { notFound } from '../../errors';
import type { listActions } from './actions';
import { listLigaturePoints } from './ligature-points';
import { pinnedTemplates } from './pinned';
import { getAssessment, type AssessmentView } from './read';

// Scoring reads only the columns the engine uses (the whole nation is scored at once for
// comparison, so each ward's read must stay small): no notes or timestamps of answers. The
// engine's input is built by the same function an exchange file's verification uses.

type PointAction = Pick<ReturnType<typeof listActions>[number], 'id' | 'ligaturePointId' | 'type' | 'status' | 'dueDate'>;

/** Everything the engine needs, read from the store: the assessment as recorded. */
export function scoringInput(tx: DbOrTx, assessmentId: string, known?: AssessmentView): WardScoringInput {
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
  return buildScoringInput({
    // A signed-off assessment scores against the ward as it was when signed off; a draft against the register.
    ward: { id: ward.id, type: (assessment.wardType ?? ward.type) as WardType, bedCount: assessment.bedCount ?? ward.bedCount },
    areas: assessment.areas,
    answers: recorded.map((a) => ({ itemId: a.itemId, areaId: a.areaId, value: JSON.parse(a.value) as AnswerValue, naReason: a.naReason })),
    points: listLigaturePoints(tx, assessmentId),
    actions: pointActions,
    assessedOn: assessment.assessedOn,
  });
}

/** The scored assessment against the exact template versions it pinned. */
export function scoreAssessment(tx: DbOrTx, assessmentId: string) {
  const assessment = getAssessment(tx, assessmentId);
  return {
    assessmentId,
    status: assessment.status,
    templates: assessment.templates,
    scores: scoreWard(pinnedTemplates(tx, assessment), scoringInput(tx, assessmentId, assessment)),
  };
}
