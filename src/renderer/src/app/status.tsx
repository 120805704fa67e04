import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { currentHash } from '../routing/routes';
import { useCurrentHash } from '../routing/use-route';

// One status message at a time ("Board added", "Saved"), set only after the store confirmed.
// It is announced by one live region that lives as long as the app, and shown on the page it
// was meant for (the current one, or the page a removal sends the user to).

interface StatusMessage {
  text: string;
  /** The page the message belongs to; it is not shown elsewhere. */
  hash: string;
  /** Bumped on every message, so saying the same thing twice is announced twice. */
  seq: number;
}

interface StatusApi {
  message: StatusMessage | null;
  announce: (text: string, forHash?: string) => void;
}

const StatusContext = createContext<StatusApi | null>(null);

export function StatusProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<StatusMessage | null>(null);
  const announce = useCallback((text: string, forHash?: string) => {
    setMessage((previous) => ({ text, hash: forHash ?? currentHash(), seq: (previous?.seq ?? 0) + 1 }));
  }, []);
  // Leaving the page a message was for ends it: coming back later must not repeat "Board added".
  useEffect(() => {
    const forget = () => setMessage((current) => (current && current.hash !== currentHash() ? null : current));
    window.addEventListener('hashchange', forget);
    return () => window.removeEventListener('hashchange', forget);
  }, []);
  const api = useMemo(() => ({ message, announce }), [message, announce]);
  return <StatusContext.Provider value={api}>{children}</StatusContext.Provider>;
}

function useStatus(): StatusApi {
  const api = useContext(StatusContext);
  if (!api) throw new Error('useStatus must be used inside <StatusProvider>');
  return api;
}

export function useAnnounce(): StatusApi['announce'] {
  return useStatus().announce;
}

/** The message for the page on screen, if any. */
function useCurrentMessage(): StatusMessage | null {
  const { message } = useStatus();
  const hash = useCurrentHash();
  return message && message.hash === hash ? message : null;
}

/** The app's one polite live region. */
export function LiveStatus() {
  const message = useCurrentMessage();
  return (
    <div className="nhsuk-u-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {message && <span key={message.seq}>{message.text}</span>}
    </div>
  );
}

/** The same message, visible at the top of the page. */
export function StatusBanner() {
  const message = useCurrentMessage();
  if (!message) return null;
  return (
    <div className="app-status-banner" key={message.seq}>
      <p className="nhsuk-body nhsuk-u-margin-bottom-0">{message.text}</p>
    </div>
  );
}
