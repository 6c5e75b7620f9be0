import { isAppError } from '../../domain/app-error';
import type { Connection } from '../../domain/connection';
import { accessTokenFor, type AccessTokenDeps } from './access-tokens';
import { ConfluenceRequestError } from '../ports/confluence';
import { isMicrosoftFailure, MicrosoftRequestError } from '../ports/microsoft';
import { deliveryFailureReason, isTransient } from './microsoft-failures';

/** Retries the queue grants (Forge allows 4); the last attempt records a permanent failure. */
export const MAX_ATTEMPTS = 5;
/** When Microsoft (or Confluence) gives no Retry-After. */
export const DEFAULT_RETRY_AFTER_SECONDS = 30;

/**
 * Runs one Graph call with the owner's access token. Graph can refuse a token before its
 * expiry (revocation, policy): then the token is refreshed once and the call repeated.
 */
export const asOwner = async <T>(
  deps: AccessTokenDeps,
  ownerAccountId: string,
  call: (accessToken: string) => Promise<T>,
  /** The owner's connection, when the caller has read it already. */
  connection?: Connection | null,
): Promise<T> => {
  const token = await accessTokenFor(deps, ownerAccountId, { connection });
  try {
    return await call(token);
  } catch (error) {
    if (!isMicrosoftFailure(error, 'token-rejected')) throw error;
    return call(await accessTokenFor(deps, ownerAccountId, { forceRefresh: true, connection }));
  }
};

export type Failure =
  | {
      kind: 'retry';
      retryAfterSeconds: number;
      reason: string;
      /** A send may have reached Teams without an answer: the retry looks before sending. */
      unconfirmed?: boolean;
    }
  | { kind: 'failed'; reason: string };

/**
 * What a queue retry knows. `unconfirmed`: an earlier attempt may have created the message
 * (it said so in its retry data, or the retry is not one the app asked for: a timeout, a crash).
 */
export interface Attempt {
  number: number;
  unconfirmed: boolean;
}

export const FIRST_ATTEMPT: Attempt = { number: 1, unconfirmed: false };

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
    const reason = deliveryFailureReason(error, ownerName);
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
  if (error instanceof ConfluenceRequestError) {
    // The adapter wrote the message: what was asked (ids only) and Confluence's status.
    if (error.kind === 'unavailable' && !lastAttempt)
      return { kind: 'retry', retryAfterSeconds: DEFAULT_RETRY_AFTER_SECONDS, reason: error.message };
    return {
      kind: 'failed',
      reason:
        error.kind === 'unavailable' ? `${error.message}; gave up after ${attempt} attempts.` : error.message,
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
