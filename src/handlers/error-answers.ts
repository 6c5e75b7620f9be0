import type { ZodError, ZodType } from 'zod';
import type { ResolverErrorCode } from '../contracts/resolver-api';
import { AppError, invalidInputMessage, isAppError, type AppErrorCode } from '../domain/app-error';

/** What a person is told about a failure, whichever entry point they came through. */
export interface ErrorAnswer {
  code: ResolverErrorCode;
  message: string;
  fieldErrors?: Record<string, string>;
  /** For entry points that answer over HTTP (web triggers, and the bot next). */
  httpStatus: number;
}

const HTTP_STATUS: Record<AppErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  tenant_not_configured: 409,
  not_connected: 409,
  needs_login: 409,
  // Microsoft refused what it was asked on the person's behalf (a cancelled sign-in, an expired
  // code): the person starts again, so a client error.
  microsoft_error: 400,
  confluence_error: 502,
};

/**
 * The one mapping from an error to what the person sees. Only an AppError is expected: its
 * message was written for a person. Anything else (a bug, an upstream answer in a shape the
 * app does not know) is null, and the entry point fails as unexpected without showing it.
 */
export const answerFor = (error: unknown): ErrorAnswer | null =>
  isAppError(error)
    ? {
        code: error.code,
        message: error.message,
        ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
        httpStatus: HTTP_STATUS[error.code],
      }
    : null;

/**
 * Input validation, the only source of `invalid_input` from a schema: each field's first
 * problem, keyed by its path, and one sentence for the form.
 */
export const parseInput = <T>(schema: ZodType<T>, value: unknown): T => {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw inputError(result.error);
};

/** A refused input as the AppError the person sees. */
export const inputError = (error: ZodError): AppError => {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.join('.') || 'input';
    fieldErrors[field] ??= issue.message;
  }
  return new AppError('invalid_input', invalidInputMessage(fieldErrors), fieldErrors);
};
