import { buildScoringInput } from '../../../shared/exchange/scoring-input';
import { scoreWard, type WardScoringInput } from '../../../shared/scoring';
import type { DbOrTx } from '../../context';
import { getWard } from '../estate/wards';
import { listActions } from './actions';
import { listAnswers } from './answers';
import { listLigaturePoints } from './ligature-points';
import { pinnedTemplates } from './pinned';
import { getAssessment } from './read';

/** Everything the engine needs, read from the store: the assessment as recorded. */
export function scoringInput(tx: DbOrTx, assessmentId: string): WardScoringInput {
  const assessment = getAssessment(tx, assessmentId);
  const ward = getWard(tx, assessment.wardId);
  return buildScoringInput({
    ward: { id: ward.id, type: ward.type, bedCount: ward.bedCount },
    areas: assessment.areas,
    answers: listAnswers(tx, assessmentId),
    points: listLigaturePoints(tx, assessmentId),
    actions: listActions(tx, assessmentId),
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
    scores: scoreWard(pinnedTemplates(tx, assessment), scoringInput(tx, assessmentId)),
  };
}
