import type { PeopleFactsReader, PersonFacts } from '../application/ports/people-facts';
import type { Connection } from '../domain/connection';
import { microsoftUserKey } from '../domain/conversation';
import { batchGetAll, type BatchKey } from './kvs-batch';
import {
  appAddedIn,
  appAddedKey,
  conversationFrom,
  conversationKey,
  repairAppAdded,
} from './kvs-conversation-record';
import { ENTITY } from './kvs-keys';
import { preferenceKeysOf, preferencesIn } from './kvs-preference-store.adapter';

/**
 * The same values the connection, preference and conversation adapters read one by one, read
 * with `batchGet`: connections, preferences (under the hashed key, and under the account id for
 * values saved before keys were hashed) and each account's `app-added` copy in one round; then,
 * only for connected people whose copy says nothing about their Microsoft user (none written
 * yet on a site older than the copies, or linked to another user since), the chats themselves,
 * and their copies are stored for next time.
 */
export const kvsPeopleFacts: PeopleFactsReader = {
  read: async (accountIds) => {
    const ids = [...new Set(accountIds)];
    const connectionOf = (key: string): BatchKey => ({ key, entityName: ENTITY.connection });
    const first = await batchGetAll(
      ids.flatMap((id) => [
        connectionOf(id),
        ...preferenceKeysOf(id).map((key) => ({ key })),
        { key: appAddedKey(id) },
      ]),
    );
    const connections = new Map(
      ids.map((id) => [
        id,
        (first.valueOf(connectionOf(id)) as { data?: Connection } | undefined)?.data ?? null,
      ]),
    );
    const userOf = (c: Connection) => microsoftUserKey(c.tenantId, c.oid);
    const copied = new Map(
      [...connections.values()]
        .filter((c): c is Connection => c !== null)
        .map((c) => [c.accountId, appAddedIn(first.valueOf({ key: appAddedKey(c.accountId) }), userOf(c))]),
    );
    const unsure = [...connections.values()].filter(
      (c): c is Connection => c !== null && copied.get(c.accountId) === undefined,
    );
    const second =
      unsure.length > 0 ? await batchGetAll(unsure.map((c) => ({ key: conversationKey(userOf(c)) }))) : null;
    const installed = (c: Connection) =>
      copied.get(c.accountId) ??
      conversationFrom(second?.valueOf({ key: conversationKey(userOf(c)) }))?.installed ??
      false;
    // Read repair: the people whose chats were read get their copy, so their next round is one.
    // Best effort: what was read stands, and a copy not stored only means reading the chat again.
    await repairAppAdded(
      unsure.map((c) => ({ accountId: c.accountId, microsoftUser: userOf(c), installed: installed(c) })),
    ).catch(() => undefined);
    return new Map(
      ids.map((id): [string, PersonFacts] => {
        const connection = connections.get(id) ?? null;
        return [
          id,
          {
            connection,
            appAdded: connection ? installed(connection) : false,
            preferences: preferencesIn(id, (key) => first.valueOf({ key })),
          },
        ];
      }),
    );
  },
};
