import type { WebTriggerRequest, WebTriggerResponse } from '@forge/api';
import { z } from 'zod';
import { completeOAuthCallback } from '../application/microsoft-login';
import { interactiveDeps } from '../composition-root';
import { isAppError, type AppErrorCode } from '../domain/app-error';
import { htmlPage } from './html-page';

const first = z
  .array(z.string().max(8192))
  .optional()
  .transform((values) => values?.[0]);

const callbackQuery = z.object({
  state: first,
  code: first,
  error: first,
  error_description: first,
  admin_consent: first,
});

const STATUS: Partial<Record<AppErrorCode, number>> = { forbidden: 403, tenant_not_configured: 409 };

/** Microsoft's redirect after "Log in to Microsoft Teams" or admin consent. */
export const handleOAuthCallback = async (request: WebTriggerRequest): Promise<WebTriggerResponse> => {
  if (request.method !== 'GET')
    return htmlPage(405, 'Not allowed', 'This address only accepts sign-in redirects.');
  const query = callbackQuery.safeParse(request.queryParameters ?? {});
  if (!query.success)
    return htmlPage(
      400,
      'Sign-in failed',
      'The sign-in answer was not understood. Start again from Confluence.',
    );
  try {
    const outcome = await completeOAuthCallback(interactiveDeps, {
      state: query.data.state,
      code: query.data.code,
      error: query.data.error,
      errorDescription: query.data.error_description,
      adminConsent: query.data.admin_consent,
    });
    return outcome.kind === 'connected'
      ? htmlPage(
          200,
          'Connected to Microsoft Teams',
          `You are signed in as ${outcome.displayName} (${outcome.upn}). You can close this tab and go back to Confluence.`,
        )
      : htmlPage(
          200,
          'Admin consent granted',
          'Microsoft Teams is connected to this Confluence site. You can close this tab and go back to Confluence.',
        );
  } catch (error) {
    if (!isAppError(error)) {
      console.error('OAuth callback failed unexpectedly', error instanceof Error ? error.name : typeof error);
      return htmlPage(
        500,
        'Sign-in failed',
        'Something went wrong on our side. Start again from Confluence.',
      );
    }
    console.warn(`OAuth callback refused: ${error.code}`);
    return htmlPage(STATUS[error.code] ?? 400, 'Sign-in failed', error.message);
  }
};
