import { useQuery } from '@tanstack/react-query';
import { useCallback, type DependencyList } from 'react';

export type LoadState<T> =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; data: T };

/**
 * Loads what a screen shows, through the app's one query cache (see query-client.ts): `name`
 * and `deps` are its key, so coming back to a screen shows what it last showed at once while it
 * is read again. `reload` refreshes after a change while the old data stays on screen, so the
 * page does not flash; if the refresh fails the page shows why, like a first load.
 */
export function useLoad<T>(name: string, load: () => Promise<T>, deps: DependencyList) {
  const query = useQuery({ queryKey: ['screen', name, ...deps], queryFn: load });
  const { refetch } = query;
  const reload = useCallback(async () => {
    await refetch();
  }, [refetch]);
  const state: LoadState<T> =
    query.status === 'pending' ? { status: 'loading' } : query.status === 'error' ? { status: 'failed', error: query.error } : { status: 'ready', data: query.data };
  return { state, reload };
}
