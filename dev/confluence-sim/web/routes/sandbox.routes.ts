import type { Router } from '../../http/router';
import { principalForAccount } from '../../site/principal';
import { SimulatorError } from '../../site/simulator-error';
import { userCookie } from '../ui-session';
import { eventsView } from '../views/events.view';
import { redirectTo, type WebHandler } from '../web-handler';

/** Only local paths, so the switcher cannot be abused as an open redirect. */
const safeReturn = (value: string | null): string =>
  value && value.startsWith('/') && !value.startsWith('//') ? value : '/wiki/home';

/** Sandbox-only pages: the user switcher and the product event log. */
export function registerSandboxRoutes(router: Router<WebHandler>): void {
  router.add('POST', '/wiki/sandbox/user', async (req) => {
    const form = await req.form();
    const principal = principalForAccount(form.get('accountId') ?? '');
    if (principal?.kind !== 'user') throw new SimulatorError(400, 'Unknown user.');
    return redirectTo(safeReturn(form.get('returnTo')), { 'set-cookie': userCookie(principal.accountId) });
  });
  router.add('GET', '/wiki/sandbox/events', eventsView);
}
