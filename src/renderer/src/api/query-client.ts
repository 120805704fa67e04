import { QueryClient, notifyManager } from '@tanstack/react-query';

// A confirmed save must show as "Saved" at once: the cache tells its subscribers in a microtask
// rather than after a timer (a timer's turn can come late on a busy laptop).
notifyManager.setScheduler(queueMicrotask);

/**
 * The renderer's one cache of server state. Every screen reads the store through it (queries),
 * and every change goes through it (mutations), so a saved answer updates the one copy every
 * screen shows; nothing keeps its own copy of server data. Queries never retry by themselves:
 * a failure is shown to the person, who decides.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 0 },
      mutations: { retry: false },
    },
  });
}
