import type { SeedPerson } from '../../seed';
import { escapeHtml, signInPage } from '../http/html';

/** The "Permissions requested — Accept for your organization" page an administrator sees. */
export function adminConsentPage(
  action: string,
  admin: SeedPerson,
  appName: string,
  permissions: readonly string[],
): string {
  const list = permissions.map((p) => `<li><code>${escapeHtml(p)}</code></li>`).join('');
  return signInPage(
    'Permissions requested',
    `<p>${escapeHtml(admin.upn)}</p>
<h1 id="heading">Permissions requested</h1>
<p><strong>${escapeHtml(appName)}</strong> wants these permissions for everyone in your organization:</p>
<ul class="scopes">${list}</ul>
<p>If you accept, this app gets access to the specified resources for all users in your organization. No one else will be prompted to review these permissions.</p>
<form method="post" action="${escapeHtml(action)}" aria-labelledby="heading">
<input type="hidden" name="account" value="${escapeHtml(admin.oid)}">
<div class="actions">
<button type="submit" class="button" name="decision" value="cancel">Cancel</button>
<button type="submit" class="button primary" name="decision" value="accept">Accept</button>
</div>
</form>`,
  );
}

/** Shown when someone who is not an administrator tries to grant tenant-wide consent. */
export function notAnAdminPage(person: SeedPerson, tenantName: string, retryUrl: string): string {
  return signInPage(
    'Need admin approval',
    `<h1>Need admin approval</h1>
<div class="error" role="alert" data-error-code="AADSTS90094">
<p>${escapeHtml(person.displayName)} (${escapeHtml(person.upn)}) is not an administrator of ${escapeHtml(tenantName)}.
Only a Global Administrator can grant consent for the whole organization.</p>
<p>AADSTS90094: The grant requires admin permission.</p>
</div>
<p><a href="${escapeHtml(retryUrl)}">Sign in with an administrator account</a></p>`,
  );
}
