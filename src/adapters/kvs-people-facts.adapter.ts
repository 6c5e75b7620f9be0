import type { PeopleFactsReader, PersonFacts } from '../application/ports/people-facts';
import type { Connection } from '../domain/connection';
import { microsoftUserKey } from '../domain/conversation';
import { batchGetAll, type BatchKey } from './kvs-batch';
import { conversationFrom, conversationKey } from './kvs-conversation-store.adapter';
import { ENTITY } from './kvs-keys';
import { preferenceKeysOf, preferencesIn } from './kvs-preference-store.adapter';

/**
 * The same values the connection, preference and conversation adapters read one by one, read
 * in two rounds of `batchGet`: connections and preferences (under the hashed key, and under the
 * account id for values saved before keys were hashed), then the conversations they name.
 */
export const kvsPeopleFacts: PeopleFactsReader = {
  read: async (accountIds) => {
    const ids = [...new Set(accountIds)];
    const connectionOf = (key: string): BatchKey => ({ key, entityName: ENTITY.connection });
    const first = await batchGetAll(
      ids.flatMap((id) => [connectionOf(id), ...preferenceKeysOf(id).map((key) => ({ key }))]),
    );
    const connections = new Map(
      ids.map((id) => [
        id,
        (first.valueOf(connectionOf(id)) as { data?: Connection } | undefined)?.data ?? null,
      ]),
    );
    const userOf = (c: Connection) => conversationKey(microsoftUserKey(c.tenantId, c.oid));
    const connected = [...connections.values()].filter((c): c is Connection => c !== null);
    const second =
      connected.length > 0 ? await batchGetAll(connected.map((c) => ({ key: userOf(c) }))) : null;
    return new Map(
      ids.map((id): [string, PersonFacts] => {
        const connection = connections.get(id) ?? null;
        return [
          id,
          {
            connection,
            conversation:
              connection && second ? conversationFrom(second.valueOf({ key: userOf(connection) })) : null,
            preferences: preferencesIn(id, (key) => first.valueOf({ key })),
          },
        ];
      }),
    );
  },
};
