import { MicrosoftRequestError, NO_ANSWER, type MicrosoftFailureKind } from '../application/ports/microsoft';

/**
 * What a Graph status means for the app. 500, 502 and 504 come from a gateway that gave up
 * waiting for Teams, which may still have stored the message; 429 and 503 refuse before doing
 * anything. 404 and 410: the chat, channel or message was deleted.
 * @see https://learn.microsoft.com/graph/errors
 */
export const graphFailureKind = (status: number): MicrosoftFailureKind => {
  if (status === 429) return 'throttled';
  if (status === 500 || status === 502 || status === 504) return 'maybe-sent';
  if (status >= 500) return 'unavailable';
  if (status === 401) return 'token-rejected';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'gone';
  return 'invalid';
};

/**
 * What Entra's token endpoint means: `invalid_grant` (a refresh token revoked, expired or already
 * rotated; a code used twice) asks the person to sign in again; 401 (`invalid_client`) refuses
 * the app's own id or secret; the rest reads like Graph.
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow#error-codes-for-token-endpoint-errors
 */
export const entraFailureKind = (status: number, code: string): MicrosoftFailureKind => {
  if (code === 'invalid_grant') return 'grant-rejected';
  if (status === 401) return 'app-rejected';
  return graphFailureKind(status);
};

/**
 * A request that got no answer: it may have reached Microsoft and been carried out. Reported with
 * status 503 (nothing answered) and the code NO_ANSWER.
 */
export const noAnswer = (message: string): MicrosoftRequestError =>
  new MicrosoftRequestError('maybe-sent', 503, NO_ANSWER, message);
