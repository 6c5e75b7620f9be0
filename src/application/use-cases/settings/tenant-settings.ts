import type { TenantSettingsView } from '../../../contracts/tenant';
import { AppError } from '../../../domain/app-error';
import { MICROSOFT_PERMISSIONS } from '../../../domain/microsoft-permissions';
import { refuseExpiredSecretDate, secretExpiryOf } from '../../../domain/secret-expiry';
import { applyTenantMappingInput, type TenantMappingInput } from '../../../domain/tenant-mapping';
import { requireSiteAdmin, type Caller } from '../../services/authority';
import type { ConfluencePermissions } from '../../ports/confluence';
import type { MicrosoftIdentity } from '../../ports/microsoft';
import type { AppUrls, Clock, Random } from '../../ports/platform';
import type { OAuthStateStore, TenantStore } from '../../ports/stores';

export interface TenantSettingsDeps {
  tenants: TenantStore;
  permissions: Pick<ConfluencePermissions, 'isSiteAdmin'>;
  identity: MicrosoftIdentity;
  states: OAuthStateStore;
  urls: AppUrls;
  clock: Clock;
  random: Random;
}

export const getTenantSettings = async (
  deps: TenantSettingsDeps,
  caller: Caller,
): Promise<TenantSettingsView> => {
  await requireSiteAdmin(deps.permissions, caller);
  const [mapping, secret, redirectUri] = await Promise.all([
    deps.tenants.get(),
    deps.tenants.getClientSecret(),
    deps.urls.oauthRedirectUri(),
  ]);
  return {
    configured: mapping !== null && secret !== null,
    tenantId: mapping?.tenantId ?? '',
    clientId: mapping?.clientId ?? '',
    secretExpiresOn: mapping?.secretExpiresOn ?? '',
    secretExpiry: secretExpiryOf(mapping?.secretExpiresOn ?? '', deps.clock.now()),
    clientSecretStored: secret !== null,
    consent: mapping?.consent.status ?? 'not-granted',
    consentGrantedAt: mapping?.consent.status === 'granted' ? mapping.consent.grantedAt : null,
    redirectUri,
    permissions: MICROSOFT_PERMISSIONS.map(({ name, why }) => ({ name, why })),
  };
};

export const saveTenantSettings = async (
  deps: TenantSettingsDeps,
  caller: Caller,
  input: TenantMappingInput,
): Promise<TenantSettingsView> => {
  await requireSiteAdmin(deps.permissions, caller);
  refuseExpiredSecretDate(input.secretExpiresOn, deps.clock.now());
  const [previous, storedSecret] = await Promise.all([deps.tenants.get(), deps.tenants.getClientSecret()]);
  const newSecret = input.clientSecret ? input.clientSecret : null;
  if (!newSecret && storedSecret === null) {
    throw new AppError('invalid_input', 'Enter the client secret.', {
      clientSecret: 'Enter the client secret',
    });
  }
  const mapping = applyTenantMappingInput(
    previous,
    input,
    caller.accountId,
    deps.clock.now().toISOString(),
    caller.siteUrl,
  );
  // A new secret for the same app keeps consent; a new app or tenant needs consent again.
  if (newSecret) await deps.tenants.setClientSecret(newSecret);
  await deps.tenants.put(mapping);
  return getTenantSettings(deps, caller);
};
