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

/** The instance after `key` in the same place, or null when it is the place's last. */
export function nextInArea(walk: Walk, key: string): Instance | null {
  const instance = walk.byKey.get(key);
  if (!instance) return null;
  const list = walk.byArea.get(instance.areaKey) ?? [];
  return list[list.findIndex((i) => i.key === key) + 1] ?? null;
}

/** Other areas of the same type as `areaKey` (candidates to share its design), in route order. */
export function sameDesign(walk: Walk, areaKey: string): WalkArea[] {
  const area = walk.areas.find((a) => a.key === areaKey);
  if (!area || area.areaId === null) return [];
  return walk.areas.filter((a) => a.key !== areaKey && a.type === area.type);
}

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

/** Where the assessor was, per assessment, so "Resume" goes back there. */
export function rememberedPlace(assessmentId: string): { area: string; item?: string } | null {
  const raw = readStored(`mhea:walk:${assessmentId}`);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as { area: string; item?: string };
  } catch {
    return null;
  }
}

export function rememberPlace(assessmentId: string, area: string, item?: string): void {
  writeStored(`mhea:walk:${assessmentId}`, JSON.stringify(item ? { area, item } : { area }));
}
