import kvs from '@forge/kvs';
import type { ConnectionStore } from '../application/ports/stores';
import type { Connection } from '../domain/connection';
import { ENTITY, INDEX } from './kvs-keys';
import { microsoftUserKey } from '../domain/conversation';

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
  put: (connection) =>
    connections().set(connection.accountId, {
      status: connection.status,
      microsoftUser: microsoftUserKey(connection.tenantId, connection.oid),
      updatedAt: Date.parse(connection.updatedAt),
      data: connection,
    }),
  delete: (accountId) => connections().delete(accountId),
  findByMicrosoftUser: async (tenantId, oid) => {
    const page = await connections()
      .query()
      .index(INDEX.byMicrosoftUser, { partition: [microsoftUserKey(tenantId, oid)] })
      .limit(10)
      .getMany();
    return page.results.map((result) => result.value.data);
  },
};
