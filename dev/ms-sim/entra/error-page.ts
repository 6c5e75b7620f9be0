import { escapeHtml, signInPage } from '../http/html';
import type { EntraError } from './entra-error';

/** Entra's "Sorry, but we're having trouble signing you in" page, with the AADSTS code and message. */
export function signInErrorPage(
  error: EntraError,
  heading = "Sorry, but we're having trouble signing you in.",
): string {
  return signInPage(
    'Sign in error',
    `<h1>${escapeHtml(heading)}</h1>
<div class="error" role="alert" data-error="${escapeHtml(error.error)}" data-error-code="AADSTS${error.code}">
<p>${escapeHtml(error.message)}</p>
</div>`,
  );
}
