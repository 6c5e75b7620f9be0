import type { ResolverErrorCode } from '../contracts/resolver-api';

/**
 * Stable error codes; each entry point maps them to its own answer in one place. The list is the
 * contract's (the UI shows them), less `internal`, which only the UI uses.
 */
export type AppErrorCode = Exclude<ResolverErrorCode, 'internal'>;

/**
 * An expected failure with a message a person can act on. Never put a token, a secret or a
 * stack into `message`: it reaches the UI and the logs.
 */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** One sentence for the whole form; each field's own message is shown next to the field. */
export const invalidInputMessage = (fieldErrors: Record<string, string>): string => {
  const messages = Object.values(fieldErrors);
  const more = messages.length > 1 ? ` (and ${messages.length - 1} more to fix)` : '';
  return `Some settings need a change: ${messages[0] ?? 'check the form'}${more}.`;
};

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;
