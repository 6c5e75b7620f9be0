import type { SimContext } from '../sim-context';
import { graphError, tooManyRequests } from './graph-error';
import type { GraphRequest, GraphResponse } from './graph-request';

/** The answer for an injected 429 or 503; both carry the configured `Retry-After`. */
export function faultResponse(ctx: SimContext, req: GraphRequest, kind: '429' | '503'): GraphResponse {
  const retryAfter = ctx.faults.get().retryAfterSeconds;
  if (kind === '429') return tooManyRequests(ctx.clock(), req, retryAfter, '(injected fault)');
  return graphError(
    ctx.clock(),
    req,
    503,
    'ServiceNotAvailable',
    'The service is temporarily unavailable. (injected fault)',
    {
      'Retry-After': String(retryAfter),
    },
  );
}
