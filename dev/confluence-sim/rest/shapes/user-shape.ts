import { APP_ACCOUNT_ID, type SeedPerson } from '../../../seed';
import type { Principal } from '../../site/principal';

/**
 * A user as the v1 REST API returns it (`GET /wiki/rest/api/user`). `email` follows the profile's
 * privacy setting, which the simulator takes as Atlassian's default for e-mail, "only you": the
 * person reading themselves gets it, anyone else (the app, a site admin) an empty string.
 * @see https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-users/
 * @see https://jira.atlassian.com/browse/CONFCLOUD-72205 (even org admins get no hidden e-mail)
 */
export function v1User(principal: Principal, baseUrl: string, reader?: Principal): Record<string, unknown> {
  const person: SeedPerson | undefined = principal.kind === 'user' ? principal.person : undefined;
  const accountId = principal.accountId;
  const displayName = person?.displayName ?? 'Teams for Confluence';
  return {
    type: 'known',
    accountId,
    accountType: accountId === APP_ACCOUNT_ID ? 'app' : 'atlassian',
    email: person && reader?.accountId === accountId ? person.upn : '',
    publicName: displayName,
    profilePicture: { path: `/wiki/aa-avatar/${accountId}`, width: 48, height: 48, isDefault: false },
    displayName,
    isExternalCollaborator: false,
    _expandable: { operations: '', personalSpace: '' },
    _links: { self: `${baseUrl}/rest/api/user?accountId=${accountId}`, base: baseUrl, context: '/wiki' },
  };
}

/**
 * Site-level operations (`expand=operations`): `administer`/`application` marks a site admin;
 * viewers of every space get no `create_space`.
 */
export function v1UserOperations(principal: Principal): Array<{ operation: string; targetType: string }> {
  const ops = [{ operation: 'use', targetType: 'application' }];
  if (principal.kind === 'app' || principal.person.viewerOf.length === 0) {
    ops.push({ operation: 'create_space', targetType: 'application' });
  }
  if (principal.kind === 'user' && principal.person.siteAdmin) {
    ops.push({ operation: 'administer', targetType: 'application' });
  }
  return ops;
}
