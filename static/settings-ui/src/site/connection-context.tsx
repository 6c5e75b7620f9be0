import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ConnectionView } from '../../../../src/contracts/connection';
import { asFailure, call, ResolverFailure } from '../api/resolver-client';
import { useResolver } from '../api/use-resolver';
import { openInNewTab } from '../forge/navigation';
import { useAnnounce } from '../ui/announcer';
import { usePolling, useReturnRefresh } from '../ui/use-return-refresh';

/** An OAuth state lives 10 minutes: after that the sign-in tab cannot finish any more. */
const WATCH_LIMIT_MS = 10 * 60 * 1000;
const NOT_FINISHED =
  "The Microsoft sign-in wasn't finished within 10 minutes. Select Log in to Microsoft Teams to try again.";

export interface ConnectionState {
  connection: ConnectionView | undefined;
  error: ResolverFailure | undefined;
  /** A sign-in tab is open and the page is watching for its result. */
  waiting: boolean;
  /** Starting the sign-in failed, or it was not finished in time. */
  loginError: ResolverFailure | undefined;
  login: () => Promise<void>;
  /** The confirmation dialog disconnected the caller; this is the server's answer. */
  disconnected: (view: ConnectionView) => void;
  refresh: () => Promise<void>;
}

const ConnectionContext = createContext<ConnectionState | null>(null);

/**
 * The caller's own Microsoft connection, shared by every login button and picker on the page.
 * After "Log in", sign-in runs in another tab: the page asks every few seconds, and at once when
 * the user comes back, until the status changes.
 */
export const ConnectionProvider = ({ children }: { children: ReactNode }) => {
  const announce = useAnnounce();
  const { data: connection, error, reload, setData } = useResolver('connection/get', {});
  const [watching, setWatching] = useState<{ from: ConnectionView['status'] } | null>(null);
  const [loginError, setLoginError] = useState<ResolverFailure | undefined>(undefined);

  usePolling(watching !== null, () => void reload());
  useReturnRefresh(() => void reload());

  useEffect(() => {
    if (!watching || !connection || connection.status === watching.from) return;
    setWatching(null);
    if (connection.status === 'ok') announce(`Connected to Microsoft Teams as ${connection.displayName}.`);
  }, [announce, connection, watching]);

  useEffect(() => {
    if (!watching) return;
    const timer = window.setTimeout(() => {
      setWatching(null);
      setLoginError(new ResolverFailure('internal', NOT_FINISHED));
    }, WATCH_LIMIT_MS);
    return () => window.clearTimeout(timer);
  }, [watching]);

  const login = useCallback(async () => {
    setLoginError(undefined);
    try {
      const { url } = await call('connection/start-login', {});
      await openInNewTab(url);
      setWatching({ from: connection?.status ?? 'not-connected' });
    } catch (failure) {
      setLoginError(asFailure(failure));
    }
  }, [connection]);

  const disconnected = useCallback(
    (view: ConnectionView) => {
      setData(view);
      announce('Disconnected from Microsoft Teams.');
    },
    [announce, setData],
  );

  const value = useMemo<ConnectionState>(
    () => ({
      connection,
      error,
      waiting: watching !== null,
      loginError,
      login,
      disconnected,
      refresh: reload,
    }),
    [connection, error, watching, loginError, login, disconnected, reload],
  );
  return <ConnectionContext.Provider value={value}>{children}</ConnectionContext.Provider>;
};

export const useConnection = (): ConnectionState => {
  const state = useContext(ConnectionContext);
  if (!state) throw new Error('useConnection needs a ConnectionProvider');
  return state;
};
