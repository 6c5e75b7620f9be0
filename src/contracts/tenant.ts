/** How the client secret's expiry looks today; the settings page warns from 30 days before. */
export interface SecretExpiry {
  daysLeft: number | null;
  state: 'unknown' | 'ok' | 'expiring' | 'expired';
}

/** A permission the Entra app registration must list, and why the app needs it. */
export interface RequiredPermission {
  name: string;
  why: string;
}

/** What the global settings page shows. Never the client secret: only whether one is stored. */
export interface TenantSettingsView {
  configured: boolean;
  tenantId: string;
  clientId: string;
  secretExpiresOn: string;
  /** Computed on the server from the Clock, so every page agrees on "expiring". */
  secretExpiry: SecretExpiry;
  clientSecretStored: boolean;
  consent: 'not-granted' | 'granted';
  consentGrantedAt: string | null;
  redirectUri: string;
  /** Everything the app asks Microsoft for: the server's one list, never a copy in the UI. */
  permissions: readonly RequiredPermission[];
}

/** The site admin's Microsoft connection form. The client secret is write-only. */
export interface TenantMappingInput {
  tenantId: string;
  clientId: string;
  /** Absent or empty keeps the stored secret. */
  clientSecret?: string;
  /** YYYY-MM-DD, as Entra shows it. */
  secretExpiresOn: string;
}
