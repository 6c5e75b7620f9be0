import type { AppUrls } from '../../ports/platform';
import type { ConnectionStore } from '../../ports/stores';
import type { AuthenticatedActivity } from './authenticate-activity';

export interface TeamsPersonDeps {
  connections: Pick<ConnectionStore, 'findByMicrosoftUser'>;
  urls: Pick<AppUrls, 'personalPageUrl'>;
}

/**
 * The Confluence account the person behind a signed activity linked by logging in to Microsoft
 * from Confluence (their own login, never an admin's import): the account everything they do
 * from Teams acts as. Null when they have not connected.
 */
export const linkedAccountOf = async (
  deps: TeamsPersonDeps,
  { activity, tenantId }: AuthenticatedActivity,
): Promise<string | null> => {
  const oid = activity.from.aadObjectId;
  if (!oid) return null;
  const [connection] = await deps.connections.findByMicrosoftUser(tenantId, oid);
  return connection?.accountId ?? null;
};

/** Confluence's personal page of this app, where a person connects; unknown before a site URL is kept. */
export const personalPageOf = (
  deps: TeamsPersonDeps,
  { siteUrl }: AuthenticatedActivity,
): string | undefined => (siteUrl ? deps.urls.personalPageUrl(siteUrl) : undefined);
