import kvs from '@forge/kvs';
import type { ConnectionStore } from '../application/ports/stores';
import type { Connection } from '../domain/connection';
import { ENTITY } from './kvs-keys';

interface ConnectionEntity {
  status: string;
  updatedAt: number;
  data: Connection;
}

const connections = () => kvs.entity<ConnectionEntity>(ENTITY.connection);

export const kvsConnectionStore: ConnectionStore = {
  get: async (accountId) => (await connections().get(accountId))?.data ?? null,
  put: (connection) =>
    connections().set(connection.accountId, {
      status: connection.status,
      updatedAt: Date.parse(connection.updatedAt),
      data: connection,
    }),
  delete: (accountId) => connections().delete(accountId),
};
