import type { ACTION_STATUSES, ACTION_TYPES, AnswerValue, LigatureAction, LigatureControl, ScoringArea, ScoringWard, WardScoringInput } from '../scoring';

// How recorded data becomes the engine's input. The store (score.ts) and the exchange file's
// verifier both build the input here, so a board and the collator score the same things the
// same way.

interface RecordedAction {
  id: string;
  ligaturePointId: string | null;
  type: (typeof ACTION_TYPES)[number];
  status: (typeof ACTION_STATUSES)[number];
  dueDate: string | null;
}

interface RecordedPoint {
  id: string;
  areaId: string;
  tier: 1 | 2 | 3;
  element: string;
  heightBand: 'low_lying' | 'knee_to_head' | 'above_head';
  likelihoodBefore: number;
  severityBefore: number;
  likelihoodAfter: number;
  severityAfter: number;
  controls: LigatureControl[];
  copiedFromPointId?: string | null;
  copyConfirmedAt?: string | null;
}

interface RecordedAnswer {
  itemId: string;
  areaId: string | null;
  value: AnswerValue;
  naReason: string | null;
}

/**
 * The action that speaks for a ligature point in scoring: an open one with the earliest target
 * date (the one that decides whether the risk is being dealt with in time), else the latest.
 * Ties go to the lower id, so the choice never depends on the order records were read in (the
 * store's order and an exchange file's order differ).
 */
export function actionSpeakingForPoint<A extends RecordedAction>(pointActions: readonly A[]): A | null {
  if (pointActions.length === 0) return null;
  const open = pointActions.filter((a) => a.status !== 'complete');
  const pool = open.length > 0 ? open : pointActions;
  return [...pool].sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0]!;
}

/** The scoring engine's view of the action that speaks for a point (see actionSpeakingForPoint). */
export function actionForPoint(pointActions: readonly RecordedAction[]): LigatureAction | null {
  const chosen = actionSpeakingForPoint(pointActions);
  return chosen ? { type: chosen.type, status: chosen.status, ...(chosen.dueDate ? { targetDate: chosen.dueDate } : {}) } : null;
}

export function buildScoringInput(recorded: {
  ward: ScoringWard;
  areas: readonly { areaId: string; name: string; type: string; supervisionTier: 1 | 2 | 3 }[];
  answers: readonly RecordedAnswer[];
  points: readonly RecordedPoint[];
  actions: readonly RecordedAction[];
  assessedOn: string;
}): WardScoringInput {
  return {
    ward: { id: recorded.ward.id, type: recorded.ward.type, bedCount: recorded.ward.bedCount },
    areas: recorded.areas.map((a) => ({ id: a.areaId, name: a.name, type: a.type as ScoringArea['type'], supervisionTier: a.supervisionTier })),
    answers: recorded.answers.map((a) => (a.naReason ? { itemId: a.itemId, areaId: a.areaId, value: a.value, naReason: a.naReason } : { itemId: a.itemId, areaId: a.areaId, value: a.value })),
    ligaturePoints: recorded.points.map((p) => ({
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
      action: actionForPoint(recorded.actions.filter((a) => a.ligaturePointId === p.id)),
      // Only when true, so a point recorded in its own room scores from exactly the input it always had.
      ...(p.copiedFromPointId && !p.copyConfirmedAt ? { copyToConfirm: true } : {}),
    })),
    asOf: recorded.assessedOn,
  };
}
