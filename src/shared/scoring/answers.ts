import { appliesToArea } from '../templates/applicability';
import type { AppliesTo } from '../templates/item-schema';
import type { Answer, AnswerValue, ScoringArea } from './inputs';
import { issue, type IssueCode, type ScoringIssue } from './issues';

// Matches a domain's answers to the places its items are asked, refusing (with a reason) any
// answer that does not fit. Shared by the compliance and ligature scorers so both count
// "answered" the same way.
//
// The nation is scored by running this over ~230,000 answers, so answers are held by position
// (item index × area slot) rather than under string keys, the lookups of a template's items are
// worked out once per template (templates never change), and nothing depends on the order the
// answers come in: problems are listed by item and area, and of two answers to one place the first
// given is used.

export function instanceKey(itemId: string, areaId: string | null): string {
  return `${itemId}\u0000${areaId ?? ''}`;
}

interface MatchableItem {
  id: string;
  appliesTo: AppliesTo;
}

/** An area of the ward as the engine finds it by id: its slot, and the area itself with its kind. */
interface AreaEntry {
  /** 1 + the first position of this id in the list (slot 0 is the ward itself). */
  slot: number;
  /** The area as last listed under this id (as a Map built from the list keeps it). */
  area: ScoringArea;
  kind: number;
}

/**
 * A ward's areas as the engine finds them: by id, and by position (each position's slot and
 * kind). A kind is a distinct type and tier: whether an item is asked in an area depends on
 * nothing else, so it is worked out once per kind rather than once per area.
 */
export interface AreaIndex {
  areas: readonly ScoringArea[];
  byId: ReadonlyMap<string, AreaEntry>;
  /** byId.get, for the answers' area ids (see areaFinder). */
  find: (areaId: string) => AreaEntry | undefined;
  slotAt: readonly number[];
  kindAt: readonly number[];
  /** One area of each kind, standing for all of that kind. */
  kinds: readonly ScoringArea[];
  /** Where each item of a list is asked, worked out once for this ward however often it is asked. */
  applicability: (items: readonly MatchableItem[]) => Applicability;
}

export function indexAreas(areas: readonly ScoringArea[]): AreaIndex {
  const byId = new Map<string, AreaEntry>();
  // Kind by type, then tier.
  const kindOf = new Map<string, Map<number, number>>();
  const kinds: ScoringArea[] = [];
  const kindAt: number[] = [];
  const slotAt: number[] = [];
  areas.forEach((area, position) => {
    let byTier = kindOf.get(area.type);
    if (!byTier) kindOf.set(area.type, (byTier = new Map()));
    let kind = byTier.get(area.supervisionTier);
    if (kind === undefined) {
      byTier.set(area.supervisionTier, (kind = kinds.length));
      kinds.push(area);
    }
    kindAt.push(kind);
    const slot = byId.get(area.id)?.slot ?? position + 1;
    byId.set(area.id, { slot, area, kind });
    slotAt.push(slot);
  });
  const known = new Map<readonly MatchableItem[], Applicability>();
  const applicability = (items: readonly MatchableItem[]) => {
    let found = known.get(items);
    if (!found) known.set(items, (found = new Applicability(items, kinds)));
    return found;
  };
  return { areas, byId, find: areaFinder(byId), slotAt, kindAt, kinds, applicability };
}

/**
 * What byId.get finds, found without hashing the whole id. Each answer names its area with a
 * string new to this scoring (read from the store or a file), which a Map hashes in full on every
 * lookup: a fifth of the engine's time over the nation's ~230,000 answers. Here a number made
 * from the id's length and four of its characters picks a short list, and the ids on it are
 * compared in full, so an id finds its own entry and nothing else.
 */
function areaFinder(byId: ReadonlyMap<string, AreaEntry>): (areaId: string) => AreaEntry | undefined {
  const lists = new Map<number, AreaEntry[]>();
  for (const [id, entry] of byId) {
    const list = lists.get(idSketch(id));
    if (list) list.push(entry);
    else lists.set(idSketch(id), [entry]);
  }
  return (areaId) => {
    const list = lists.get(idSketch(areaId));
    if (list === undefined) return undefined;
    for (const entry of list) if (entry.area.id === areaId) return entry;
    return undefined;
  };
}

/** The id's length and its first, last, middle and quarter characters, as a small integer (a cheap key, not a hash). */
export function idSketch(id: string): number {
  const n = id.length;
  if (n === 0) return 0;
  return ((((n * 31 + id.charCodeAt(0)) * 31 + id.charCodeAt(n - 1)) * 31 + id.charCodeAt(n >> 1)) * 31 + id.charCodeAt(n >> 2)) & 0x3fffffff;
}

/** Whether each item of a list is asked in each kind of area, worked out on first use (0 not yet, 1 no, 2 yes). */
class Applicability {
  private readonly known: Uint8Array;
  constructor(
    private readonly items: readonly MatchableItem[],
    private readonly kinds: readonly ScoringArea[],
  ) {
    this.known = new Uint8Array(items.length * kinds.length);
  }

  asked(index: number, kind: number): boolean {
    const at = index * this.kinds.length + kind;
    let known = this.known[at]!;
    if (known === 0) this.known[at] = known = appliesToArea(this.items[index]!.appliesTo, this.kinds[kind]!) ? 2 : 1;
    return known === 2;
  }
}

/**
 * Each place an item is asked, in itemInstances' order: ward-level items once, and each
 * area-level item once per applicable area, in template order. `slot` finds its answer.
 */
export function eachPlace<Item extends MatchableItem>(
  items: readonly Item[],
  areaIndex: AreaIndex,
  visit: (item: Item, index: number, areaId: string | null, slot: number) => void,
): void {
  const { areas, slotAt, kindAt } = areaIndex;
  const applicability = areaIndex.applicability(items);
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!;
    if (item.appliesTo.scope === 'ward') {
      visit(item, index, null, 0);
      continue;
    }
    for (let position = 0; position < areas.length; position++) {
      if (applicability.asked(index, kindAt[position]!)) visit(item, index, areas[position]!.id, slotAt[position]!);
    }
  }
}

/**
 * A ward's answers one list per field, the n-th of each list belonging to the n-th answer. The
 * engine matches answers in this form: the nation's ~230,000 answers are read from the store as
 * such lists and scored without an object made for each (see answerColumns for a list of Answers).
 */
export interface AnswerColumns {
  itemIds: readonly string[];
  areaIds: readonly (string | null)[];
  values: readonly AnswerValue[];
  naReasons: readonly (string | null | undefined)[];
}

/** A list of answers as the engine reads them, in the same order. */
export function answerColumns(answers: readonly Answer[]): AnswerColumns {
  const itemIds: string[] = [];
  const areaIds: (string | null)[] = [];
  const values: AnswerValue[] = [];
  const naReasons: (string | null | undefined)[] = [];
  for (const answer of answers) {
    itemIds.push(answer.itemId);
    areaIds.push(answer.areaId);
    values.push(answer.value);
    naReasons.push(answer.naReason);
  }
  return { itemIds, areaIds, values, naReasons };
}

export interface MatchedAnswers {
  /** The answers matched, and the position among them of the one accepted at each place: `slots[itemIndex * stride + areaSlot]` (see AreaIndex). */
  answers: AnswerColumns;
  slots: (number | undefined)[];
  stride: number;
  issues: ScoringIssue[];
}

/** The position in matched.answers of the answer accepted for item `itemIndex` (its position in the template) at `areaSlot`, if any. */
export function answerAt(matched: MatchedAnswers, itemIndex: number, areaSlot: number): number | undefined {
  return matched.slots[itemIndex * matched.stride + areaSlot];
}

export interface DomainItems<Item extends MatchableItem> {
  items: readonly Item[];
  /** Why the value cannot answer the item, or null if it can (a method, so a list can mix item types). */
  checkValue(item: Item, value: AnswerValue): string | null;
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
  return matchDomains([{ items, checkValue }], indexAreas(areas), answerColumns(answers))[0]!;
}

/**
 * matchAnswers for several domains in one pass over the answers. `unknown` (if given) receives
 * the positions of the answers that belong to none of them, ordered by item and area.
 */
export function matchDomains(domains: readonly DomainItems<MatchableItem>[], areaIndex: AreaIndex, answers: AnswerColumns, unknown?: number[]): MatchedAnswers[] {
  const stride = areaIndex.areas.length + 1;
  const matched = domains.map((d): MatchedAnswers => ({ answers, slots: new Array<number | undefined>(d.items.length * stride), stride, issues: [] }));
  const applicability = domains.map((d) => areaIndex.applicability(d.items));
  const lookup = itemLookup(domains.map((d) => d.items));
  const { itemIds } = answers;
  for (let n = 0; n < itemIds.length; n++) {
    const places = lookup.get(itemIds[n]!);
    if (places === undefined) {
      unknown?.push(n);
      continue;
    }
    for (let k = 0; k < places.length; k += 2) {
      const domain = places[k]!;
      place(domains[domain]!, places[k + 1]!, n, areaIndex, applicability[domain]!, matched[domain]!);
    }
  }
  for (const m of matched) m.issues.sort(byItemAndArea);
  if (unknown) {
    const { areaIds } = answers;
    // A stable sort of positions taken in order: answers to one place keep the order they came in.
    unknown.sort((a, b) => compare(itemIds[a]!, itemIds[b]!) || compare(areaIds[a] ?? '', areaIds[b] ?? ''));
  }
  return matched;
}

function place(domain: DomainItems<MatchableItem>, index: number, n: number, areaIndex: AreaIndex, applicability: Applicability, into: MatchedAnswers): void {
  const item = domain.items[index]!;
  const areaId = into.answers.areaIds[n]!;
  let slot = 0;
  if (item.appliesTo.scope === 'ward') {
    if (areaId !== null) return refuse(into, 'wrong_scope', item, areaId, `${item.id} is asked once for the ward, not per area`);
  } else {
    if (areaId === null) return refuse(into, 'wrong_scope', item, areaId, `${item.id} is asked per area, but the answer names no area`);
    const entry = areaIndex.find(areaId);
    if (!entry) return refuse(into, 'unknown_area', item, areaId, `${item.id} was answered for area ${areaId}, which is not in this ward`);
    if (!applicability.asked(index, entry.kind)) {
      const { area } = entry;
      return refuse(into, 'not_applicable_here', item, areaId, `${item.id} is not asked in ${area.name} (${area.type}, tier ${area.supervisionTier})`);
    }
    slot = entry.slot;
  }
  const valueProblem = domain.checkValue(item, into.answers.values[n]!);
  if (valueProblem) return refuse(into, 'invalid_value', item, areaId, `${item.id}: ${valueProblem}`);
  const position = index * into.stride + slot;
  if (into.slots[position] !== undefined) return refuse(into, 'duplicate_answer', item, areaId, `${item.id} was answered twice here; the first answer is used`);
  into.slots[position] = n;
}

/** Lists an answer that does not fit, and why. */
function refuse(into: MatchedAnswers, code: IssueCode, item: MatchableItem, areaId: string | null, message: string): void {
  into.issues.push(issue(code, message, { itemId: item.id, areaId }));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** By item, then area (the ward's own first); a stable sort keeps the order answers came in otherwise. */
export function byItemAndArea(a: { itemId: string | null; areaId: string | null }, b: { itemId: string | null; areaId: string | null }): number {
  return compare(a.itemId ?? '', b.itemId ?? '') || compare(a.areaId ?? '', b.areaId ?? '');
}

// Item id → [domain, item index, …] for a list of templates' items, made once per list (a
// template's items never change), found through a tree of WeakMaps keyed by each list in turn. An
// id given twice in one template finds its last item, as a Map built from the list would.
interface LookupNode {
  next: WeakMap<readonly MatchableItem[], LookupNode>;
  lookup?: Map<string, number[]>;
}
const lookups: LookupNode = { next: new WeakMap() };

function itemLookup(itemLists: readonly (readonly MatchableItem[])[]): Map<string, number[]> {
  let node = lookups;
  for (const items of itemLists) {
    let next = node.next.get(items);
    if (!next) node.next.set(items, (next = { next: new WeakMap() }));
    node = next;
  }
  if (!node.lookup) {
    const lookup = new Map<string, number[]>();
    itemLists.forEach((items, domain) => {
      for (const [id, index] of new Map(items.map((item, i) => [item.id, i]))) {
        const places = lookup.get(id);
        if (places) places.push(domain, index);
        else lookup.set(id, [domain, index]);
      }
    });
    node.lookup = lookup;
  }
  return node.lookup;
}

/**
 * Whether "not applicable" needs a written reason: on every ligature prompt (a room where nobody
 * looked is not a safe room) and on every weight 3 compliance item. The answer service refuses
 * such an N/A without one; the engine lists it (and leaves a ligature prompt unanswered).
 */
export function needsNaReason(item: object): boolean {
  return 'weight' in item ? item.weight === 3 : true;
}
