import { isAppError } from '../domain/app-error';
import { accessTokenFor, type AccessTokenDeps } from './access-tokens';
import { MicrosoftRequestError } from './ports/microsoft';

/** Retries the queue grants (Forge allows 4); the last attempt records a permanent failure. */
export const MAX_ATTEMPTS = 5;
/** When Microsoft (or Confluence) gives no Retry-After. */
export const DEFAULT_RETRY_AFTER_SECONDS = 30;

/**
 * Runs one Graph call with the owner's access token. Graph can refuse a token before its
 * expiry (revocation, policy): on 401 the token is refreshed once and the call repeated.
 */
export const asOwner = async <T>(
  deps: AccessTokenDeps,
  ownerAccountId: string,
  call: (accessToken: string) => Promise<T>,
): Promise<T> => {
  const token = await accessTokenFor(deps, ownerAccountId);
  try {
    return await call(token);
  } catch (error) {
    if (!(error instanceof MicrosoftRequestError) || error.status !== 401) throw error;
    return call(await accessTokenFor(deps, ownerAccountId, { forceRefresh: true }));
  }
};

export type Failure =
  { kind: 'retry'; retryAfterSeconds: number; reason: string } | { kind: 'failed'; reason: string };

/** Whether Microsoft refused this one request but the same request may succeed later. */
export const isTransient = (error: MicrosoftRequestError): boolean =>
  error.status === 429 || error.status >= 500 || error.code === 'network_error';

const microsoftReason = (error: MicrosoftRequestError, ownerName: string): string => {
  const base = `Microsoft Teams answered ${error.status} (${error.code})`;
  if (error.status === 403 || error.status === 404)
    return `${base}: ${ownerName} may no longer be a member of this channel or chat, or the permission is missing.`;
  return base;
};

/**
 * One place that turns a failed send into what the queue and the delivery log need: a retry
 * after the server's Retry-After while attempts remain, or a failure with a reason a person can
 * act on. Never the error's own text for unknown errors (it could carry anything).
 */
export const classifyFailure = (error: unknown, attempt: number, ownerName: string): Failure => {
  const lastAttempt = attempt >= MAX_ATTEMPTS;
  if (isAppError(error)) {
    if (error.code === 'needs_login')
      return {
        kind: 'failed',
        reason: `${ownerName}'s Microsoft sign-in expired; their rules are paused until they log in again.`,
      };
    if (error.code === 'not_connected')
      return {
        kind: 'failed',
        reason: `${ownerName} is not logged in to Microsoft Teams; their rules are paused until they log in.`,
      };
    return { kind: 'failed', reason: error.message };
  }
  if (error instanceof MicrosoftRequestError) {
    const reason = microsoftReason(error, ownerName);
    if (isTransient(error) && !lastAttempt)
      return {
        kind: 'retry',
        retryAfterSeconds: error.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS,
        reason,
      };
    return {
      kind: 'failed',
      reason: isTransient(error) ? `${reason}; gave up after ${attempt} attempts.` : reason,
    };
  }
  const name = error instanceof Error ? error.name : 'Error';
  const status =
    typeof (error as { status?: unknown })?.status === 'number'
      ? ` ${(error as { status: number }).status}`
      : '';
  const reason = `Unexpected error (${name}${status})`;
  if (!lastAttempt) return { kind: 'retry', retryAfterSeconds: DEFAULT_RETRY_AFTER_SECONDS, reason };
  return { kind: 'failed', reason: `${reason}; gave up after ${attempt} attempts.` };
};
