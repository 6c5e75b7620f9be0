import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResolverApi, ResolverKey } from '../../../../src/contracts/resolver-api';
import { asFailure, call, type ResolverFailure } from './resolver-client';

export interface Loaded<T> {
  data: T | undefined;
  error: ResolverFailure | undefined;
  /** True while a request runs; `data` keeps the last answer meanwhile, so lists do not flicker. */
  loading: boolean;
  reload: () => Promise<void>;
  /** Replaces the data with what a write answered, without asking again. */
  setData: (data: T) => void;
}

/**
 * Loads one resolver's answer for `input` (compared by value), again when the input changes;
 * answers to an older request are dropped.
 */
export const useResolver = <K extends ResolverKey>(
  key: K,
  input: ResolverApi[K]['input'],
  enabled = true,
): Loaded<ResolverApi[K]['output']> => {
  type Output = ResolverApi[K]['output'];
  const [data, setData] = useState<Output | undefined>(undefined);
  const [error, setError] = useState<ResolverFailure | undefined>(undefined);
  const [loading, setLoading] = useState(enabled);
  const latest = useRef(0);
  const inputKey = JSON.stringify(input);

  const reload = useCallback(async () => {
    const request = ++latest.current;
    setLoading(true);
    try {
      const answer = await call(key, JSON.parse(inputKey) as ResolverApi[K]['input']);
      if (request !== latest.current) return;
      setData(answer);
      setError(undefined);
    } catch (failure) {
      if (request !== latest.current) return;
      setError(asFailure(failure));
    } finally {
      if (request === latest.current) setLoading(false);
    }
  }, [key, inputKey]);

  useEffect(() => {
    if (!enabled) {
      latest.current++;
      setLoading(false);
      return;
    }
    setData(undefined);
    void reload();
  }, [enabled, reload]);

  const replace = useCallback((next: Output) => {
    latest.current++;
    setData(next);
    setError(undefined);
    setLoading(false);
  }, []);

  return { data, error, loading, reload, setData: replace };
};
