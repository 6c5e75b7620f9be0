import type { ConnectionView } from '../../../contracts/connection';
import type { Caller } from '../../services/authority';
import type { Clock } from '../../ports/platform';
import type { ConnectionStore, TenantStore, TokenVault } from '../../ports/stores';

interface ConnectionDeps {
  tenants: TenantStore;
  connections: ConnectionStore;
  tokens: TokenVault;
  clock: Clock;
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
  await deps.tokens.delete(caller.accountId);
  await deps.connections.delete(caller.accountId);
  return getConnectionView(deps, caller);
};
