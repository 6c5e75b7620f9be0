import { timingSafeEqual } from 'node:crypto';
import { ENTRA_APP, TENANT } from '../../seed';
import type { StateStore } from '../state/state-store';

/** The display name Entra shows for the seeded app registration on sign-in and consent pages. */
export const APP_DISPLAY_NAME = 'Teams for Confluence (sandbox)';

/** Tenant path segments Entra accepts for a work account: the tenant id, a verified domain, or a multi-tenant alias. */
export type TenantSegment = { kind: 'tenant' } | { kind: 'multi'; alias: 'common' | 'organizations' };

export function resolveTenant(segment: string): TenantSegment | null {
  const lower = segment.toLowerCase();
  if (lower === TENANT.id || lower === TENANT.domain) return { kind: 'tenant' };
  if (lower === 'common' || lower === 'organizations') return { kind: 'multi', alias: lower };
  return null;
}

export const isRegisteredClient = (clientId: string): boolean =>
  clientId.toLowerCase() === ENTRA_APP.clientId;

/** Entra compares redirect URIs exactly (no wildcards, case and trailing slash matter for the path). */
export const isRegisteredRedirect = (state: StateStore, uri: string): boolean =>
  state.data.redirectUris.includes(uri);

export function secretMatches(secret: string): boolean {
  const given = Buffer.from(secret);
  const expected = Buffer.from(ENTRA_APP.clientSecret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The seeded secret has an expiry date, as a real one does; after it the token endpoint refuses it. */
export const secretExpired = (now: number): boolean =>
  now > Date.parse(`${ENTRA_APP.secretExpiresOn}T23:59:59Z`);
