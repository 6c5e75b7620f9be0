import { createBotTokenVerifier, fetchBotFrameworkKeys } from './adapters/bot-framework-auth.adapter';
import { botConnector } from './adapters/bot-connector.adapter';
import { confluenceAppView } from './adapters/confluence-app-view.adapter';
import { confluenceAudience } from './adapters/confluence-audience.adapter';
import { confluenceComments } from './adapters/confluence-comments.adapter';
import { confluenceChangeSearch } from './adapters/confluence-change-search.adapter';
import { confluenceContent } from './adapters/confluence-content.adapter';
import { confluenceFinder } from './adapters/confluence-finder.adapter';
import { confluencePeople } from './adapters/confluence-people.adapter';
import { confluencePeopleSearch } from './adapters/confluence-people-search.adapter';
import { confluencePermissions } from './adapters/confluence-permissions.adapter';
import { confluenceSearch } from './adapters/confluence-search.adapter';
import { entraIdentity } from './adapters/entra-identity.adapter';
import { forgeBotWorkQueue } from './adapters/forge-bot-work-queue.adapter';
import { forgeCatchUpQueue } from './adapters/forge-catch-up-queue.adapter';
import { forgeDeliveryQueue } from './adapters/forge-delivery-queue.adapter';
import { forgeRouteBuildQueue } from './adapters/forge-route-build-queue.adapter';
import { forgeDigestScheduler } from './adapters/forge-digest-queue.adapter';
import { cryptoRandom, forgeAppUrls, systemClock } from './adapters/forge-platform.adapter';
import { graphTeamsMessenger } from './adapters/graph-teams-messenger.adapter';
import {
  kvsBotRegistrationStore,
  kvsBotSigningKeyCache,
  kvsBotStore,
} from './adapters/kvs-bot-store.adapter';
import { kvsActivityLedger } from './adapters/kvs-activity-ledger.adapter';
import { kvsBotTokenCache } from './adapters/kvs-bot-token-cache.adapter';
import { kvsConnectionStore } from './adapters/kvs-connection-store.adapter';
import { kvsConversationStore } from './adapters/kvs-conversation-store.adapter';
import { kvsDeliverySnapshotStore } from './adapters/kvs-delivery-snapshot.adapter';
import { kvsDeliveryStore } from './adapters/kvs-delivery-store.adapter';
import { kvsDestinationActivityStore } from './adapters/kvs-destination-activity.adapter';
import { kvsEventLedger } from './adapters/kvs-event-ledger.adapter';
import { kvsOAuthStateStore } from './adapters/kvs-oauth-state-store.adapter';
import { kvsPeopleFacts } from './adapters/kvs-people-facts.adapter';
import {
  kvsConnectionDirectory,
  kvsConversationDirectory,
  kvsNoticeLedger,
} from './adapters/kvs-people-directory.adapter';
import { kvsPersonalDigestStore } from './adapters/kvs-personal-digest-store.adapter';
import { kvsPreferenceStore } from './adapters/kvs-preference-store.adapter';
import { kvsRuleStore } from './adapters/kvs-rule-store.adapter';
import { kvsTeamsPackageStore } from './adapters/kvs-teams-package-store.adapter';
import { kvsTenantStore } from './adapters/kvs-tenant-store.adapter';
import { kvsTokenVault } from './adapters/kvs-token-vault.adapter';
import { kvsImportPreviewStore, kvsUserMappingStore } from './adapters/kvs-user-mapping-store.adapter';
import { graphUserDirectory } from './adapters/graph-user-directory.adapter';
import { teamsAppPackager } from './adapters/teams-app-package.adapter';

/** The one place that wires real adapters into the use cases' ports. */
const shared = {
  tenants: kvsTenantStore,
  connections: kvsConnectionStore,
  tokens: kvsTokenVault,
  states: kvsOAuthStateStore,
  rules: kvsRuleStore,
  deliveries: kvsDeliveryStore,
  snapshots: kvsDeliverySnapshotStore,
  preferences: kvsPreferenceStore,
  peopleFacts: kvsPeopleFacts,
  personalDigests: kvsPersonalDigestStore,
  ledger: kvsEventLedger,
  queue: forgeDeliveryQueue,
  routeBuilds: forgeRouteBuildQueue,
  permissions: confluencePermissions,
  content: confluenceContent,
  search: confluenceSearch,
  people: confluencePeople,
  peopleSearch: confluencePeopleSearch,
  appView: confluenceAppView,
  audience: confluenceAudience,
  finder: confluenceFinder,
  comments: confluenceComments,
  identity: entraIdentity,
  urls: forgeAppUrls,
  clock: systemClock,
  random: cryptoRandom,
  activity: kvsDestinationActivityStore,
  digests: forgeDigestScheduler,
  teamsPackager: teamsAppPackager,
  teamsPackageVersions: kvsTeamsPackageStore,
  bot: botConnector,
  botTokens: kvsBotTokenCache,
  conversations: kvsConversationStore,
  botWork: forgeBotWorkQueue,
  activities: kvsActivityLedger,
  botStore: kvsBotStore,
  botRegistrations: kvsBotRegistrationStore,
  userMappings: kvsUserMappingStore,
  importPreviews: kvsImportPreviewStore,
  // Cards @mention mapped people who can view the content (services/mention-targets.ts).
  mentionSources: {
    connections: kvsConnectionStore,
    userMappings: kvsUserMappingStore,
    tenants: kvsTenantStore,
    permissions: confluencePermissions,
  },
  changes: confluenceChangeSearch,
  catchUps: forgeCatchUpQueue,
  notices: kvsNoticeLedger,
  connectionDirectory: kvsConnectionDirectory,
  conversationDirectory: kvsConversationDirectory,
  botAuth: createBotTokenVerifier({
    cache: kvsBotSigningKeyCache,
    fetchKeys: fetchBotFrameworkKeys,
    clock: systemClock,
  }),
};

/** Someone is waiting on the UI: a couple of quick in-request retries are worth it. */
export const interactiveDeps = {
  ...shared,
  teams: graphTeamsMessenger({ retries: 2 }),
  // The import's lookups retry throttled batches themselves, within their time budget.
  directory: graphUserDirectory({ retries: 0 }),
};

/** The consumer hands throttling back to the queue rather than sleeping. */
export const backgroundDeps = { ...shared, teams: graphTeamsMessenger({ retries: 0 }) };
