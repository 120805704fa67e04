import { mapPacked } from '../scoring/packed';
import type { ActionStatus, ActionType, AnswerValue, LigatureControl, ScoringArea, ScoringWard, WardScoringInput } from '../scoring';
import { compareNames } from '../names';

// How recorded data becomes the engine's input. The store (score.ts) and the exchange file's
// verifier both build the input here, so a board and the collator score the same things the
// same way. Every action of a point goes in: none is chosen to speak for the others.

interface RecordedAction {
  id: string;
  ligaturePointId: string | null;
  type: ActionType;
  status: ActionStatus;
  dueDate: string | null;
}

interface RecordedPoint {
  id: string;
  areaId: string;
  itemId: string | null;
  tier: 1 | 2 | 3;
  tierReason: string | null;
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

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byId = (a: { id: string }, b: { id: string }) => compare(a.id, b.id);

export function buildScoringInput(recorded: {
  ward: ScoringWard;
  areas: readonly { areaId: string; name: string; type: string; supervisionTier: 1 | 2 | 3 }[];
  answers: RecordedAnswer[];
  points: readonly RecordedPoint[];
  actions: readonly RecordedAction[];
  assessedOn: string;
}): WardScoringInput {
  // Everything in a fixed order (areas by name, then id; points and actions by id), so the result
  // never depends on the order records were read in: the store's and a file's differ, and a result
  // kept at sign-off must equal the one re-computed from a return. Answers are left as they come:
  // the engine's result does not depend on their order (a property test holds it to that), and
  // sorting or copying the nation's ~230,000 of them cost more than scoring them.
  const areas = [...recorded.areas].sort((a, b) => compareNames(a.name, b.name) || compare(a.areaId, b.areaId));
  const points = [...recorded.points].sort(byId);
  const actionsOf = new Map<string, RecordedAction[]>();
  for (const action of [...recorded.actions].sort(byId)) {
    if (action.ligaturePointId === null) continue;
    const list = actionsOf.get(action.ligaturePointId);
    if (list) list.push(action);
    else actionsOf.set(action.ligaturePointId, [action]);
  }
  return {
    ward: { id: recorded.ward.id, type: recorded.ward.type, bedCount: recorded.ward.bedCount },
    areas: mapPacked(areas, (a) => ({ id: a.areaId, name: a.name, type: a.type as ScoringArea['type'], supervisionTier: a.supervisionTier })),
    // As recorded (the engine reads these four fields and changes nothing): no copy of each.
    answers: recorded.answers,
    ligaturePoints: mapPacked(points, (p) => ({
      id: p.id,
      areaId: p.areaId,
      itemId: p.itemId,
      tier: p.tier,
      tierReason: p.tierReason,
      element: p.element,
      heightBand: p.heightBand,
      likelihoodBefore: p.likelihoodBefore,
      severityBefore: p.severityBefore,
      likelihoodAfter: p.likelihoodAfter,
      severityAfter: p.severityAfter,
      controls: p.controls,
      actions: mapPacked(actionsOf.get(p.id) ?? [], (a) => ({ type: a.type, status: a.status, ...(a.dueDate ? { targetDate: a.dueDate } : {}) })),
      // Only when true, so a point recorded in its own room scores from exactly the input it always had.
      ...(p.copiedFromPointId && !p.copyConfirmedAt ? { copyToConfirm: true } : {}),
    })),
    asOf: recorded.assessedOn,
  };
}
