import type { ConnectionView } from '../../../contracts/connection';
import { microsoftUserKey } from '../../../domain/conversation';
import type { Caller } from '../../services/authority';
import type { BotWorkQueue } from '../../ports/bot-messenger';
import type { Clock } from '../../ports/platform';
import type { ConnectionStore, TenantStore, TokenVault } from '../../ports/stores';

interface ConnectionDeps {
  tenants: TenantStore;
  connections: ConnectionStore;
  tokens: TokenVault;
  clock: Clock;
  botWork: BotWorkQueue;
}

/** The caller's own connection; nobody can read another person's. */
export const getConnectionView = async (deps: ConnectionDeps, caller: Caller): Promise<ConnectionView> => {
  const [mapping, secret, connection] = await Promise.all([
    deps.tenants.get(),
    deps.tenants.getClientSecret(),
    deps.connections.get(caller.accountId),
  ]);
  return {
    tenantConfigured: mapping !== null && secret !== null,
    status: connection?.status ?? 'not-connected',
    displayName: connection?.displayName ?? '',
    upn: connection?.upn ?? '',
    tenantId: connection?.tenantId ?? '',
    connectedAt: connection?.connectedAt ?? null,
  };
};

/** Removes the tokens first: once they are gone, nothing can send as this person. */
export const disconnect = async (deps: ConnectionDeps, caller: Caller): Promise<ConnectionView> => {
  const connection = await deps.connections.get(caller.accountId);
  await deps.tokens.delete(caller.accountId);
  await deps.connections.delete(caller.accountId);
  // The bot says so in the person's 1:1 chat; the disconnect stands even if the queue refuses.
  if (connection) {
    await deps.botWork
      .enqueue({
        kind: 'disconnected',
        microsoftUser: microsoftUserKey(connection.tenantId, connection.oid),
        ...(caller.siteUrl ? { siteUrl: caller.siteUrl } : {}),
      })
      .catch(() => undefined);
  }
  return getConnectionView(deps, caller);
};
