import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';

export type LoadState<T> =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; data: T };

/**
 * Loads what a screen shows. `reload` refreshes after a change while the old data stays on
 * screen, so the page does not flash; if the refresh fails the page shows why, like a first load.
 */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList) {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const loadRef = useRef(load);
  loadRef.current = load;
  const live = useRef(true);

  useEffect(() => {
    live.current = true;
    setState({ status: 'loading' });
    loadRef.current().then(
      (data) => live.current && setState({ status: 'ready', data }),
      (error: unknown) => live.current && setState({ status: 'failed', error }),
    );
    return () => {
      live.current = false;
    };
    // The caller's deps decide when to load again, as with useEffect.
  }, deps);

  const reload = useCallback(async () => {
    try {
      const data = await loadRef.current();
      if (live.current) setState({ status: 'ready', data });
    } catch (error) {
      if (live.current) setState({ status: 'failed', error });
    }
  }, []);

  return { state, reload };
}
