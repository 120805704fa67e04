import { buildScoringInput } from '../exchange/scoring-input';
import { complianceValueProblem, readComplianceValue, scoreWard, type PinnedTemplates, type WardScores } from '../scoring';
import type { ComplianceItem } from '../templates/item-schema';

// How an assessment scores while records merged from two devices are in conflict: on the safe
// side, never better than any choice between the versions would score (the method, section 9):
//   - a conflicted compliance answer counts as the lowest-scoring of its versions, where a version
//     saying "not applicable" or removing the answer counts as the worst answer the item allows;
//     so a critical "No" on either device still fires its gate;
//   - a conflicted ligature prompt counts as unanswered, and so do the prompts of the area of a
//     conflicted ligature point and the ward-wide prompts, so the ligature rating cannot be green;
//   - every version of a conflicted ligature point counts, as if each were a point of its own;
//   - a point with conflicted actions counts once for every combination of their versions (a
//     version that removed the action, or put it on another point, leaves it out), each as a point
//     of its own: whichever combination would make the point red or amber, does. This holds whatever
//     rule decides how a point's actions count.
// Sign-off is refused until every conflict is resolved, so this never reaches a signed-off score.

type Recorded = Parameters<typeof buildScoringInput>[0];
type RecordedAnswer = Recorded['answers'][number];
type RecordedPoint = Recorded['points'][number];
type RecordedAction = Recorded['actions'][number];

/** The versions of each conflicted record the engine sees (null: a version that removed it). */
export interface ConflictedForScoring {
  answers: { itemId: string; areaId: string | null; versions: (RecordedAnswer | null)[] }[];
  points: { id: string; versions: (RecordedPoint | null)[] }[];
  actions: { id: string; versions: (RecordedAction | null)[] }[];
}

const instance = (itemId: string, areaId: string | null) => `${itemId}\u0000${areaId ?? ''}`;

export function provisionalScores(templates: PinnedTemplates, recorded: Recorded, conflicted: ConflictedForScoring): WardScores {
  const prompts = new Set(templates.ligature.items.map((i) => i.id));
  const compliance = new Map<string, ComplianceItem>();
  for (const template of [templates.quality, templates.safety, templates.therapeutic]) for (const item of template.items) compliance.set(item.id, item as ComplianceItem);

  // Prompts that count as unanswered: conflicted ones, and those where a conflicted point may sit.
  const conflictedAnswers = new Map(conflicted.answers.map((a) => [instance(a.itemId, a.areaId), a]));
  const pointAreas = new Set(conflicted.points.flatMap((p) => p.versions.flatMap((v) => (v ? [v.areaId] : []))));
  const promptUnanswered = (a: { itemId: string; areaId: string | null }) =>
    prompts.has(a.itemId) && (conflictedAnswers.has(instance(a.itemId, a.areaId)) || (conflicted.points.length > 0 && (a.areaId === null || pointAreas.has(a.areaId))));

  const answers: RecordedAnswer[] = [];
  for (const answer of recorded.answers) {
    if (promptUnanswered(answer)) continue;
    if (!conflictedAnswers.has(instance(answer.itemId, answer.areaId))) answers.push(answer);
  }
  for (const entry of conflictedAnswers.values()) {
    if (promptUnanswered(entry)) continue;
    const item = compliance.get(entry.itemId);
    const worst = item ? lowestScoring(item, entry) : null;
    if (worst) answers.push(worst);
  }

  // Every version of a conflicted point is a point of its own; then each point once per combination
  // of its conflicted actions' versions, with its settled actions.
  const pointVersions = new Map(conflicted.points.map((p) => [p.id, p.versions.filter((v): v is RecordedPoint => v !== null)]));
  const basePoints = [...recorded.points.filter((p) => !pointVersions.has(p.id)), ...[...pointVersions.values()].flat()];
  const conflictedActions = new Set(conflicted.actions.map((a) => a.id));
  const settled = recorded.actions.filter((a) => !conflictedActions.has(a.id));
  const points: RecordedPoint[] = [];
  const actions: RecordedAction[] = settled.filter((a) => a.ligaturePointId === null);
  const used = new Set<string>();
  for (const point of basePoints) {
    const own = settled.filter((a) => a.ligaturePointId === point.id);
    const choices = conflicted.actions
      .map((a) => distinct(a.versions.map((v): RecordedAction | null => (v && v.ligaturePointId === point.id ? { ...v, id: a.id } : null))))
      .filter((options) => options.some((o) => o !== null));
    for (const chosen of combinations(choices)) {
      // The first copy keeps the point's id (the live score names it); the others are told apart.
      const id = used.has(point.id) ? `${point.id}~${used.size}` : point.id;
      used.add(id);
      points.push({ ...point, id });
      for (const action of [...own, ...chosen.filter((a): a is RecordedAction => a !== null)]) actions.push({ ...action, id: `${action.id}~${id}`, ligaturePointId: id });
    }
  }
  return scoreWard(templates, buildScoringInput({ ...recorded, answers, points, actions }));
}

/** One choice from each list, every way. */
function combinations<T>(lists: readonly (readonly T[])[]): T[][] {
  return lists.reduce<T[][]>((all, options) => all.flatMap((chosen) => options.map((option) => [...chosen, option])), [[]]);
}

function distinct<T>(values: readonly T[]): T[] {
  const seen = new Map(values.map((v) => [JSON.stringify(v), v]));
  return [...seen.values()];
}

/**
 * The version of a conflicted compliance answer that scores lowest. A version saying "not
 * applicable" or removing the answer counts as the worst answer the item allows (leaving the
 * instance out could lift the percentage above one of the choices). If no version scores at all,
 * the instance stays not applicable, or unanswered if any version removed it.
 */
function lowestScoring(item: ComplianceItem, entry: ConflictedForScoring['answers'][number]): RecordedAnswer | null {
  const usable = entry.versions.map((v) => (v && !complianceValueProblem(item, v.value) ? v : null));
  const scoring = usable.filter((v): v is RecordedAnswer => v !== null && v.value !== 'na');
  if (scoring.length === 0) {
    if (usable.some((v) => v === null)) return null;
    return usable.find((v) => !v!.naReason) ?? usable[0]!;
  }
  if (usable.some((v) => v === null || v.value === 'na')) return { itemId: entry.itemId, areaId: entry.areaId, value: worstAllowed(item), naReason: null };
  const thirds = (v: RecordedAnswer) => {
    const read = readComplianceValue(item, v.value);
    return read.kind === 'scored' ? read.thirds : Number.POSITIVE_INFINITY;
  };
  return [...scoring].sort((a, b) => thirds(a) - thirds(b))[0]!;
}

/** The lowest answer an item accepts: No, grade D, or the number at the bad end of its range. */
export function worstAllowed(item: ComplianceItem): RecordedAnswer['value'] {
  const response = item.response;
  switch (response.type) {
    case 'grade':
      return 'D';
    case 'number':
      return response.banding.direction === 'higher_is_better' ? response.min : response.max;
    default:
      return 'no';
  }
}
