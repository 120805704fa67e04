import type { Output } from '../../../../../shared/contract';
import type { AreaType, SupervisionTier } from '../../../../../shared/domain/estate';
import type { AnswerValue } from '../../../../../shared/scoring';
import { DOMAINS, itemInstances, type Domain, type TemplateItem } from '../../../../../shared/templates';

// The walkthrough's view of an assessment: every place a question is asked (the same instances
// the scoring engine counts, from itemInstances), grouped by area, and the progress through them.

export type Assessment = Output<'assessments.get'>;
export type Template = Output<'templates.get'>;
export type StoredAnswer = Output<'answers.record'>;
export type StoredPoint = Output<'ligaturePoints.create'>;
export type StoredAction = Output<'actions.create'>;

/** "ward" is the ward-level items, asked once for the ward. */
export const WARD_KEY = 'ward';

export interface Instance {
  /** Unique per item and place: `${itemId}@${areaKey}`. Also safe in a DOM id. */
  key: string;
  item: TemplateItem;
  domain: Domain;
  areaId: string | null;
  areaKey: string;
}

export interface WalkArea {
  key: string;
  areaId: string | null;
  name: string;
  type: string | null;
  tier: SupervisionTier | null;
}

export interface Walk {
  areas: WalkArea[];
  instances: Instance[];
  byArea: Map<string, Instance[]>;
  byKey: Map<string, Instance>;
}

export function instanceKeyOf(itemId: string, areaId: string | null): string {
  return `${itemId}@${areaId ?? WARD_KEY}`;
}

/** Areas in the order the assessment holds them, then the ward-level items. */
export function buildWalk(assessment: Assessment, templates: Record<Domain, Template>): Walk {
  const areas: WalkArea[] = assessment.areas.map((a) => ({ key: a.areaId, areaId: a.areaId, name: a.name, type: a.type, tier: a.supervisionTier }));
  areas.push({ key: WARD_KEY, areaId: null, name: 'Whole ward', type: null, tier: null });
  const forApplicability = assessment.areas.map((a) => ({ id: a.areaId, type: a.type as AreaType, supervisionTier: a.supervisionTier }));
  const byArea = new Map<string, Instance[]>(areas.map((a) => [a.key, []]));
  for (const domain of DOMAINS) {
    const items = templates[domain].items as TemplateItem[];
    for (const { item, areaId } of itemInstances(items, forApplicability)) {
      const areaKey = areaId ?? WARD_KEY;
      byArea.get(areaKey)?.push({ key: instanceKeyOf(item.id, areaId), item, domain, areaId, areaKey });
    }
  }
  // Walk order: area by area, each area's items domain by domain in template order.
  const instances = areas.flatMap((a) => byArea.get(a.key) ?? []);
  return { areas, instances, byArea, byKey: new Map(instances.map((i) => [i.key, i])) };
}

export interface Count {
  answered: number;
  applicable: number;
}

export interface Progress {
  byArea: Map<string, Count>;
  byDomain: Record<Domain, Count>;
  total: Count;
}

export function progressOf(walk: Walk, answers: ReadonlyMap<string, StoredAnswer>): Progress {
  const byArea = new Map<string, Count>(walk.areas.map((a) => [a.key, { answered: 0, applicable: 0 }]));
  const byDomain = Object.fromEntries(DOMAINS.map((d) => [d, { answered: 0, applicable: 0 }])) as Record<Domain, Count>;
  const total = { answered: 0, applicable: 0 };
  for (const instance of walk.instances) {
    const answered = answers.has(instance.key) ? 1 : 0;
    for (const count of [byArea.get(instance.areaKey), byDomain[instance.domain], total]) {
      if (!count) continue;
      count.applicable += 1;
      count.answered += answered;
    }
  }
  return { byArea, byDomain, total };
}

/** The first unanswered instance after `fromKey` in walk order, wrapping round; null if all are answered. */
export function nextUnanswered(walk: Walk, answers: { has(key: string): boolean }, fromKey: string | null): Instance | null {
  const list = walk.instances;
  const start = fromKey ? list.findIndex((i) => i.key === fromKey) + 1 : 0;
  for (let step = 0; step < list.length; step += 1) {
    const candidate = list[(start + step) % list.length];
    if (candidate && !answers.has(candidate.key)) return candidate;
  }
  return null;
}

/** Where the walkthrough opens: the address, else where the assessor last was, else the first unanswered question. */
export function initialPlace(
  walk: Walk,
  answers: { has(key: string): boolean },
  route: { area?: string | undefined; item?: string | undefined },
  remembered: Place | null,
): Place {
  if (route.area) return { area: route.area, item: route.item };
  if (remembered && walk.byArea.has(remembered.area)) return remembered;
  const next = nextUnanswered(walk, answers, null);
  return next ? { area: next.areaKey, item: next.key } : { area: walk.areas[0]?.key ?? WARD_KEY };
}

/** The questions answered, or with a save on its way (a failed save does not count). */
export function answeredOrSaving(answers: ReadonlyMap<string, unknown>, states: ReadonlyMap<string, { status: string }>): Set<string> {
  const keys = new Set(answers.keys());
  for (const [key, s] of states) if (s.status !== 'failed') keys.add(key);
  return keys;
}

/** Where a key that answered a question moves on to. */
export type NextAfterAnswer = { to: 'in-area' | 'unanswered'; instance: Instance } | { to: 'nothing-left' };

/**
 * After a question is answered by key: the next question of its area; after an area's last one,
 * the next unanswered question anywhere (this one counting as answered); else nothing is left.
 */
export function nextAfterAnswer(walk: Walk, instance: Instance, answeredOrSavingKeys: ReadonlySet<string>): NextAfterAnswer {
  const list = walk.byArea.get(instance.areaKey) ?? [];
  const following = list[list.findIndex((i) => i.key === instance.key) + 1];
  if (following) return { to: 'in-area', instance: following };
  const pending = new Set(answeredOrSavingKeys);
  pending.add(instance.key);
  const next = nextUnanswered(walk, pending, instance.key);
  return next ? { to: 'unanswered', instance: next } : { to: 'nothing-left' };
}

/** Each question's ligature points. A ward-level prompt's points are in areas, but belong to the ward's question. */
export function pointsByInstance(walk: Walk, points: readonly StoredPoint[]): Map<string, StoredPoint[]> {
  const map = new Map<string, StoredPoint[]>();
  for (const p of points) {
    if (!p.itemId) continue;
    const wardKey = instanceKeyOf(p.itemId, null);
    const key = walk.byKey.has(wardKey) ? wardKey : instanceKeyOf(p.itemId, p.areaId);
    map.set(key, [...(map.get(key) ?? []), p]);
  }
  return map;
}

/** Questions whose latest save failed, wherever they are: never silently left behind in another area. */
export function unsavedInstances(walk: Walk, states: ReadonlyMap<string, { status: string }>): Instance[] {
  return [...states].filter(([, state]) => state.status === 'failed').flatMap(([key]) => walk.byKey.get(key) ?? []);
}

export interface Choice {
  value: AnswerValue;
  label: string;
  /** Keys that choose it when its question has focus (the first is shown). */
  keys: string[];
}

/** The answers an item offers, in the order shown; 1–5 by position always work too. */
export function choicesFor(item: TemplateItem): Choice[] {
  if (!('response' in item)) {
    return [
      { value: 'no_risk', label: 'No risk', keys: ['1'] },
      { value: 'risk_present', label: 'Risk present', keys: ['2', 'r'] },
      { value: 'na', label: 'Does not apply', keys: ['3', 'x'] },
    ];
  }
  const na: Choice[] = item.response.allowNa ? [{ value: 'na', label: 'Does not apply', keys: ['x'] }] : [];
  let base: Choice[];
  switch (item.response.type) {
    case 'yes_partial_no':
      base = [
        { value: 'yes', label: 'Yes', keys: ['y'] },
        { value: 'partial', label: 'Partial', keys: ['p'] },
        { value: 'no', label: 'No', keys: ['n'] },
      ];
      break;
    case 'yes_no':
      base = [
        { value: 'yes', label: 'Yes', keys: ['y'] },
        { value: 'no', label: 'No', keys: ['n'] },
      ];
      break;
    case 'grade':
      base = (['A', 'B', 'C', 'D'] as const).map((g) => ({ value: g, label: `Grade ${g}`, keys: [] }));
      break;
    case 'number':
      return na.map((c, i) => ({ ...c, keys: [String(i + 1), ...c.keys] }));
  }
  return [...base, ...na].map((c, i) => ({ ...c, keys: [String(i + 1), ...c.keys] }));
}

/** Answers short of full compliance, which can carry an action. */
export function fallsShort(value: AnswerValue | undefined, item: TemplateItem): boolean {
  if (value === undefined) return false;
  if (typeof value === 'number') {
    if (!('response' in item) || item.response.type !== 'number') return false;
    const { direction, yes } = item.response.banding;
    return direction === 'higher_is_better' ? value < yes : value > yes;
  }
  return value === 'no' || value === 'partial' || value === 'C' || value === 'D' || value === 'risk_present';
}

export type NumberEntry = { kind: 'empty' } | { kind: 'invalid'; message: string } | { kind: 'valid'; value: number };

/** A number as typed in a question's box (a decimal comma is accepted), checked against the item's range. */
export function parseNumberEntry(text: string, range: { min: number; max: number; integer: boolean; unit: string }): NumberEntry {
  const typed = text.trim().replace(',', '.');
  if (typed === '') return { kind: 'empty' };
  const value = Number(typed);
  if (!Number.isFinite(value) || value < range.min || value > range.max || (range.integer && !Number.isInteger(value))) {
    return { kind: 'invalid', message: `Enter a ${range.integer ? 'whole ' : ''}number from ${range.min} to ${range.max} (${range.unit})` };
  }
  return { kind: 'valid', value };
}

/** “Not applicable” needs a reason here: one rule, shared with the services and the engine. */
export { needsNaReason } from '../../../../../shared/scoring';

/** A remembered choice on this computer (the current assessor, the place); null if storage is unavailable. */
export function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Storage full or disabled: the choice lasts for this visit only.
  }
}

/** A place in the walkthrough: an area key, and the question's instance key if there is one. */
export interface Place {
  area: string;
  item?: string | undefined;
}

/** Where the assessor was, per assessment, so "Resume" goes back there. */
export function rememberedPlace(assessmentId: string): Place | null {
  try {
    const raw = window.localStorage.getItem(`mhea:walk:${assessmentId}`);
    return raw ? (JSON.parse(raw) as Place) : null;
  } catch {
    return null;
  }
}

export function rememberPlace(assessmentId: string, area: string, item?: string): void {
  try {
    window.localStorage.setItem(`mhea:walk:${assessmentId}`, JSON.stringify(item ? { area, item } : { area }));
  } catch {
    // Storage full or disabled: the address still holds the place.
  }
}
