// Hash routes, so a reload keeps the page and the Electron app:// protocol needs no server routing.

export type Route =
  | { page: 'boards' }
  | { page: 'board'; id: string }
  | { page: 'site'; id: string }
  | { page: 'ward'; id: string }
  | { page: 'not-found'; hash: string };

export const href = {
  boards: () => '#/',
  board: (id: string) => `#/boards/${encodeURIComponent(id)}`,
  site: (id: string) => `#/sites/${encodeURIComponent(id)}`,
  ward: (id: string) => `#/wards/${encodeURIComponent(id)}`,
};

const PAGES = { boards: 'board', sites: 'site', wards: 'ward' } as const;

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '' || path === '/') return { page: 'boards' };
  const match = /^\/(boards|sites|wards)\/([^/]+)\/?$/.exec(path);
  if (!match) return { page: 'not-found', hash };
  const [, collection, id] = match as unknown as [string, keyof typeof PAGES, string];
  return { page: PAGES[collection], id: decodeURIComponent(id) };
}

/** A stable key per page, so moving between pages remounts them (and focuses the new heading). */
export function routeKey(route: Route): string {
  return route.page === 'not-found' ? `not-found:${route.hash}` : `${route.page}:${'id' in route ? route.id : ''}`;
}

export function navigate(to: string): void {
  window.location.hash = to;
}

/** The current location as one of our hrefs ('#/' for the boards page). */
export function currentHash(): string {
  return window.location.hash === '' ? '#/' : window.location.hash;
}
