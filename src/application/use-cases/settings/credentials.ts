import type { ConnectionOverview, CredentialExpiryView } from '../../../contracts/credentials';
import { expiringCredentials } from '../../../domain/credential-expiry';
import { requireSiteAdmin, type Caller } from '../../services/authority';
import type { BotRegistrationStore } from '../../ports/bot';
import type { ConfluencePermissions } from '../../ports/confluence';
import type { ConnectionDirectory, ConversationDirectory, Page } from '../../ports/people-directory';
import type { Clock } from '../../ports/platform';
import type { TenantStore } from '../../ports/stores';

export interface CredentialsDeps {
  permissions: Pick<ConfluencePermissions, 'isSiteAdmin'>;
  tenants: Pick<TenantStore, 'get'>;
  botRegistrations: Pick<BotRegistrationStore, 'get'>;
  connectionDirectory: ConnectionDirectory;
  conversationDirectory: ConversationDirectory;
  clock: Clock;
}

/**
 * `credentials/expiry`, asked by every settings page: a site admin gets the secrets that expire
 * within 30 days or have expired; anyone else an empty list, decided here on the server.
 */
export const getCredentialExpiry = async (
  deps: CredentialsDeps,
  caller: Caller,
): Promise<CredentialExpiryView> => {
  if (!(await deps.permissions.isSiteAdmin(caller.accountId))) return { expiring: [] };
  const [mapping, registration] = await Promise.all([deps.tenants.get(), deps.botRegistrations.get()]);
  return {
    expiring: expiringCredentials(
      {
        clientSecretExpiresOn: mapping?.secretExpiresOn ?? null,
        botSecretExpiresOn: registration?.secretExpiresOn ?? null,
      },
      deps.clock.now(),
    ),
  };
};

/** Index pages read per count: at most 1,000 of each, then the page says "at least". */
const MAX_PAGES = 10;

/** Counts what `page` lists that `counts`, page by page up to MAX_PAGES. */
const countPages = async <T>(
  page: (cursor: string | null) => Promise<Page<T>>,
  counts: (item: T) => boolean,
): Promise<{ count: number; complete: boolean }> => {
  let count = 0;
  let cursor: string | null = null;
  for (let read = 0; read < MAX_PAGES; read++) {
    const next: Page<T> = await page(cursor);
    count += next.items.filter(counts).length;
    cursor = next.cursor;
    if (!cursor) return { count, complete: true };
  }
  return { count, complete: false };
};

/** `connections/overview` (site admins): people connected, needing a new login, with the Teams app. */
export const getConnectionOverview = async (
  deps: CredentialsDeps,
  caller: Caller,
): Promise<ConnectionOverview> => {
  await requireSiteAdmin(deps.permissions, caller);
  const all = () => true;
  const [connected, needsLogin, botInstalled] = await Promise.all([
    countPages((cursor) => deps.connectionDirectory.pageByStatus('ok', cursor), all),
    countPages((cursor) => deps.connectionDirectory.pageByStatus('needs-login', cursor), all),
    countPages(
      (cursor) => deps.conversationDirectory.page(cursor),
      (c) => c.installed,
    ),
  ]);
  return {
    connected: connected.count,
    needsLogin: needsLogin.count,
    botInstalled: botInstalled.count,
    complete: connected.complete && needsLogin.complete && botInstalled.complete,
  };
};
