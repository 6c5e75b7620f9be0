import { MAX_CARD_MENTIONS, type MentionTarget } from '../../domain/card-mentions';
import type { ConfluencePermissions } from '../ports/confluence';
import type { ConnectionStore, TenantStore } from '../ports/stores';
import type { UserMappingStore } from '../ports/user-mapping';

/** Where a card finds the Microsoft users of the people it names, and what they may view. */
export interface MentionSources {
  connections: Pick<ConnectionStore, 'get'>;
  userMappings: Pick<UserMappingStore, 'getMany'>;
  tenants: Pick<TenantStore, 'get'>;
  permissions: Pick<ConfluencePermissions, 'viewableTitlesAs'>;
}

export interface NamedPerson {
  accountId: string;
  role: MentionTarget['role'];
}

/** Whether `accountId` may view the content, asked as them; any doubt (an error) is a no. */
const canView = (sources: MentionSources, accountId: string, contentId: string): Promise<boolean> =>
  sources.permissions
    .viewableTitlesAs(accountId, [contentId])
    .then((found) => found.some((c) => c.id === contentId))
    .catch(() => false);

/**
 * The people a card names who can be @mentioned in Teams: mapped to a user of the site's tenant
 * (their own login first, else the admin's import) and able to view the content, each asked as
 * themselves, side by side (invariant 3: a mention never leads someone to content hidden from
 * them). At most MAX_CARD_MENTIONS people, the author first.
 */
export const mentionTargets = async (
  sources: MentionSources,
  named: readonly NamedPerson[],
  contentId: string,
): Promise<MentionTarget[]> => {
  const people = [...new Map(named.map((p) => [p.accountId, p])).values()].slice(0, MAX_CARD_MENTIONS);
  if (people.length === 0) return [];
  const tenant = await sources.tenants.get();
  if (!tenant) return [];
  const ids = people.map((p) => p.accountId);
  const [logins, imports] = await Promise.all([
    Promise.all(ids.map((id) => sources.connections.get(id))),
    sources.userMappings.getMany(ids),
  ]);
  const mapped = people.flatMap((person, i): MentionTarget[] => {
    const login = logins[i];
    // A person's own login always wins over an import.
    if (login?.tenantId === tenant.tenantId) return [{ ...person, oid: login.oid, name: login.displayName }];
    const imported = imports.find((m) => m.accountId === person.accountId && m.tenantId === tenant.tenantId);
    return imported ? [{ ...person, oid: imported.oid, name: imported.microsoftName }] : [];
  });
  const viewable = await Promise.all(mapped.map((t) => canView(sources, t.accountId, contentId)));
  return mapped.filter((_, i) => viewable[i]);
};
