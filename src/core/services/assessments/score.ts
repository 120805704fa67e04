import { and, eq, isNotNull } from 'drizzle-orm';
import { scoreWard, type AnswerValue, type LigatureAction, type LigaturePoint, type WardScoringInput } from '../../../shared/scoring';
import type { WardType } from '../../../shared/domain/estate';
import type { DbOrTx } from '../../context';
import { actions, answers, wards } from '../../db/schema';
import { notFound } from '../../errors';
import type { listActions } from './actions';
import { listLigaturePoints } from './ligature-points';
import { pinnedTemplates, scoringAreas } from './pinned';
import { getAssessment, type AssessmentView } from './read';

/**
 * The action that speaks for a ligature point in scoring: an open one with the earliest target
 * date (the one that decides whether the risk is being dealt with in time), else the latest.
 */
function actionForPoint(pointActions: Pick<ReturnType<typeof listActions>[number], 'type' | 'status' | 'dueDate'>[]): LigatureAction | null {
  if (pointActions.length === 0) return null;
  const open = pointActions.filter((a) => a.status !== 'complete');
  const pool = open.length > 0 ? open : pointActions;
  const chosen = [...pool].sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'))[0]!;
  return { type: chosen.type, status: chosen.status, ...(chosen.dueDate ? { targetDate: chosen.dueDate } : {}) };
}

// Scoring reads only the columns the engine uses (the whole nation is scored at once for
// comparison, so each ward's read must stay small): no notes, ids or timestamps of answers.

/** Everything the engine needs, read from the store: the assessment as recorded. */
export function scoringInput(tx: DbOrTx, assessmentId: string, known?: AssessmentView): WardScoringInput {
  const assessment = known ?? getAssessment(tx, assessmentId);
  const ward = tx.select({ id: wards.id, type: wards.type, bedCount: wards.bedCount }).from(wards).where(eq(wards.id, assessment.wardId)).get();
  if (!ward) throw notFound('ward', assessment.wardId);
  const pointActions = tx
    .select({ ligaturePointId: actions.ligaturePointId, type: actions.type, status: actions.status, dueDate: actions.dueDate })
    .from(actions)
    .where(and(eq(actions.assessmentId, assessmentId), isNotNull(actions.ligaturePointId)))
    .all() as Pick<ReturnType<typeof listActions>[number], 'ligaturePointId' | 'type' | 'status' | 'dueDate'>[];
  const recorded = tx
    .select({ itemId: answers.itemId, areaId: answers.areaId, value: answers.value, naReason: answers.naReason })
    .from(answers)
    .where(eq(answers.assessmentId, assessmentId))
    .all();
  const points: LigaturePoint[] = listLigaturePoints(tx, assessmentId).map((p) => ({
    id: p.id,
    areaId: p.areaId,
    tier: p.tier,
    element: p.element,
    heightBand: p.heightBand,
    likelihoodBefore: p.likelihoodBefore,
    severityBefore: p.severityBefore,
    likelihoodAfter: p.likelihoodAfter,
    severityAfter: p.severityAfter,
    controls: p.controls,
    action: actionForPoint(pointActions.filter((a) => a.ligaturePointId === p.id)),
  }));
  return {
    ward: { id: ward.id, type: ward.type as WardType, bedCount: ward.bedCount },
    areas: scoringAreas(assessment),
    answers: recorded.map((a) => ({ itemId: a.itemId, areaId: a.areaId, value: JSON.parse(a.value) as AnswerValue, ...(a.naReason ? { naReason: a.naReason } : {}) })),
    ligaturePoints: points,
    asOf: assessment.assessedOn,
  };
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
