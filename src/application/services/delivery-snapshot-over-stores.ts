import type { BotRegistrationStore } from '../ports/bot';
import type { BotTokenCache, ConversationStore } from '../ports/bot-messenger';
import type { DestinationActivityStore } from '../ports/delivery-flow';
import type { DeliverySnapshotStore, PersonalSnapshot } from '../ports/delivery-snapshot';
import type {
  ConnectionStore,
  DeliveryStore,
  EventLedger,
  PersonalDigestStore,
  PreferenceStore,
  RuleStore,
  TenantStore,
  TokenVault,
} from '../ports/stores';
import type { MentionSources } from './mention-targets';

/** The stores a delivery reads and writes; `snapshots` reads and writes them together. */
export interface SessionStores {
  deliveries: DeliveryStore;
  activity: DestinationActivityStore;
  connections: ConnectionStore;
  rules: Pick<RuleStore, 'getMany'>;
  tenants: TenantStore;
  tokens: TokenVault;
  preferences: Pick<PreferenceStore, 'get'>;
  conversations: Pick<ConversationStore, 'get' | 'put'>;
  personalDigests: Pick<PersonalDigestStore, 'get' | 'put'>;
  botRegistrations: Pick<BotRegistrationStore, 'get' | 'getSecret'>;
  botTokens: BotTokenCache;
  /** Who a card may @mention; absent: cards mention nobody. */
  mentionSources?: MentionSources;
  /** Absent: the stores one by one (unit tests over fakes). */
  snapshots?: DeliverySnapshotStore;
  /** Where handled events are marked, when the snapshot store does not (unit tests over fakes). */
  ledger?: Pick<EventLedger, 'markQueued'>;
}

const unique = <T>(items: readonly T[] = []): T[] => [...new Set(items)];

/** The same reads and writes, one store call at a time. */
export const snapshotsOverStores = (stores: SessionStores): DeliverySnapshotStore => ({
  read: async (request) => {
    const { personal } = request;
    const personalRead = async (accountId: string, microsoftUser?: string): Promise<PersonalSnapshot> => ({
      preferences: await stores.preferences.get(accountId),
      digest: await stores.personalDigests.get(accountId),
      ...(microsoftUser
        ? { conversation: { microsoftUser, conversation: await stores.conversations.get(microsoftUser) } }
        : {}),
      botRegistration: await stores.botRegistrations.get(),
      botToken: await stores.botTokens.get(),
    });
    const mapped = unique(request.mappedAccountIds);
    const [previous, activity, tenant, connections, rules, accessTokens, userMappings, personalSnapshot] =
      await Promise.all([
        stores.deliveries.get(request.deliveryKey),
        stores.activity.get(request.destinationKey, [request.contentId]),
        stores.tenants.get(),
        Promise.all(
          unique(request.accountIds).map(async (accountId) => ({
            accountId,
            connection: await stores.connections.get(accountId),
          })),
        ),
        stores.rules.getMany(request.ruleIds),
        Promise.all(
          unique(request.tokenAccountIds).map(async (accountId) => ({
            accountId,
            token: await stores.tokens.getAccess(accountId),
          })),
        ),
        mapped.length > 0 && stores.mentionSources ? stores.mentionSources.userMappings.getMany(mapped) : [],
        personal ? personalRead(personal.accountId, personal.microsoftUser) : undefined,
      ]);
    return {
      previous,
      activity,
      tenant,
      connections,
      rules,
      accessTokens,
      userMappings,
      ...(personalSnapshot ? { personal: personalSnapshot } : {}),
    };
  },
  write: async ({ rows, activity, personalDigests = [], handledEvent }) => {
    for (const row of rows) await stores.deliveries.put(row);
    for (const a of activity) await stores.activity.put(a.destinationKey, a.activity);
    for (const digest of personalDigests) await stores.personalDigests.put(digest);
    if (handledEvent !== undefined) await stores.ledger?.markQueued(handledEvent);
  },
});
