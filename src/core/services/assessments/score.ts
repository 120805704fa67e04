import { scoreWard, type LigatureAction, type LigaturePoint, type WardScoringInput } from '../../../shared/scoring';
import type { DbOrTx } from '../../context';
import { getWard } from '../estate/wards';
import { listActions } from './actions';
import { listAnswers } from './answers';
import { listLigaturePoints } from './ligature-points';
import { pinnedTemplates, scoringAreas } from './pinned';
import { getAssessment } from './read';

/**
 * The action that speaks for a ligature point in scoring: an open one with the earliest target
 * date (the one that decides whether the risk is being dealt with in time), else the latest.
 */
export function actionSpeakingForPoint(pointActions: ReturnType<typeof listActions>) {
  if (pointActions.length === 0) return null;
  const open = pointActions.filter((a) => a.status !== 'complete');
  const pool = open.length > 0 ? open : pointActions;
  return [...pool].sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'))[0]!;
}

function actionForPoint(pointActions: ReturnType<typeof listActions>): LigatureAction | null {
  const chosen = actionSpeakingForPoint(pointActions);
  if (!chosen) return null;
  return { type: chosen.type, status: chosen.status, ...(chosen.dueDate ? { targetDate: chosen.dueDate } : {}) };
}

/** Everything the engine needs, read from the store: the assessment as recorded. */
export function scoringInput(tx: DbOrTx, assessmentId: string): WardScoringInput {
  const assessment = getAssessment(tx, assessmentId);
  const ward = getWard(tx, assessment.wardId);
  const actions = listActions(tx, assessmentId);
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
    action: actionForPoint(actions.filter((a) => a.ligaturePointId === p.id)),
  }));
  return {
    ward: { id: ward.id, type: ward.type, bedCount: ward.bedCount },
    areas: scoringAreas(assessment),
    answers: listAnswers(tx, assessmentId).map((a) => ({ itemId: a.itemId, areaId: a.areaId, value: a.value, ...(a.naReason ? { naReason: a.naReason } : {}) })),
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
    scores: scoreWard(pinnedTemplates(tx, assessment), scoringInput(tx, assessmentId)),
  };
}
