import { useSyncExternalStore } from 'react';
import { currentHash, parseRoute, type Route } from './routes';

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useCurrentHash(): string {
  return useSyncExternalStore(subscribe, currentHash);
}

export function useRoute(): Route {
  return parseRoute(useCurrentHash());
}
