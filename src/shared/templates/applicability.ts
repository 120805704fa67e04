import type { AreaType, SupervisionTier } from '../domain/estate';
import type { AppliesTo } from './item-schema';

// Which questions an assessor is asked where. The scoring engine and the assessment screens both
// use this, so "applicable" means the same thing in the walk-round and in the score.

export interface AreaForApplicability {
  id: string;
  type: AreaType;
  supervisionTier: SupervisionTier;
}

/** One place an item is asked: the ward as a whole (areaId null) or one area. */
export interface ItemInstance<Item> {
  item: Item;
  areaId: string | null;
}

export function appliesToArea(appliesTo: AppliesTo, area: AreaForApplicability): boolean {
  if (appliesTo.scope === 'ward') return false;
  const typeMatches = appliesTo.areaTypes === 'all' || appliesTo.areaTypes.includes(area.type);
  return typeMatches && area.supervisionTier >= (appliesTo.minTier ?? 1);
}

/** Ward-level items once, then each area-level item once per applicable area, in template order. */
export function itemInstances<Item extends { appliesTo: AppliesTo }>(
  items: readonly Item[],
  areas: readonly AreaForApplicability[],
): ItemInstance<Item>[] {
  const instances: ItemInstance<Item>[] = [];
  for (const item of items) {
    if (item.appliesTo.scope === 'ward') {
      instances.push({ item, areaId: null });
      continue;
    }
    for (const area of areas) {
      if (appliesToArea(item.appliesTo, area)) instances.push({ item, areaId: area.id });
    }
  }
  return instances;
}
