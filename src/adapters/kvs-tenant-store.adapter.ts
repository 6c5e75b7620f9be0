import kvs from '@forge/kvs';
import type { TenantStore } from '../application/ports/stores';
import type { TenantMapping } from '../domain/tenant-mapping';
import { KEY, SECRET } from './kvs-keys';

/** The mapping is a plain value; the client secret lives only in a KVS secret. */
export const kvsTenantStore: TenantStore = {
  get: async () => (await kvs.get<TenantMapping>(KEY.tenant)) ?? null,
  put: (mapping) => kvs.set(KEY.tenant, mapping),
  getClientSecret: async () => (await kvs.getSecret<string>(SECRET.clientSecret)) ?? null,
  setClientSecret: (secret) => kvs.setSecret(SECRET.clientSecret, secret),
};
