import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import { TEST_IDS } from '../testids';

const AnnounceContext = createContext<(text: string) => void>(() => undefined);

/**
 * One polite live region for short confirmations that have no visible message of their own
 * ("Copied", "Rule deleted"). Cleared first, so the same words are announced twice in a row.
 */
export const AnnouncerProvider = ({ children }: { children: ReactNode }) => {
  const [text, setText] = useState('');
  const timer = useRef<number | undefined>(undefined);
  const announce = useCallback((next: string) => {
    setText('');
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setText(next), 100);
  }, []);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div className="visually-hidden" role="status" aria-live="polite" data-testid={TEST_IDS.announcer}>
        {text}
      </div>
    </AnnounceContext.Provider>
  );
};

export const useAnnounce = (): ((text: string) => void) => useContext(AnnounceContext);
