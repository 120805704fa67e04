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
];

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  for (const [pattern, make] of PATTERNS) {
    const match = pattern.exec(path);
    if (match) return make(match.slice(1).map((part) => decodeURIComponent(part)));
  }
  return { page: 'not-found', hash };
}

/** A stable key per page, so moving between pages remounts them (and focuses the new heading). */
export function routeKey(route: Route): string {
  return JSON.stringify(route);
}

export function navigate(to: string): void {
  window.location.hash = to;
}

/** The current location as one of our hrefs ('#/' for the boards page). */
export function currentHash(): string {
  return window.location.hash === '' ? '#/' : window.location.hash;
}
