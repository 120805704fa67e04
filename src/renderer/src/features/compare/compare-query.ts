import type { Input } from '../../../../shared/contract';
import { COMPARE_DOMAINS, COMPARE_LEVELS, type CompareDomain } from '../../../../shared/contract/compare';
import { WARD_TYPES, type WardType } from '../../../../shared/domain/estate';
import { href } from '../../routing/routes';

// The comparison's filters live in the address (after #/compare?), so a drill-down's "back"
// link, a reload and a bookmark all return to the same comparison.

export interface CompareQuery {
  level: (typeof COMPARE_LEVELS)[number];
  id: string | null;
  wardTypes: WardType[];
  round: string | null;
  /** Roll-ups count signed-off assessments; true: a ward with none in the round shows its latest draft. */
  includeDrafts: boolean;
}

export const NATION: CompareQuery = { level: 'nation', id: null, wardTypes: [], round: null, includeDrafts: false };

export function parseCompareQuery(query: string): CompareQuery {
  const params = new URLSearchParams(query);
  const level = COMPARE_LEVELS.find((l) => l === params.get('level')) ?? 'nation';
  const id = params.get('id');
  const types = (params.get('types') ?? '').split(',');
  const round = params.get('round');
  return {
    level: level !== 'nation' && id ? level : 'nation',
    id: level !== 'nation' && id ? id : null,
    wardTypes: WARD_TYPES.filter((t) => types.includes(t)),
    round: round && /^\d{4}\/\d{2}$/.test(round) ? round : null,
    includeDrafts: params.get('drafts') === '1',
  };
}

function queryParams(q: CompareQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (q.level !== 'nation' && q.id) {
    params.set('level', q.level);
    params.set('id', q.id);
  }
  if (q.wardTypes.length > 0) params.set('types', q.wardTypes.join(','));
  if (q.round) params.set('round', q.round);
  if (q.includeDrafts) params.set('drafts', '1');
  return params;
}

export function compareHref(q: CompareQuery): string {
  return href.compare(queryParams(q).toString());
}

export function toDataInput(q: CompareQuery): Input<'compare.data'> {
  return {
    level: q.level,
    ...(q.id ? { id: q.id } : {}),
    ...(q.wardTypes.length > 0 ? { wardTypes: q.wardTypes } : {}),
    ...(q.round ? { round: q.round } : {}),
    includeDrafts: q.includeDrafts,
  };
}

export interface DrillTarget {
  assessmentId: string;
  domain: CompareDomain;
}

export function drillHref(q: CompareQuery, target: DrillTarget): string {
  const params = queryParams(q);
  params.set('assessment', target.assessmentId);
  params.set('domain', target.domain);
  return href.compareDrill(params.toString());
}

/** The drill-down's target and the comparison to go back to, or null if the address is incomplete. */
export function parseDrillQuery(query: string): { back: CompareQuery; target: DrillTarget } | null {
  const params = new URLSearchParams(query);
  const assessmentId = params.get('assessment');
  const domain = COMPARE_DOMAINS.find((d) => d === params.get('domain'));
  if (!assessmentId || !domain) return null;
  return { back: parseCompareQuery(query), target: { assessmentId, domain } };
}
