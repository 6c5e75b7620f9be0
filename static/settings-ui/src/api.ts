import { invoke } from '@forge/bridge';
import type { ResolverApi, ResolverKey, ResolverResult } from '../../../src/contracts/resolver-api';

/** A resolver's refusal, with the server's message and per-field messages for inline display. */
export class ResolverFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** The only way the UI reaches the backend: typed keys, the envelope unwrapped. */
export const call = async <K extends ResolverKey>(
  key: K,
  input: ResolverApi[K]['input'],
): Promise<ResolverApi[K]['output']> => {
  const result = (await invoke(key, input as Record<string, unknown>)) as ResolverResult<
    ResolverApi[K]['output']
  >;
  if (!result.ok)
    throw new ResolverFailure(result.error.code, result.error.message, result.error.fieldErrors);
  return result.data;
};

export const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : 'Something went wrong. Try again.';
