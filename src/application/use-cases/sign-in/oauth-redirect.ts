import { AppError } from '../../../domain/app-error';
import { isOAuthValue, microsoftErrorText, OAUTH_VALUE_BYTES } from '../../../domain/oauth-values';
import type { Clock, Random } from '../../ports/platform';
import type { OAuthCompletion, OAuthStateStore } from '../../ports/stores';

/** Long enough to load a Confluence page, short enough that a forgotten tab links nothing. */
const COMPLETION_TTL_SECONDS = 300;

/** The query parameter that carries the completion code to the personal page. */
const COMPLETION_PARAM = 'teams-sign-in';

interface OAuthRedirectDeps {
  states: OAuthStateStore;
  clock: Clock;
  random: Random;
}

interface OAuthCallbackQuery {
  state?: string;
  code?: string;
  error?: string;
  adminConsent?: string;
}

/**
 * Microsoft's redirect after "Log in to Microsoft Teams" or admin consent. It links nothing: it
 * checks the state, keeps Microsoft's answer under a new single-use completion code, and sends
 * the browser to Confluence, where only the person who started can redeem it (finish-sign-in.ts).
 * A link forwarded to someone else therefore ends in that person's Confluence session, which is
 * refused, or in none.
 */
export const completeOAuthRedirect = async (
  deps: OAuthRedirectDeps,
  query: OAuthCallbackQuery,
): Promise<{ location: string }> => {
  if (!isOAuthValue(query.state)) {
    throw new AppError(
      'invalid_input',
      'The sign-in answer has no valid state. Start again from Confluence.',
    );
  }
  const record = await deps.states.consume(query.state);
  if (!record) {
    throw new AppError(
      'invalid_input',
      'This sign-in link has expired or was already used. Start again from Confluence.',
    );
  }
  if (query.error) throw new AppError('microsoft_error', microsoftErrorText(query.error));
  const createdAt = deps.clock.now().toISOString();
  let completion: OAuthCompletion;
  if (record.kind === 'admin-consent') {
    if (query.adminConsent?.toLowerCase() !== 'true') {
      throw new AppError(
        'microsoft_error',
        'Microsoft did not report admin consent. Start again from Confluence.',
      );
    }
    completion = { kind: 'admin-consent', accountId: record.accountId, createdAt };
  } else {
    if (!query.code) {
      throw new AppError(
        'invalid_input',
        'Microsoft sent no authorization code. Start again from Confluence.',
      );
    }
    const { accountId, codeVerifier } = record;
    completion = { kind: 'login', accountId, codeVerifier, code: query.code, createdAt };
  }
  const completionCode = deps.random.token(OAUTH_VALUE_BYTES);
  await deps.states.saveCompletion(completionCode, completion, COMPLETION_TTL_SECONDS);
  const location = new URL(record.returnUrl);
  location.searchParams.set(COMPLETION_PARAM, completionCode);
  return { location: location.toString() };
};
