import { AppError } from '../../domain/app-error';
import type { TenantMapping } from '../../domain/tenant-mapping';
import type { AppCredentials } from '../ports/microsoft';
import type { TenantStore } from '../ports/stores';

/** The stored mapping plus its secret, or a clear error for whoever must act next. */
export const loadAppCredentials = async (
  tenants: TenantStore,
): Promise<{ mapping: TenantMapping; credentials: AppCredentials }> => {
  const [mapping, clientSecret] = await Promise.all([tenants.get(), tenants.getClientSecret()]);
  if (!mapping || !clientSecret) {
    throw new AppError(
      'tenant_not_configured',
      'Microsoft Teams is not connected to this site yet. A Confluence site admin must connect Microsoft first.',
    );
  }
  return { mapping, credentials: { tenantId: mapping.tenantId, clientId: mapping.clientId, clientSecret } };
};
