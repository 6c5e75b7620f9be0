import { ZodError } from 'zod';
import type { ResolverResult } from '../contracts/resolver-api';
import { invalidInputMessage, isAppError } from '../domain/app-error';

/**
 * Expected failures become the envelope's error with a message a person can act on; anything
 * else is rethrown so the platform marks the invocation failed (and the UI shows a generic error).
 */
export const toResolverFailure = (error: unknown): ResolverResult<never> => {
  if (isAppError(error)) {
    return {
      ok: false,
      error: {
        code: error.code,
        message: error.message,
        ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
      },
    };
  }
  if (error instanceof ZodError) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of error.issues) {
      const field = issue.path.join('.') || 'input';
      fieldErrors[field] ??= issue.message;
    }
    return {
      ok: false,
      error: { code: 'invalid_input', message: invalidInputMessage(fieldErrors), fieldErrors },
    };
  }
  throw error;
};
