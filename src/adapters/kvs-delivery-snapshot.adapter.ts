import type {
  DeliverySnapshotRequest,
  DeliverySnapshotStore,
  PersonalSnapshot,
} from '../application/ports/delivery-snapshot';
import type { Connection } from '../domain/connection';
import type { DeliveryRecord } from '../domain/delivery';
import type { TenantMapping } from '../domain/tenant-mapping';
import type { ImportedMapping } from '../domain/user-mapping';
import { upgradeRule, type Rule } from '../domain/rule';
import { registrationFrom } from './kvs-bot-store.adapter';
import { botTokenFrom } from './kvs-bot-token-cache.adapter';
import { conversationFrom, conversationKey } from './kvs-conversation-record';
import { DELIVERY_TTL, deliveryEntityOf, deliveryRowKey } from './kvs-delivery-store.adapter';
import { activityFrom, activityKeysOf, activityWrites } from './kvs-destination-activity.adapter';
import { batchGetAll, batchSetAll, type BatchKey, type BatchWrite } from './kvs-batch';
import { digestEntityOf, digestFrom, digestKey } from './kvs-personal-digest-store.adapter';
import { preferenceKeysOf, preferencesIn } from './kvs-preference-store.adapter';
import { accessCopyFrom } from './kvs-token-vault.adapter';
import { ledgerItem } from './kvs-event-ledger.adapter';
import { ENTITY, KEY } from './kvs-keys';

const entity = (entityName: string) => (key: string) => ({ key, entityName });
const connectionItem = entity(ENTITY.connection);
const ruleItem = entity(ENTITY.rule);
const mappingItem = entity(ENTITY.userMapping);
const digestItem = (accountId: string) => entity(ENTITY.personalDigest)(digestKey(accountId));
const plain = (key: string): BatchKey => ({ key });

/** Every key a delivery reads, in the single-record adapters' layouts. */
const keysOf = (request: DeliverySnapshotRequest): BatchKey[] => {
  const { personal } = request;
  return [
    { key: deliveryRowKey(request.deliveryKey), entityName: ENTITY.delivery },
    ...activityKeysOf(request.destinationKey, [request.contentId]).map(plain),
    plain(KEY.tenant),
    ...request.accountIds.map(connectionItem),
    ...request.ruleIds.map(ruleItem),
    ...(request.tokenAccountIds ?? []).map((id) => plain(KEY.accessToken(id))),
    ...(request.mappedAccountIds ?? []).map(mappingItem),
    ...(personal
      ? [
          ...preferenceKeysOf(personal.accountId).map(plain),
          digestItem(personal.accountId),
          plain(KEY.bot),
          plain(KEY.botConnectorToken),
          ...(personal.microsoftUser ? [plain(conversationKey(personal.microsoftUser))] : []),
        ]
      : []),
  ];
};

/**
 * One `batchGet` (25 keys; a delivery with many rules or people takes more, side by side) and
 * one `batchSet`, over the same keys and values the single-record adapters use. A key Forge
 * reports missing is absent; any other failure is thrown, so the queue retries rather than
 * taking a row or a rule for absent (invariant 4).
 * @see https://developer.atlassian.com/platform/forge/storage-reference/kvs-batch/
 */
export const kvsDeliverySnapshotStore: DeliverySnapshotStore = {
  read: async (request) => {
    const { valueOf } = await batchGetAll(keysOf(request));
    const dataOf = <T>(item: BatchKey): T | null => (valueOf(item) as { data?: T } | undefined)?.data ?? null;
    const unique = <T>(items: readonly T[] = []) => [...new Set(items)];
    const { personal } = request;
    const personalSnapshot = (accountId: string, microsoftUser?: string): PersonalSnapshot => ({
      preferences: preferencesIn(accountId, (key) => valueOf(plain(key))),
      digest: digestFrom(valueOf(digestItem(accountId))),
      ...(microsoftUser
        ? {
            conversation: {
              microsoftUser,
              conversation: conversationFrom(valueOf(plain(conversationKey(microsoftUser)))),
            },
          }
        : {}),
      botRegistration: registrationFrom(valueOf(plain(KEY.bot))),
      botToken: botTokenFrom(valueOf(plain(KEY.botConnectorToken))),
    });
    return {
      previous: dataOf<DeliveryRecord>({
        key: deliveryRowKey(request.deliveryKey),
        entityName: ENTITY.delivery,
      }),
      activity: activityFrom(request.destinationKey, [request.contentId], (key) => valueOf(plain(key))),
      tenant: (valueOf(plain(KEY.tenant)) as TenantMapping | undefined) ?? null,
      connections: unique(request.accountIds).map((accountId) => ({
        accountId,
        connection: dataOf<Connection>(connectionItem(accountId)),
      })),
      rules: unique(request.ruleIds).flatMap((key) => {
        const rule = dataOf<Rule>(ruleItem(key));
        return rule ? [upgradeRule(rule)] : [];
      }),
      accessTokens: unique(request.tokenAccountIds).map((accountId) => ({
        accountId,
        token: accessCopyFrom(valueOf(plain(KEY.accessToken(accountId)))),
      })),
      userMappings: unique(request.mappedAccountIds).flatMap(
        (key) => dataOf<ImportedMapping>(mappingItem(key)) ?? [],
      ),
      ...(personal ? { personal: personalSnapshot(personal.accountId, personal.microsoftUser) } : {}),
    };
  },
  write: async ({ rows, activity, personalDigests = [], handledEvent }) => {
    const items: BatchWrite[] = [
      ...rows.map((record) => ({
        key: deliveryRowKey(record.key),
        entityName: ENTITY.delivery,
        value: deliveryEntityOf(record),
        options: { ttl: DELIVERY_TTL },
      })),
      ...activity.flatMap((a) => activityWrites(a.destinationKey, a.activity)),
      ...personalDigests.map((digest) => ({
        ...digestItem(digest.accountId),
        value: digestEntityOf(digest),
      })),
      ...(handledEvent !== undefined ? [ledgerItem(handledEvent)] : []),
    ];
    await batchSetAll(items, "a delivery's records");
  },
};
