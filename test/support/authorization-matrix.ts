import { invokeOk, SURFACES } from '../../dev/sandbox/sandbox-driver';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { ENTRA_APP, PEOPLE, TENANT, person } from '../../dev/seed';
import { hashKeyPart } from '../../src/adapters/kvs-keys';
import type { ResolverKey } from '../../src/contracts/resolver-api';
import { SAMPLE_EXPORT } from './user-export-fixture';

/*
 * The vocabulary of invariant 1's authorization matrix
 * (test/e2e/invariant-1-authorization-matrix.e2e.test.ts): five people, the outcome each should
 * get, and what an allowed call may change in storage.
 */

export type Persona = 'ada' | 'sam' | 'mia' | 'vic' | 'rex';
export type Outcome = 'ok' | 'forbidden' | 'not_found';
export const PERSONAS: readonly Persona[] = ['ada', 'sam', 'mia', 'vic', 'rex'];
export const everyone = (outcome: Outcome = 'ok'): Record<Persona, Outcome> => ({
  ada: outcome,
  sam: outcome,
  mia: outcome,
  vic: outcome,
  rex: outcome,
});
export const only = (...allowed: Persona[]): Record<Persona, Outcome> =>
  Object.fromEntries(PERSONAS.map((p) => [p, allowed.includes(p) ? 'ok' : 'forbidden'])) as Record<
    Persona,
    Outcome
  >;
export const AT_SCOPE = {
  global: only('ada'),
  space: only('ada', 'sam'),
  content: only('ada', 'sam', 'mia'),
};

export interface Variant {
  name: string;
  /** Builds the payload just before the call (it may create what the call acts on). */
  payload: () => unknown;
  expect: Record<Persona, Outcome>;
  /**
   * What an allowed call may change in storage, as prefixes of `storedState` keys: `[]` for a
   * read, the caller's own keys for personal settings. Absent: not checked (admin writes).
   */
  writes?: (accountId: string) => string[];
}
export const READ_ONLY = () => [];
/** The key part of a person's 1:1 conversation with the bot (`tid:oid`, hashed as the store does). */
export const ownChat = (accountId: string): string =>
  hashKeyPart(`${TENANT.id}:${PEOPLE.find((p) => p.accountId === accountId)?.oid ?? ''}`.toLowerCase());

/** KVS keys, entity rows and secret names as one flat map, to tell exactly what a call changed. */
export const storedState = (dump: ReturnType<Sandbox['forge']['kvsDump']>): Map<string, string> => {
  const state = new Map<string, string>();
  for (const [key, value] of Object.entries(dump.keys)) state.set(`key:${key}`, JSON.stringify(value));
  for (const [entity, rows] of Object.entries(dump.entities)) {
    for (const [id, value] of Object.entries(rows)) state.set(`${entity}:${id}`, JSON.stringify(value));
  }
  for (const name of dump.secretKeys) state.set(`secret:${name}`, 'present');
  return state;
};
export const changedBetween = (before: Map<string, string>, after: Map<string, string>): string[] =>
  [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k)).sort();

/** The rows of the user-mapping import's keys (issue 14), site admins only. */
export const userMappingRows = (ctx: {
  sandbox: () => Sandbox;
  previewAsAda: () => Promise<string>;
}): Record<Extract<ResolverKey, `user-mapping/${string}`>, Variant[]> => {
  const { previewAsAda } = ctx;
  return {
    // Ada's preview looks the file up as Ada (a token refresh may be written) and keeps the preview.
    'user-mapping/preview': [
      {
        name: 'the sample export',
        payload: () => ({ csv: SAMPLE_EXPORT }),
        expect: only('ada'),
        writes: () => ['key:user-import-preview:', 'secret:ms-token:', 'key:ms-access:'],
      },
    ],
    'user-mapping/confirm': [
      {
        name: 'a preview Ada made',
        payload: async () => ({ previewId: await previewAsAda() }),
        expect: only('ada'),
        writes: () => ['key:user-import-preview:', 'user-mapping:'],
      },
    ],
    'user-mapping/list': [{ name: '', payload: () => ({}), expect: only('ada'), writes: READ_ONLY }],
    'user-mapping/remove': [
      {
        name: 'Mia’s imported mapping',
        payload: async () => {
          const previewId = await previewAsAda();
          await invokeOk(ctx.sandbox(), person('ada'), SURFACES.global, 'user-mapping/confirm', {
            previewId,
          });
          return { accountId: person('mia').accountId };
        },
        expect: only('ada'),
        writes: () => ['user-mapping:'],
      },
    ],
  };
};

/** The rows of the site-wide settings: the Microsoft connection, the Teams app, credentials. */
export const siteAdminRows = (ctx: {
  sandbox: () => Sandbox;
}): Record<
  Extract<
    ResolverKey,
    `tenant/${string}` | `teams-app/${string}` | 'credentials/expiry' | 'connections/overview'
  >,
  Variant[]
> => ({
  'tenant/get': [{ name: '', payload: () => ({}), expect: only('ada'), writes: READ_ONLY }],
  'tenant/save': [
    {
      name: '',
      payload: () => ({ tenantId: TENANT.id, clientId: ENTRA_APP.clientId, secretExpiresOn: '2030-01-01' }),
      expect: only('ada'),
    },
  ],
  'tenant/start-consent': [{ name: '', payload: () => ({}), expect: only('ada') }],
  'teams-app/package': [
    { name: '', payload: () => ({}), expect: only('ada'), writes: () => ['key:teams-package'] },
  ],
  'teams-app/get': [{ name: '', payload: () => ({}), expect: only('ada'), writes: READ_ONLY }],
  // Everyone may ask; only a site admin's answer lists anything (credentials.e2e.test.ts).
  'credentials/expiry': [{ name: '', payload: () => ({}), expect: everyone(), writes: READ_ONLY }],
  'connections/overview': [{ name: '', payload: () => ({}), expect: only('ada'), writes: READ_ONLY }],
  // Back to the mapping's app: a separate bot would change who the rest of the matrix talks to.
  'teams-app/save-bot': [
    {
      name: 'the mapping’s app',
      payload: () => ({ kind: 'tenant-app' }),
      expect: only('ada'),
      writes: () => ['key:bot', 'secret:bot-client-secret'],
    },
  ],
  'teams-app/link-previews': [
    { name: 'off', payload: () => ({ enabled: false }), expect: only('ada'), writes: () => ['key:tenant'] },
  ],
  // Ada has the app in Teams (everyone is connected), so only authority can refuse.
  'teams-app/test-message': [
    {
      name: 'the app added in Teams',
      payload: async () => {
        await ctx.sandbox().microsoft.botChannel.send({
          from: person('ada').oid,
          activity: { type: 'installationUpdate', action: 'add' },
        });
        await ctx.sandbox().forge.idle({ timeoutMs: 30_000 });
        return {};
      },
      expect: only('ada'),
      writes: () => ['secret:bot-connector-token'],
    },
  ],
});
