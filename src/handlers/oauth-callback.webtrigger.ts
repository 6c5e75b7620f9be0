import type { WebTriggerRequest, WebTriggerResponse } from '@forge/api';
import { z } from 'zod';
import { completeOAuthRedirect } from '../application/use-cases/sign-in/oauth-redirect';
import { interactiveDeps } from '../composition-root';
import { answerFor } from './error-answers';
import { htmlPage, redirectPage } from './html-page';

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

/** Microsoft's free text goes to the log, one line, bounded; the page shows the app's own words. */
const forLog = (text: string | undefined): string =>
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  (text ?? '').replace(/[\u0000-\u001f\u007f]+/g, ' ').slice(0, 500);

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
  const { state, code, error, error_description, admin_consent } = query.data;
  try {
    const { location } = await completeOAuthRedirect(interactiveDeps, {
      state,
      code,
      error,
      adminConsent: admin_consent,
    });
    return redirectPage(location);
  } catch (failure) {
    const answer = answerFor(failure);
    if (!answer) {
      console.error(
        'OAuth callback failed unexpectedly',
        failure instanceof Error ? failure.name : typeof failure,
      );
      return htmlPage(
        500,
        'Sign-in failed',
        'Something went wrong on our side. Start again from Confluence.',
      );
    }
    if (answer.code === 'microsoft_error' && error) {
      console.warn(`OAuth callback: Microsoft answered ${forLog(error)}: ${forLog(error_description)}`);
    } else {
      console.warn(`OAuth callback refused: ${answer.code}`);
    }
    return htmlPage(answer.httpStatus, 'Sign-in failed', answer.message);
  }
};
