/**
 * Loaded by the Forge emulator in place of src/index.ts, under the app's real manifest: its
 * resolver runs any adapter method inside a real invocation, so the adapters meet the real
 * SDKs, the manifest's entities, scopes and egress, and the simulators behind them.
 */
import kvs, { MetadataField } from '@forge/kvs';
import Resolver from '@forge/resolver';
import { botConnector } from '../../../src/adapters/bot-connector.adapter';
import { kvsBotTokenCache } from '../../../src/adapters/kvs-bot-token-cache.adapter';
import { confluenceAppView } from '../../../src/adapters/confluence-app-view.adapter';
import { confluenceContent } from '../../../src/adapters/confluence-content.adapter';
import { confluencePeople } from '../../../src/adapters/confluence-people.adapter';
import { confluencePermissions } from '../../../src/adapters/confluence-permissions.adapter';
import { confluenceSearch } from '../../../src/adapters/confluence-search.adapter';
import { entraIdentity } from '../../../src/adapters/entra-identity.adapter';
import { forgeDeliveryQueue } from '../../../src/adapters/forge-delivery-queue.adapter';
import { forgeDigestScheduler } from '../../../src/adapters/forge-digest-queue.adapter';
import { forgeAppUrls } from '../../../src/adapters/forge-platform.adapter';
import { graphTeamsMessenger } from '../../../src/adapters/graph-teams-messenger.adapter';
import { kvsConnectionStore } from '../../../src/adapters/kvs-connection-store.adapter';
import { kvsDeliveryStore } from '../../../src/adapters/kvs-delivery-store.adapter';
import { kvsDestinationActivityStore } from '../../../src/adapters/kvs-destination-activity.adapter';
import { kvsEventLedger } from '../../../src/adapters/kvs-event-ledger.adapter';
import { kvsOAuthStateStore } from '../../../src/adapters/kvs-oauth-state-store.adapter';
import { kvsConversationStore } from '../../../src/adapters/kvs-conversation-store.adapter';
import { kvsPeopleFacts } from '../../../src/adapters/kvs-people-facts.adapter';
import { kvsPersonalDigestStore } from '../../../src/adapters/kvs-personal-digest-store.adapter';
import { kvsPreferenceStore } from '../../../src/adapters/kvs-preference-store.adapter';
import { kvsDeliverySnapshotStore } from '../../../src/adapters/kvs-delivery-snapshot.adapter';
import { kvsRuleStore } from '../../../src/adapters/kvs-rule-store.adapter';
import { kvsTenantStore } from '../../../src/adapters/kvs-tenant-store.adapter';
import { kvsTokenVault } from '../../../src/adapters/kvs-token-vault.adapter';
import { graphUserDirectory } from '../../../src/adapters/graph-user-directory.adapter';
import { kvsUserMappingStore } from '../../../src/adapters/kvs-user-mapping-store.adapter';

export const ADAPTERS = {
  rules: kvsRuleStore,
  connections: kvsConnectionStore,
  tenants: kvsTenantStore,
  tokens: kvsTokenVault,
  states: kvsOAuthStateStore,
  ledger: kvsEventLedger,
  deliveries: kvsDeliveryStore,
  preferences: kvsPreferenceStore,
  queue: forgeDeliveryQueue,
  permissions: confluencePermissions,
  content: confluenceContent,
  search: confluenceSearch,
  people: confluencePeople,
  appView: confluenceAppView,
  identity: entraIdentity,
  bot: botConnector,
  botTokens: kvsBotTokenCache,
  graph: graphTeamsMessenger({ retries: 0 }),
  // A listing with no time to spare: it stops after its first page.
  graphNoListingTime: graphTeamsMessenger({ retries: 0, listing: { maxPages: 100, budgetMs: 0 } }),
  urls: forgeAppUrls,
  activity: kvsDestinationActivityStore,
  snapshots: kvsDeliverySnapshotStore,
  // Its Map as entries: answers cross the harness as JSON.
  peopleFacts: { readEntries: async (ids: string[]) => [...(await kvsPeopleFacts.read(ids))] },
  conversations: kvsConversationStore,
  digests: forgeDigestScheduler,
  userMappings: kvsUserMappingStore,
  personalDigests: kvsPersonalDigestStore,
  // A Map does not cross the harness's JSON: the lookups come back as a plain object.
  userDirectory: {
    findByEmails: async (token: string, emails: string[], budgetMs: number) =>
      Object.fromEntries(await graphUserDirectory({ retries: 0 }).findByEmails(token, emails, budgetMs)),
  },
  /** Plain KVS writes, to set up values as an older version of the app stored them. */
  rawKvs: {
    set: (key: string, value: unknown) => kvs.set(key, value),
    get: async (key: string) => (await kvs.get(key)) ?? null,
    delete: (key: string) => kvs.delete(key),
    setEntity: (entityName: string, key: string, value: unknown) => kvs.entity(entityName).set(key, value),
    /** A plain value with the time Forge will expire it (undefined: never). */
    getWithExpiry: async (key: string) => {
      const found = await kvs.get(key, { metadataFields: [MetadataField.EXPIRE_TIME] });
      return found ?? null;
    },
  },
};

/** Queue events the consumer received, in arrival order. */
const received: unknown[] = [];

const harness = new Resolver();
harness.define('call', async ({ payload }) => {
  const { adapter, method, args } = payload as {
    adapter: keyof typeof ADAPTERS;
    method: string;
    args: unknown[];
  };
  const target = ADAPTERS[adapter] as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
  try {
    const value = await target[method]?.(...args);
    return { ok: true, value: value ?? null };
  } catch (error) {
    const e = error as Error & { kind?: string; code?: string; status?: number; retryAfterSeconds?: number };
    return {
      ok: false,
      name: e.name,
      kind: e.kind,
      code: e.code,
      status: e.status,
      retryAfterSeconds: e.retryAfterSeconds,
      message: e.message,
    };
  }
});
harness.define('received', () => received);

export const resolver = harness.getDefinitions();
export const deliver = (event: unknown): Promise<void> => {
  received.push(event);
  return Promise.resolve();
};
export const onContentEvent = (): Promise<void> => Promise.resolve();
export const buildRuleRoutes = (): Promise<void> => Promise.resolve();
export const oauthCallback = () => Promise.resolve({ statusCode: 204 });
