import type { AreaType } from '../domain/estate';
import { compareNames } from '../names';

// The assessor's route through a ward: the order the areas are walked in, and where the questions
// asked once for the whole ward sit in it. Stored per assessment (a position per area and the
// ward-level questions' place) and carried to the ward's next round.

/** The ward-level questions' stop in a route (an area id everywhere else). */
export const WARD_STOP = 'ward';

/**
 * A first route for a ward walked for the first time: the ward-level questions first (a walk
 * starts at the entrance), then the areas in the order a walk usually meets them, each type's
 * areas by name (numbers in order).
 */
export const ROUTE_TYPE_ORDER: readonly AreaType[] = [
  'entrance',
  'corridor',
  'lounge',
  'dining',
  'activity',
  'quiet_room',
  'visitor_room',
  'kitchen',
  'laundry',
  'clinic',
  'bedroom',
  'en_suite',
  'bathroom_wc',
  'seclusion',
  'garden',
  'other',
];

export function byName(a: { name: string }, b: { name: string }): number {
  return compareNames(a.name, b.name);
}

interface RouteArea {
  areaId: string;
  name: string;
  type: string;
}

/** Area ids in the first route for a ward (see ROUTE_TYPE_ORDER). */
export function defaultRoute(areas: readonly RouteArea[]): string[] {
  const rank = (type: string) => {
    const at = ROUTE_TYPE_ORDER.indexOf(type as AreaType);
    return at < 0 ? ROUTE_TYPE_ORDER.length : at;
  };
  return [...areas].sort((a, b) => rank(a.type) - rank(b.type) || byName(a, b)).map((a) => a.areaId);
}

/** Why `stops` is not a route through exactly these areas (each once, and the ward stop once), or null. */
export function routeProblem(stops: readonly string[], areaIds: readonly string[]): string | null {
  const known = new Set(areaIds);
  const seen = new Set<string>();
  for (const stop of stops) {
    if (seen.has(stop)) return `${stop === WARD_STOP ? 'The ward-level questions are' : `Area ${stop} is`} in the route twice`;
    if (stop !== WARD_STOP && !known.has(stop)) return `Area ${stop} is not an area of this assessment`;
    seen.add(stop);
  }
  if (!seen.has(WARD_STOP)) return 'The route must say where the ward-level questions are asked';
  const missing = areaIds.filter((id) => !seen.has(id));
  if (missing.length > 0) return `The route leaves out ${missing.length === 1 ? 'an area' : `${missing.length} areas`} (${missing.join(', ')})`;
  return null;
}

/** A route as stored: each area's position, and the ward-level questions' place among them. */
export interface StoredRoute {
  positions: Map<string, number>;
  wardPosition: number;
}

export function storedRoute(stops: readonly string[]): StoredRoute {
  const positions = new Map<string, number>();
  let wardPosition = 0;
  for (const stop of stops) {
    if (stop === WARD_STOP) wardPosition = positions.size;
    else positions.set(stop, positions.size);
  }
  return { positions, wardPosition };
}

/** The stops of a stored route: areas (already in route order) with the ward stop at its place. */
export function routeStops(areaIdsInOrder: readonly string[], wardPosition: number): string[] {
  const at = Math.min(Math.max(0, wardPosition), areaIdsInOrder.length);
  return [...areaIdsInOrder.slice(0, at), WARD_STOP, ...areaIdsInOrder.slice(at)];
}

/**
 * The route for a ward's next round: the previous round's route for the areas it walked, then
 * any area new since (in the first-route order), with the ward-level questions where they were.
 */
export function carriedRoute(previousStops: readonly string[] | null, areas: readonly RouteArea[]): string[] {
  const current = new Set(areas.map((a) => a.areaId));
  if (!previousStops) return routeStops(defaultRoute(areas), 0);
  const kept = previousStops.filter((stop) => stop === WARD_STOP || current.has(stop));
  const seen = new Set(kept);
  const added = defaultRoute(areas.filter((a) => !seen.has(a.areaId)));
  return [...kept, ...added];
}
