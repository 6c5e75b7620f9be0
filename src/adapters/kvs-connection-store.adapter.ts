import kvs from '@forge/kvs';
import type { ConnectionStore } from '../application/ports/stores';
import type { Connection } from '../domain/connection';
import { microsoftUserKey } from '../domain/conversation';
import { deleteAppAdded, syncAppAdded } from './kvs-conversation-record';
import { ENTITY, INDEX } from './kvs-keys';

interface ConnectionEntity {
  status: string;
  /** `tid:oid`, lower case: one Microsoft user is linked to one Confluence account per site. */
  microsoftUser: string;
  updatedAt: number;
  data: Connection;
}

const connections = () => kvs.entity<ConnectionEntity>(ENTITY.connection);

export const kvsConnectionStore: ConnectionStore = {
  get: async (accountId) => (await connections().get(accountId))?.data ?? null,
  /**
   * A connection just written names its Microsoft user: the account's `app-added` copy follows
   * that user's bot chat (kvs-conversation-record.ts). Best effort: a copy left missing, or
   * naming the user linked before, says nothing, and the personal audience reads the chat itself.
   */
  put: async (connection) => {
    await connections().set(connection.accountId, {
      status: connection.status,
      microsoftUser: microsoftUserKey(connection.tenantId, connection.oid),
      updatedAt: Date.parse(connection.updatedAt),
      data: connection,
    });
    await syncAppAdded([connection.accountId], microsoftUserKey(connection.tenantId, connection.oid)).catch(
      () => undefined,
    );
  },
  // The copy first: a failure leaves the connection for a retry to remove both.
  delete: async (accountId) => {
    await deleteAppAdded(accountId);
    await connections().delete(accountId);
  },
  findByMicrosoftUser: async (tenantId, oid) => {
    const page = await connections()
      .query()
      .index(INDEX.byMicrosoftUser, { partition: [microsoftUserKey(tenantId, oid)] })
      .limit(10)
      .getMany();
    return page.results.map((result) => result.value.data);
  },
};
