import kvs from '@forge/kvs';
import type { TokenVault } from '../application/ports/stores';
import type { StoredTokens } from '../domain/connection';
import { SECRET } from './kvs-keys';

export const kvsTokenVault: TokenVault = {
  get: async (accountId) => (await kvs.getSecret<StoredTokens>(SECRET.tokens(accountId))) ?? null,
  put: (accountId, tokens) => kvs.setSecret(SECRET.tokens(accountId), tokens),
  delete: (accountId) => kvs.deleteSecret(SECRET.tokens(accountId)),
};
