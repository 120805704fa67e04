// Hash routes, so a reload keeps the page and the Electron app:// protocol needs no server routing.

export type Route =
  | { page: 'boards' }
  | { page: 'board'; id: string }
  | { page: 'site'; id: string }
  | { page: 'ward'; id: string }
  | { page: 'checklists' }
  | { page: 'help'; section?: string }
  | { page: 'compare'; query: string }
  | { page: 'compare-drill'; query: string }
  | { page: 'import' }
  | { page: 'backups' }
  | { page: 'signing' }
  | { page: 'assessment-start'; wardId: string }
  | { page: 'walk'; id: string; area?: string; item?: string }
  | { page: 'assessment-actions'; id: string }
  | { page: 'assessment-ligature'; id: string }
  | { page: 'assessment-sign-off'; id: string }
  | { page: 'assessment-rechecks'; id: string }
  | { page: 'assessment-team'; id: string }
  | { page: 'assessment-resolve'; id: string }
  | { page: 'handouts' }
  | { page: 'not-found'; hash: string };

export const href = {
  boards: () => '#/',
  board: (id: string) => `#/boards/${encodeURIComponent(id)}`,
  site: (id: string) => `#/sites/${encodeURIComponent(id)}`,
  ward: (id: string) => `#/wards/${encodeURIComponent(id)}`,
  checklists: () => '#/checklists',
  help: (section?: string) => (section ? `#/help/${encodeURIComponent(section)}` : '#/help'),
  compare: (query = '') => (query ? `#/compare?${query}` : '#/compare'),
  compareDrill: (query: string) => `#/compare/drill?${query}`,
  importReturns: () => '#/import',
  backups: () => '#/backups',
  signing: () => '#/signing',
  assessmentStart: (wardId: string) => `#/wards/${encodeURIComponent(wardId)}/assessments/new`,
  /** The walkthrough; `area` is an area id or "ward" (ward-level items), `item` an item id. */
  walk: (id: string, area?: string, item?: string) =>
    `#/assessments/${encodeURIComponent(id)}` + (area ? `/areas/${encodeURIComponent(area)}` : '') + (area && item ? `/items/${encodeURIComponent(item)}` : ''),
  assessmentActions: (id: string) => `#/assessments/${encodeURIComponent(id)}/actions`,
  assessmentLigature: (id: string) => `#/assessments/${encodeURIComponent(id)}/ligature`,
  assessmentSignOff: (id: string) => `#/assessments/${encodeURIComponent(id)}/sign-off`,
  assessmentRechecks: (id: string) => `#/assessments/${encodeURIComponent(id)}/rechecks`,
  /** Hand-outs, area assignments and bring-backs of one assessment. */
  assessmentTeam: (id: string) => `#/assessments/${encodeURIComponent(id)}/team`,
  /** Conflicts and probable duplicate areas left by merging another device's work. */
  assessmentResolve: (id: string) => `#/assessments/${encodeURIComponent(id)}/resolve`,
  handouts: () => '#/handouts',
};

/** Each page's address (after the #), one line per page. */
const PATTERNS: [RegExp, (params: string[]) => Route][] = [
  [/^\/?$/, () => ({ page: 'boards' })],
  [/^\/boards\/([^/]+)\/?$/, ([id]) => ({ page: 'board', id: id! })],
  [/^\/sites\/([^/]+)\/?$/, ([id]) => ({ page: 'site', id: id! })],
  [/^\/wards\/([^/]+)\/?$/, ([id]) => ({ page: 'ward', id: id! })],
  [/^\/checklists\/?$/, () => ({ page: 'checklists' })],
  [/^\/help(?:\/([^/]+))?\/?$/, ([section]) => (section ? { page: 'help', section } : { page: 'help' })],
  [/^\/compare\/?(?:\?(.*))?$/, ([query]) => ({ page: 'compare', query: query ?? '' })],
  [/^\/compare\/drill\?(.*)$/, ([query]) => ({ page: 'compare-drill', query: query! })],
  [/^\/import\/?$/, () => ({ page: 'import' })],
  [/^\/backups\/?$/, () => ({ page: 'backups' })],
  [/^\/signing\/?$/, () => ({ page: 'signing' })],
  [/^\/wards\/([^/]+)\/assessments\/new\/?$/, ([wardId]) => ({ page: 'assessment-start', wardId: wardId! })],
  [/^\/assessments\/([^/]+)(?:\/areas\/([^/]+)(?:\/items\/([^/]+))?)?\/?$/, ([id, area, item]) => ({ page: 'walk', id: id!, ...(area ? { area } : {}), ...(item ? { item } : {}) })],
  [/^\/assessments\/([^/]+)\/actions\/?$/, ([id]) => ({ page: 'assessment-actions', id: id! })],
  [/^\/assessments\/([^/]+)\/ligature\/?$/, ([id]) => ({ page: 'assessment-ligature', id: id! })],
  [/^\/assessments\/([^/]+)\/sign-off\/?$/, ([id]) => ({ page: 'assessment-sign-off', id: id! })],
  [/^\/assessments\/([^/]+)\/rechecks\/?$/, ([id]) => ({ page: 'assessment-rechecks', id: id! })],
  [/^\/assessments\/([^/]+)\/team\/?$/, ([id]) => ({ page: 'assessment-team', id: id! })],
  [/^\/assessments\/([^/]+)\/resolve\/?$/, ([id]) => ({ page: 'assessment-resolve', id: id! })],
  [/^\/handouts\/?$/, () => ({ page: 'handouts' })],
];

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  for (const [pattern, make] of PATTERNS) {
    const match = pattern.exec(path);
    if (match) return make(match.slice(1).map((part) => (part === undefined ? '' : decodeURIComponent(part))));
  }
  return { page: 'not-found', hash };
}

/** A stable key per page, so moving between pages remounts them (and focuses the new heading). */
export function routeKey(route: Route): string {
  // Moving between areas and items of a walkthrough keeps the screen (and what it loaded).
  if (route.page === 'walk') return JSON.stringify({ page: route.page, id: route.id });
  return JSON.stringify(route);
}

export function navigate(to: string): void {
  window.location.hash = to;
}

/**
 * The address a walk's place may take when it is written, a moment after the assessor moved: its
 * own, unless the address changed since the place was taken (a link was followed in between, to
 * another area or another page), which a late write must never undo.
 */
export function lateWalkAddress(place: { id: string; area: string; item: string; takenAt: string }, hashNow: string): string | null {
  return hashNow === place.takenAt ? href.walk(place.id, place.area, place.item) : null;
}

/** The current location as one of our hrefs ('#/' for the boards page). */
export function currentHash(): string {
  return window.location.hash === '' ? '#/' : window.location.hash;
}
