import type { ResolverResult } from '../contracts/resolver-api';
import { answerFor } from './error-answers';

/**
 * Expected failures become the envelope's error with a message a person can act on; anything
 * else is rethrown so the platform marks the invocation failed (and the UI shows a generic error).
 */
export const toResolverFailure = (error: unknown): ResolverResult<never> => {
  const answer = answerFor(error);
  if (!answer) throw error;
  const { code, message, fieldErrors } = answer;
  return { ok: false, error: { code, message, ...(fieldErrors ? { fieldErrors } : {}) } };
};
