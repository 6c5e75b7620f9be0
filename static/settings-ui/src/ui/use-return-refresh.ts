import { useEffect, useRef } from 'react';

/**
 * Runs `refresh` when the user comes back to this tab (sign-in and consent happen in another
 * one). Both events: the frame's window gets `focus` only if focus returns into the frame.
 */
export const useReturnRefresh = (refresh: () => void): void => {
  const latest = useRef(refresh);
  latest.current = refresh;
  useEffect(() => {
    const onFocus = () => latest.current();
    const onVisible = () => {
      if (document.visibilityState === 'visible') latest.current();
    };
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, []);
};

/** Calls `check` every `everyMs` while `active`, for at most `forMs` (an OAuth state lives 10 minutes). */
export const usePolling = (
  active: boolean,
  check: () => void,
  everyMs = 3000,
  forMs = 10 * 60 * 1000,
): void => {
  const latest = useRef(check);
  latest.current = check;
  useEffect(() => {
    if (!active) return;
    const started = Date.now();
    const timer = window.setInterval(() => {
      if (Date.now() - started > forMs) window.clearInterval(timer);
      else latest.current();
    }, everyMs);
    return () => window.clearInterval(timer);
  }, [active, everyMs, forMs]);
};
