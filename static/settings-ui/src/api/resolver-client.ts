import { invoke } from '@forge/bridge';
import type {
  ResolverApi,
  ResolverErrorCode,
  ResolverKey,
  ResolverResult,
} from '../../../../src/contracts/resolver-api';

/** A resolver's refusal: the server's message, and per-field messages keyed by zod path. */
export class ResolverFailure extends Error {
  constructor(
    readonly code: ResolverErrorCode,
    message: string,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ResolverFailure';
  }
}

/**
 * A failed invocation (the function threw, timed out or could not be reached) carries the
 * platform's wording, which means nothing to a Confluence user; the resolver's own refusals
 * come in the envelope and are shown as they are.
 */
const UNREACHABLE =
  'Microsoft Teams for Confluence could not complete this request. Try again in a moment; if it keeps happening, tell your Confluence admin.';

type Input<K extends ResolverKey> = ResolverApi[K]['input'];
type Output<K extends ResolverKey> = ResolverApi[K]['output'];

const isEnvelope = (value: unknown): value is ResolverResult<unknown> =>
  typeof value === 'object' && value !== null && 'ok' in value;

/** The only way the UI reaches the backend: typed keys, the envelope unwrapped. */
export const call = async <K extends ResolverKey>(key: K, input: Input<K>): Promise<Output<K>> => {
  let result: unknown;
  try {
    result = await invoke(key, input as Record<string, unknown>);
  } catch {
    throw new ResolverFailure('internal', UNREACHABLE);
  }
  if (!isEnvelope(result)) throw new ResolverFailure('internal', UNREACHABLE);
  if (!result.ok)
    throw new ResolverFailure(result.error.code, result.error.message, result.error.fieldErrors);
  return result.data as Output<K>;
};

/** Any error as a failure the UI can show: never a stack. */
export const asFailure = (error: unknown): ResolverFailure =>
  error instanceof ResolverFailure ? error : new ResolverFailure('internal', UNREACHABLE);
