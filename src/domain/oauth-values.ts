/**
 * The app's own single-use OAuth values (the `state` sent to Microsoft, the completion code
 * handed back to Confluence) are 32 random bytes in base64url. Anything else is refused before
 * it reaches storage.
 */
export const OAUTH_VALUE_BYTES = 32;
const OAUTH_VALUE_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export const isOAuthValue = (value: string | undefined): value is string =>
  value !== undefined && OAUTH_VALUE_SHAPE.test(value);

const START_AGAIN = 'Start again from Confluence.';

/**
 * What the callback page says for each `error` code Microsoft may send (OAuth 2.0 §4.1.2.1 and
 * Entra's additions). Microsoft's free-text `error_description` is never shown: it is logged.
 */
const MICROSOFT_ERROR_TEXT: Record<string, string> = {
  access_denied: `The sign-in was cancelled, or Microsoft did not allow it. Nothing was connected. ${START_AGAIN}`,
  consent_required: `Microsoft asks for consent to this app's permissions. Ask a Microsoft administrator to grant admin consent, then ${START_AGAIN.toLowerCase()}`,
  interaction_required: `Microsoft needs another sign-in step from you. ${START_AGAIN}`,
  login_required: `Microsoft needs you to sign in again. ${START_AGAIN}`,
  invalid_request: `Microsoft refused the app's sign-in request. A Confluence site admin should check the app registration in Settings → Microsoft Teams.`,
  invalid_client: `Microsoft does not recognise the app registration. A Confluence site admin should check it in Settings → Microsoft Teams.`,
  unauthorized_client: `The app registration may not sign people in this way. A Confluence site admin should check it in Settings → Microsoft Teams.`,
  invalid_scope: `Microsoft refused the permissions the app asks for. A Confluence site admin should check the app registration in Settings → Microsoft Teams.`,
  unsupported_response_type: `Microsoft refused the app's sign-in request. A Confluence site admin should check the app registration in Settings → Microsoft Teams.`,
  server_error: `Microsoft had a problem finishing the sign-in. Wait a minute, then ${START_AGAIN.toLowerCase()}`,
  temporarily_unavailable: `Microsoft is busy and could not finish the sign-in. Wait a minute, then ${START_AGAIN.toLowerCase()}`,
};

export const microsoftErrorText = (error: string): string =>
  `Microsoft did not complete the sign-in. ${
    Object.hasOwn(MICROSOFT_ERROR_TEXT, error) ? MICROSOFT_ERROR_TEXT[error] : START_AGAIN
  }`;
