import type { MicrosoftLoginDeps } from '../../../../../src/application/use-cases/sign-in/start-sign-in';
import type { MicrosoftIdentity, TokenSet } from '../../../../../src/application/ports/microsoft';
import type { OAuthCompletion, OAuthStateRecord } from '../../../../../src/application/ports/stores';
import type { TenantMapping } from '../../../../../src/domain/tenant-mapping';
import {
  countingRandom,
  fakeConfluence,
  fakeConnections,
  fakeTenants,
  fakeTokenVault,
  fixedClock,
} from '../../../../support/fakes';
import { aTenantMapping } from '../../../../support/settings-builders';

export const TENANT_ID = '8b2a4c1e-3f5d-4e6a-9b7c-0d1e2f3a4b5c';

/** An unsigned JWT with these claims, as the token endpoint's `id_token` carries them. */
export const anIdToken = (claims: Record<string, unknown>): string =>
  ['e30', Buffer.from(JSON.stringify(claims)).toString('base64url'), 'sig'].join('.');

/** What Entra's token endpoint answers a redeemed code with, for the Microsoft user described. */
export const tokensFor = (claims: Record<string, unknown>): TokenSet => ({
  accessToken: 'access-1',
  refreshToken: 'refresh-1',
  idToken: anIdToken({ oid: 'oid-1', tid: TENANT_ID, name: 'Mia Member', ...claims }),
  expiresInSeconds: 3600,
  scope: 'ChannelMessage.Send',
});

export interface RecordingIdentity extends MicrosoftIdentity {
  /** The arguments of every authorize and admin-consent address built, in order. */
  addresses(): Array<{ kind: 'authorize' | 'admin-consent'; scopes: readonly string[] }>;
}

/** Entra: records the addresses it builds and redeems any code with `tokens`. */
export const recordingIdentity = (tokens: TokenSet = tokensFor({})): RecordingIdentity => {
  const built: Array<{ kind: 'authorize' | 'admin-consent'; scopes: readonly string[] }> = [];
  return {
    addresses: () => [...built],
    authorizeUrl: ({ scopes }) => {
      built.push({ kind: 'authorize', scopes: [...scopes] });
      return 'https://login.example/authorize';
    },
    adminConsentUrl: ({ scopes }) => {
      built.push({ kind: 'admin-consent', scopes: [...scopes] });
      return 'https://login.example/adminconsent';
    },
    redeemCode: async () => tokens,
    refresh: () => Promise.reject(new Error('not expected in this test')),
    clientCredentials: () => Promise.reject(new Error('not expected in this test')),
  };
};

/** OAuth states and completions in memory; a completion is redeemed once. */
export const memoryStates = (completions: Record<string, OAuthCompletion> = {}) => {
  const states = new Map<string, OAuthStateRecord>();
  const open = new Map(Object.entries(completions));
  return {
    create: async (state: string, record: OAuthStateRecord) => void states.set(state, record),
    consume: async (state: string) => {
      const record = states.get(state) ?? null;
      states.delete(state);
      return record;
    },
    saveCompletion: async (code: string, completion: OAuthCompletion) => void open.set(code, completion),
    peekCompletion: async (code: string) => open.get(code) ?? null,
    redeemCompletion: async (code: string) => open.delete(code),
  };
};

/** A sign-in's dependencies: a configured tenant with consent granted, nobody linked yet. */
export const signInDeps = (
  overrides: Partial<MicrosoftLoginDeps> = {},
  mapping: TenantMapping = aTenantMapping({
    consent: {
      status: 'granted',
      grantedAt: '2026-11-01T00:00:00.000Z',
      grantedBy: 'ada',
      boundTenantId: TENANT_ID,
    },
  }),
): MicrosoftLoginDeps => ({
  tenants: fakeTenants(mapping, 'secret'),
  connections: fakeConnections(),
  tokens: fakeTokenVault(),
  states: memoryStates(),
  identity: recordingIdentity(),
  ...fakeConfluence({ isSiteAdmin: async (id) => id === 'ada' }),
  urls: {
    oauthRedirectUri: async () => 'https://example.invalid/callback',
    personalPageUrl: (site) => `${site}/wiki/apps/app/env/microsoft-teams`,
    botMessagingEndpoint: async () => 'https://example.invalid/bot-messages',
  },
  clock: fixedClock(),
  random: countingRandom(),
  botWork: { enqueue: async () => undefined },
  ...overrides,
});
