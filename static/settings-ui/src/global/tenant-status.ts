import type { TenantSettingsView } from '../../../../src/contracts/tenant';

/** The one status the Microsoft connection section shows; every other part follows it. */
export type TenantStatus = 'not-set-up' | 'secret-expired' | 'consent-needed' | 'connected';

export const tenantStatusOf = (tenant: TenantSettingsView): TenantStatus => {
  if (!tenant.configured) return 'not-set-up';
  // An expired secret stops every sign-in and send, whatever was granted before.
  if (tenant.secretExpiry.state === 'expired') return 'secret-expired';
  return tenant.consent === 'granted' ? 'connected' : 'consent-needed';
};

export const TENANT_STATUS_LOZENGES: Record<
  TenantStatus,
  { text: string; appearance: 'default' | 'removed' | 'moved' | 'success' }
> = {
  'not-set-up': { text: 'Not set up', appearance: 'default' },
  'secret-expired': { text: 'Client secret expired', appearance: 'removed' },
  'consent-needed': { text: 'Admin consent needed', appearance: 'moved' },
  connected: { text: 'Connected', appearance: 'success' },
};
