import type { SecretExpiry } from './tenant';

/** The Microsoft credentials whose expiry the app tracks. */
export type TrackedSecret = 'client-secret' | 'bot-secret';

/** A credential that expires within 30 days or has expired, as a site admin sees it. */
export interface ExpiringCredential {
  which: TrackedSecret;
  /** `YYYY-MM-DD`, as entered with the secret. */
  expiresOn: string;
  expiry: SecretExpiry;
}

/**
 * What every settings page shows about credentials: site admins get the expiring ones, anyone
 * else always an empty list (nobody else learns a secret's expiry).
 */
export interface CredentialExpiryView {
  expiring: ExpiringCredential[];
}

/** The global page's connection overview, counted from the stores (bounded). */
export interface ConnectionOverview {
  /** People whose Microsoft connection works. */
  connected: number;
  /** People whose Microsoft sign-in expired: their rules are paused until they log in again. */
  needsLogin: number;
  /** People who added the Teams app (the companion bot can write to them). */
  botInstalled: number;
  /** False when a count stopped at its bound: the page shows "at least". */
  complete: boolean;
}
