import type { ImportPreviewView } from '../../../contracts/user-mapping';
import { AppError } from '../../../domain/app-error';
import { readUserExport } from '../../../domain/user-export';
import { classifyPerson, emptyCounts, type ImportPreview } from '../../../domain/user-mapping';
import { accessTokenFor, type AccessTokenDeps } from '../../services/access-tokens';
import { requireSiteAdmin, type Caller } from '../../services/authority';
import { withMicrosoftFailures } from '../../services/microsoft-failures';
import type { ConfluencePermissions } from '../../ports/confluence';
import { isMicrosoftFailure } from '../../ports/microsoft';
import type { Random } from '../../ports/platform';
import type { ImportPreviewStore, MicrosoftDirectory } from '../../ports/user-mapping';

export interface PreviewImportDeps extends AccessTokenDeps {
  permissions: Pick<ConfluencePermissions, 'isSiteAdmin'>;
  directory: MicrosoftDirectory;
  importPreviews: ImportPreviewStore;
  random: Random;
}

/** How long a preview waits for Confirm. */
export const PREVIEW_TTL_MINUTES = 30;
/**
 * Graph lookups stop after this long: a resolver has 25 s, and the admin's token refresh, the KVS
 * writes and the answer need the rest. What was not looked up is `unchecked`.
 */
export const LOOKUP_BUDGET_MS = 15_000;

const NEEDS_DIRECTORY_PERMISSION =
  'Microsoft refused to look people up. Grant admin consent again (the app now asks for User.Read.All), then log in to Microsoft Teams again and import the file.';

/**
 * Reads an export and looks each e-mail up in the tenant as the site admin. Nothing is saved:
 * the preview is kept for PREVIEW_TTL_MINUTES under a random id that only Confirm redeems.
 */
export const previewUserImport = async (
  deps: PreviewImportDeps,
  caller: Caller,
  csv: string,
): Promise<ImportPreviewView> => {
  await requireSiteAdmin(deps.permissions, caller);
  const read = readUserExport(csv);
  if (!read.ok) throw new AppError('invalid_input', read.message, { file: read.message });
  const tenant = await deps.tenants.get();
  if (!tenant) throw new AppError('tenant_not_configured', 'Connect this site to Microsoft first.');
  const token = await accessTokenFor(deps, caller.accountId);
  const emails = read.people.filter((p) => p.active).map((p) => p.email);
  const answers = await withMicrosoftFailures('listing', async () => {
    try {
      return await deps.directory.findByEmails(token, emails, LOOKUP_BUDGET_MS);
    } catch (error) {
      if (isMicrosoftFailure(error, 'forbidden'))
        throw new AppError('microsoft_error', NEEDS_DIRECTORY_PERMISSION);
      throw error;
    }
  });
  const rows = read.people.map((person) =>
    classifyPerson(person, answers.get(person.email) ?? { kind: 'found', users: [] }),
  );
  const counts = emptyCounts();
  for (const row of rows) counts[row.outcome] += 1;

  const matchedOid = new Map(
    read.people.flatMap((p) => {
      const answer = answers.get(p.email);
      const [only] = answer?.kind === 'found' ? answer.users : [];
      return only ? [[p.accountId, only.oid] as const] : [];
    }),
  );
  const preview: ImportPreview = {
    ownerAccountId: caller.accountId,
    tenantId: tenant.tenantId,
    createdAt: deps.clock.now().toISOString(),
    save: rows
      .filter((r) => r.outcome === 'matched')
      .map((r) => ({
        accountId: r.accountId,
        oid: matchedOid.get(r.accountId) ?? '',
        microsoftName: r.microsoftName ?? '',
        email: r.email,
        name: r.name,
      })),
    // An unchecked person keeps what an earlier import gave them.
    drop: rows.filter((r) => r.outcome !== 'matched' && r.outcome !== 'unchecked').map((r) => r.accountId),
  };
  const previewId = deps.random.token(24);
  await deps.importPreviews.put(previewId, preview, PREVIEW_TTL_MINUTES * 60);
  return { previewId, counts, rows, expiresInMinutes: PREVIEW_TTL_MINUTES };
};
