import type { ImportConfirmed, UserMappingPage } from '../../../contracts/user-mapping';
import { AppError } from '../../../domain/app-error';
import type { ImportedMapping } from '../../../domain/user-mapping';
import { requireSiteAdmin, type Caller } from '../../services/authority';
import type { ConfluencePermissions } from '../../ports/confluence';
import type { Clock } from '../../ports/platform';
import type { TenantStore } from '../../ports/stores';
import type { ImportPreviewStore, UserMappingStore } from '../../ports/user-mapping';

export interface ImportedMappingsDeps {
  permissions: Pick<ConfluencePermissions, 'isSiteAdmin'>;
  tenants: Pick<TenantStore, 'get'>;
  userMappings: UserMappingStore;
  importPreviews: ImportPreviewStore;
  clock: Clock;
}

const currentTenantId = async (deps: Pick<ImportedMappingsDeps, 'tenants'>): Promise<string> => {
  const tenant = await deps.tenants.get();
  if (!tenant) throw new AppError('tenant_not_configured', 'Connect this site to Microsoft first.');
  return tenant.tenantId;
};

/**
 * Saves what a preview found, once: matched people are written (updated in place when imported
 * before), and people the file now matches to no single active user lose their imported mapping.
 * Logins (`connection`) are never touched.
 */
export const confirmUserImport = async (
  deps: ImportedMappingsDeps,
  caller: Caller,
  previewId: string,
): Promise<ImportConfirmed> => {
  await requireSiteAdmin(deps.permissions, caller);
  const preview = await deps.importPreviews.take(previewId, caller.accountId);
  if (!preview) {
    throw new AppError('not_found', 'This preview has expired or was already saved. Choose the file again.');
  }
  if (preview.tenantId !== (await currentTenantId(deps))) {
    throw new AppError('conflict', 'The Microsoft tenant changed since the preview. Choose the file again.');
  }
  const importedAt = deps.clock.now().toISOString();
  const mappings: ImportedMapping[] = preview.save.map((m) => ({
    schemaVersion: 1,
    ...m,
    tenantId: preview.tenantId,
    importedAt,
    importedBy: caller.accountId,
  }));
  await deps.userMappings.putMany(mappings);
  const removed = preview.drop.length > 0 ? await deps.userMappings.deleteMany(preview.drop) : 0;
  return { saved: mappings.length, removed };
};

export const listUserMappings = async (
  deps: ImportedMappingsDeps,
  caller: Caller,
  cursor?: string,
): Promise<UserMappingPage> => {
  await requireSiteAdmin(deps.permissions, caller);
  const page = await deps.userMappings.list(await currentTenantId(deps), cursor);
  return {
    mappings: page.mappings.map((m) => ({
      accountId: m.accountId,
      name: m.name,
      email: m.email,
      microsoftName: m.microsoftName,
      importedAt: m.importedAt,
    })),
    ...(page.cursor ? { cursor: page.cursor } : {}),
  };
};

/** Removes one imported mapping; the person's own login, if any, stays. */
export const removeUserMapping = async (
  deps: ImportedMappingsDeps,
  caller: Caller,
  accountId: string,
): Promise<{ removed: true }> => {
  await requireSiteAdmin(deps.permissions, caller);
  if ((await deps.userMappings.deleteMany([accountId])) === 0) {
    throw new AppError(
      'not_found',
      'This person has no imported mapping (it may have been removed already).',
    );
  }
  return { removed: true };
};
