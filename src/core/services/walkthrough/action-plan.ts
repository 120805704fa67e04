import { eq } from 'drizzle-orm';
import { londonDate } from '../../../shared/dates';
import { isActionOverdue, scoreLigaturePoint, type RiskBand } from '../../../shared/scoring';
import type { DbOrTx, ServiceContext } from '../../context';
import { answers } from '../../db/schema';
import { listActions } from '../assessments/actions';
import { listLigaturePoints } from '../assessments/ligature-points';
import { findPinnedItem, pinnedTemplates } from '../assessments/pinned';
import { getAssessment } from '../assessments/read';
import { areaName } from './progress';

// The ward's action plan: every action with what it is about, whether it is overdue, and its
// risk, most urgent first, so the screen needs no further calls.

const RANK_BY_BAND: Record<RiskBand, number> = { extreme: 4, high: 3, moderate: 2, low: 1 };
const RANK_BY_PRIORITY = { urgent: 4, high: 3, medium: 2, low: 1 } as const;

export function actionPlan(tx: DbOrTx, ctx: Pick<ServiceContext, 'now'>, assessmentId: string) {
  const assessment = getAssessment(tx, assessmentId);
  const today = londonDate(ctx.now());
  const areaTier = new Map(assessment.areas.map((a) => [a.areaId, a.supervisionTier]));
  const templates = pinnedTemplates(tx, assessment);
  const points = new Map(listLigaturePoints(tx, assessmentId).map((p) => [p.id, p]));
  const answered = new Map(
    tx
      .select({ id: answers.id, itemId: answers.itemId, areaId: answers.areaId })
      .from(answers)
      .where(eq(answers.assessmentId, assessmentId))
      .all()
      .map((a) => [a.id, a]),
  );

  const entries = listActions(tx, assessmentId).map((action) => {
    const point = action.ligaturePointId ? points.get(action.ligaturePointId) : undefined;
    const residual = point ? scoreLigaturePoint(point, areaTier.get(point.areaId)).residual : null;
    const answer = action.answerId ? answered.get(action.answerId) : undefined;
    const about = point
      ? { kind: 'ligature_point' as const, element: point.element, description: point.description, areaId: point.areaId, areaName: areaName(assessment, point.areaId) }
      : {
          kind: 'answer' as const,
          itemId: answer?.itemId ?? '',
          question: answer ? (findPinnedItem(templates, answer.itemId)?.item.question ?? answer.itemId) : '',
          areaId: answer?.areaId ?? null,
          areaName: areaName(assessment, answer?.areaId ?? null),
        };
    const overdue = isActionOverdue(action.status, action.dueDate, today);
    return {
      ...action,
      overdue,
      residualRisk: residual ? { score: residual.score, band: residual.band } : null,
      riskRank: residual ? RANK_BY_BAND[residual.band] : RANK_BY_PRIORITY[action.priority],
      about,
    };
  });
  return entries.sort(
    (a, b) =>
      Number(a.status === 'complete') - Number(b.status === 'complete') ||
      b.riskRank - a.riskRank ||
      Number(b.overdue) - Number(a.overdue) ||
      (b.residualRisk?.score ?? 0) - (a.residualRisk?.score ?? 0) ||
      (a.dueDate ?? '9999-12-31').localeCompare(b.dueDate ?? '9999-12-31') ||
      a.description.localeCompare(b.description),
  );
}
