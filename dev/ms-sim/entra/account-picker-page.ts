import type { SeedPerson } from '../../seed';
import { escapeHtml, signInPage } from '../http/html';

/** What the "Pick an account" page shows. */
export interface AccountPickerView {
  /** The form posts back here (the same URL, query included, so the request is checked again). */
  action: string;
  heading: string;
  intro: string;
  people: readonly SeedPerson[];
  /** Graph permissions the app asks for, shown so the tester sees what is being granted. */
  permissions: readonly string[];
  notice?: string;
}

/**
 * The account picker of the simulated sign-in: every test user as a real submit button (name
 * and UPN as its accessible name) and a Cancel button, all in one form so Tab and Enter work.
 */
export function accountPickerPage(view: AccountPickerView): string {
  const accounts = view.people
    .map(
      (
        p,
      ) => `<li><button type="submit" class="account" name="account" value="${escapeHtml(p.oid)}" data-upn="${escapeHtml(p.upn)}">
  <span class="name">${escapeHtml(p.displayName)}</span>
  <span class="upn">${escapeHtml(p.upn)}</span>
</button></li>`,
    )
    .join('\n');
  const permissions = view.permissions.map((p) => `<li><code>${escapeHtml(p)}</code></li>`).join('');
  const notice = view.notice ? `<p class="error" role="alert">${escapeHtml(view.notice)}</p>` : '';
  return signInPage(
    view.heading,
    `<h1 id="heading">${escapeHtml(view.heading)}</h1>
${notice}
<p>${escapeHtml(view.intro)}</p>
<form method="post" action="${escapeHtml(view.action)}" aria-labelledby="heading">
<ul class="accounts" aria-label="Accounts">
${accounts}
</ul>
<details><summary>Permissions requested</summary><ul class="scopes">${permissions}</ul></details>
<div class="actions"><button type="submit" class="button" name="cancel" value="1">Cancel</button></div>
</form>`,
  );
}
