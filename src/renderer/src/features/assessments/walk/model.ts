import type { Output } from '../../../../../shared/contract';
import type { AreaType, SupervisionTier } from '../../../../../shared/domain/estate';
import { DOMAINS, itemInstances, type Domain, type TemplateItem } from '../../../../../shared/templates';
import { WARD_STOP, routeStops } from '../../../../../shared/walk/route';

// The walkthrough's view of an assessment: every place a question is asked (the same instances
// the scoring engine counts, from itemInstances), grouped by place in the assessor's route, and
// the progress through them. Pure: the walkthrough's screens and their tests build on it.

export type Assessment = Output<'assessments.get'>;
export type Template = Output<'templates.get'>;
export type StoredAnswer = Output<'answers.record'>;
export type StoredPoint = Output<'ligaturePoints.create'>;
export type StoredAction = Output<'actions.create'>;

/** The place of the ward-level items, asked once for the ward (also its key in the address). */
export const WARD_KEY = WARD_STOP;

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
  /** The sample room it was filled from, if any. */
  sampleAreaId: string | null;
}

export interface Walk {
  /** The places in route order: areas, with the ward-level items at their place. */
  areas: WalkArea[];
  instances: Instance[];
  byArea: Map<string, Instance[]>;
  byKey: Map<string, Instance>;
}

export function instanceKeyOf(itemId: string, areaId: string | null): string {
  return `${itemId}@${areaId ?? WARD_KEY}`;
}

export const WARD_NAME = 'Whole ward';

/** The places in the assessor's route, each with its questions domain by domain in template order. */
export function buildWalk(assessment: Pick<Assessment, 'areas' | 'wardPosition'>, templates: Record<Domain, Pick<Template, 'items'>>): Walk {
  const byId = new Map(assessment.areas.map((a) => [a.areaId, a]));
  const areas: WalkArea[] = routeStops(
    assessment.areas.map((a) => a.areaId),
    assessment.wardPosition,
  ).map((stop) => {
    const a = byId.get(stop);
    return a
      ? { key: a.areaId, areaId: a.areaId, name: a.name, type: a.type, tier: a.supervisionTier, sampleAreaId: a.sampleAreaId }
      : { key: WARD_KEY, areaId: null, name: WARD_NAME, type: null, tier: null, sampleAreaId: null };
  });
  const forApplicability = assessment.areas.map((a) => ({ id: a.areaId, type: a.type as AreaType, supervisionTier: a.supervisionTier }));
  const byArea = new Map<string, Instance[]>(areas.map((a) => [a.key, []]));
  for (const domain of DOMAINS) {
    const items = templates[domain].items as TemplateItem[];
    for (const { item, areaId } of itemInstances(items, forApplicability)) {
      const areaKey = areaId ?? WARD_KEY;
      byArea.get(areaKey)?.push({ key: instanceKeyOf(item.id, areaId), item, domain, areaId, areaKey });
    }
  }
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

export function progressOf(walk: Walk, answered: { has(key: string): boolean }): Progress {
  const byArea = new Map<string, Count>(walk.areas.map((a) => [a.key, { answered: 0, applicable: 0 }]));
  const byDomain = Object.fromEntries(DOMAINS.map((d) => [d, { answered: 0, applicable: 0 }])) as Record<Domain, Count>;
  const total = { answered: 0, applicable: 0 };
  for (const instance of walk.instances) {
    const done = answered.has(instance.key) ? 1 : 0;
    for (const count of [byArea.get(instance.areaKey), byDomain[instance.domain], total]) {
      if (!count) continue;
      count.applicable += 1;
      count.answered += done;
    }
  }
  return { byArea, byDomain, total };
}

/** The first unanswered instance after `fromKey` in walk order, wrapping round; null if all are answered. */
export function nextUnanswered(walk: Walk, answered: { has(key: string): boolean }, fromKey: string | null): Instance | null {
  const list = walk.instances;
  const start = fromKey ? list.findIndex((i) => i.key === fromKey) + 1 : 0;
  for (let step = 0; step < list.length; step += 1) {
    const candidate = list[(start + step) % list.length];
    if (candidate && !answered.has(candidate.key)) return candidate;
  }
  return null;
}

/** Where the walkthrough opens: the address, else where the assessor last was, else the first unanswered question. */
export function initialPlace(
  walk: Walk,
  answered: { has(key: string): boolean },
  route: { area?: string | undefined; item?: string | undefined },
  remembered: Place | null,
): Place {
  if (route.area) return { area: route.area, item: route.item };
  if (remembered && walk.byArea.has(remembered.area)) return remembered;
  const next = nextUnanswered(walk, answered, null);
  return next ? { area: next.areaKey, item: next.key } : { area: walk.areas[0]?.key ?? WARD_KEY };
}

/** The questions answered in the store, or with a save on its way (a refused save does not count). */
export function answeredOrSaving(stored: Readonly<Record<string, unknown>>, saving: (key: string) => boolean): { has(key: string): boolean } {
  return { has: (key) => stored[key] !== undefined || saving(key) };
}

/** Where a key that answered a question moves on to. */
export type NextAfterAnswer = { to: 'in-area' | 'unanswered'; instance: Instance } | { to: 'nothing-left' };

/**
 * After a question is answered by key: the next question of its place; after a place's last one,
 * the next unanswered question anywhere in the route (this one counting as answered); else nothing is left.
 */
export function nextAfterAnswer(walk: Walk, instance: Instance, answered: { has(key: string): boolean }): NextAfterAnswer {
  const list = walk.byArea.get(instance.areaKey) ?? [];
  const following = list[list.findIndex((i) => i.key === instance.key) + 1];
  if (following) return { to: 'in-area', instance: following };
  const next = nextUnanswered(walk, { has: (key) => key === instance.key || answered.has(key) }, instance.key);
  return next ? { to: 'unanswered', instance: next } : { to: 'nothing-left' };
}

/** A question's ligature points: its prompt's in its area; a ward-level prompt's wherever on the ward they are. */
export function pointsOfQuestion<P extends Pick<StoredPoint, 'itemId' | 'areaId'>>(instance: Pick<Instance, 'item' | 'areaId'>, points: readonly P[]): P[] {
  return points.filter((p) => p.itemId === instance.item.id && (instance.areaId === null || p.areaId === instance.areaId));
}

/** Questions whose latest save was refused, wherever they are: never silently left behind in another area. */
export function unsavedInstances(walk: Walk, failedKeys: readonly string[]): Instance[] {
  return failedKeys.flatMap((key) => walk.byKey.get(key) ?? []);
}

/** Other areas of the same type as `areaKey` (candidates to share its design), in route order. */
export function sameDesign(walk: Walk, areaKey: string): WalkArea[] {
  const area = walk.areas.find((a) => a.key === areaKey);
  if (!area || area.areaId === null) return [];
  return walk.areas.filter((a) => a.key !== areaKey && a.type === area.type);
}

/**
 * A remembered choice on this computer (the current assessor, the place), or for this tab only
 * (`session`); null if storage is unavailable.
 */
export function readStored(key: string, where: 'local' | 'session' = 'local'): string | null {
  try {
    return storage(where).getItem(key);
  } catch {
    return null;
  }
}

/** Remembers `value` under `key`, or forgets it (null). */
export function writeStored(key: string, value: string | null, where: 'local' | 'session' = 'local'): void {
  try {
    if (value === null) storage(where).removeItem(key);
    else storage(where).setItem(key, value);
  } catch {
    // Storage full or disabled: the choice lasts for this visit only.
  }
}

const storage = (where: 'local' | 'session') => (where === 'local' ? window.localStorage : window.sessionStorage);

/** A place in the walkthrough: an area key, and the question's instance key if there is one. */
export interface Place {
  area: string;
  item?: string | undefined;
}

/** Where the assessor was, per assessment, so "Resume" goes back there. */
export function rememberedPlace(assessmentId: string): Place | null {
  const raw = readStored(`mhea:walk:${assessmentId}`);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Place;
  } catch {
    return null;
  }
}

export function rememberPlace(assessmentId: string, area: string, item?: string): void {
  writeStored(`mhea:walk:${assessmentId}`, JSON.stringify(item ? { area, item } : { area }));
}

/**
 * The question the assessor had moved to when the page went away (a reload, a tablet discarding
 * the tab) before the address caught up with it, kept for this tab only, with the address it was
 * taken at. The next walkthrough to open takes it, once: at that very address and area it opens on
 * that question rather than the one before; anywhere else the address wins and it is dropped.
 */
const UNWRITTEN_PLACE = 'mhea:walk:unwritten';

export function keepUnwrittenPlace(assessmentId: string, place: { area: string; item: string; takenAt: string }): void {
  writeStored(UNWRITTEN_PLACE, JSON.stringify({ assessmentId, ...place }), 'session');
}

export function dropUnwrittenPlace(): void {
  writeStored(UNWRITTEN_PLACE, null, 'session');
}

/** The question kept by keepUnwrittenPlace for this assessment, area and address, if any; it is removed either way. */
export function takeUnwrittenPlace(assessmentId: string, area: string | undefined, address: string): string | null {
  const raw = readStored(UNWRITTEN_PLACE, 'session');
  if (raw === null) return null;
  dropUnwrittenPlace();
  try {
    const kept = JSON.parse(raw) as { assessmentId?: unknown; area?: unknown; item?: unknown; takenAt?: unknown };
    return kept.assessmentId === assessmentId && kept.area === area && kept.takenAt === address && typeof kept.item === 'string' ? kept.item : null;
  } catch {
    return null;
  }
}
