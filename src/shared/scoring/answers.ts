import { appliesToArea, type ItemInstance } from '../templates/applicability';
import type { AppliesTo } from '../templates/item-schema';
import type { Answer, AnswerValue, ScoringArea } from './inputs';
import { issue, type ScoringIssue } from './issues';

// Matches a domain's answers to the places its items are asked, refusing (with a reason) any
// answer that does not fit. Shared by the compliance and ligature scorers so both count
// "answered" the same way.

export function instanceKey(itemId: string, areaId: string | null): string {
  return `${itemId}\u0000${areaId ?? ''}`;
}

interface MatchableItem {
  id: string;
  appliesTo: AppliesTo;
}

export interface MatchedAnswers {
  byInstance: Map<string, Answer>;
  issues: ScoringIssue[];
}

/**
 * Keep the answers that belong to `items` and fit: right scope, a known and applicable area,
 * not a duplicate, and a value `checkValue` accepts (it returns a problem, or null if fine).
 * Answers to items outside `items` are ignored here; they belong to another domain.
 */
export function matchAnswers<Item extends MatchableItem>(
  items: readonly Item[],
  areas: readonly ScoringArea[],
  answers: readonly Answer[],
  checkValue: (item: Item, value: AnswerValue) => string | null,
): MatchedAnswers {
  const itemsById = new Map(items.map((item) => [item.id, item]));
  const areasById = new Map(areas.map((area) => [area.id, area]));
  const byInstance = new Map<string, Answer>();
  const issues: ScoringIssue[] = [];

  for (const answer of answers) {
    const item = itemsById.get(answer.itemId);
    if (!item) continue;
    const at = { itemId: item.id, areaId: answer.areaId };
    const problem = scopeProblem(item, answer.areaId, areasById);
    if (problem) {
      issues.push(issue(problem.code, problem.message, at));
      continue;
    }
    const valueProblem = checkValue(item, answer.value);
    if (valueProblem) {
      issues.push(issue('invalid_value', `${item.id}: ${valueProblem}`, at));
      continue;
    }
    const key = instanceKey(item.id, answer.areaId);
    if (byInstance.has(key)) {
      issues.push(issue('duplicate_answer', `${item.id} was answered twice here; the first answer is used`, at));
      continue;
    }
    byInstance.set(key, answer);
  }
  return { byInstance, issues };
}

function scopeProblem(
  item: MatchableItem,
  areaId: string | null,
  areasById: Map<string, ScoringArea>,
): { code: 'wrong_scope' | 'unknown_area' | 'not_applicable_here'; message: string } | null {
  if (item.appliesTo.scope === 'ward') {
    return areaId === null ? null : { code: 'wrong_scope', message: `${item.id} is asked once for the ward, not per area` };
  }
  if (areaId === null) return { code: 'wrong_scope', message: `${item.id} is asked per area, but the answer names no area` };
  const area = areasById.get(areaId);
  if (!area) return { code: 'unknown_area', message: `${item.id} was answered for area ${areaId}, which is not in this ward` };
  if (!appliesToArea(item.appliesTo, area)) {
    return { code: 'not_applicable_here', message: `${item.id} is not asked in ${area.name} (${area.type}, tier ${area.supervisionTier})` };
  }
  return null;
}

/** The answer given for one instance, if any. */
export function answerFor<Item extends MatchableItem>(
  matched: MatchedAnswers,
  instance: ItemInstance<Item>,
): Answer | undefined {
  return matched.byInstance.get(instanceKey(instance.item.id, instance.areaId));
}

/**
 * Whether "not applicable" needs a written reason: on every ligature prompt (a room where nobody
 * looked is not a safe room) and on every weight 3 compliance item. The answer service refuses
 * such an N/A without one; the engine lists it (and leaves a ligature prompt unanswered).
 */
export function needsNaReason(item: object): boolean {
  return 'weight' in item ? item.weight === 3 : true;
}
