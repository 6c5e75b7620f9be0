import { principalForAccount } from '../../site/principal';
import { v1User } from './user-shape';

/*
 * Watches as the v1 REST API lists them.
 * @see https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-content-watches/
 */

/**
 * `WatchUser`: the user object without `_links` and `_expandable` (Atlassian documents it as
 * "essentially the same as the User object"). Deprecated `username`/`userKey` are left out, as
 * Confluence Cloud leaves them out for privacy.
 */
export function watchUser(accountId: string, baseUrl: string): Record<string, unknown> {
  const principal = principalForAccount(accountId);
  if (!principal) return { type: 'unknown', accountId, displayName: accountId };
  const user = v1User(principal, baseUrl);
  return {
    type: user.type,
    accountId: user.accountId,
    profilePicture: user.profilePicture,
    displayName: user.displayName,
  };
}

/** One `Watch` of `GET /content/{id}/notification/child-created`. */
export function contentWatch(accountId: string, contentId: string, baseUrl: string): Record<string, unknown> {
  return { type: 'watch', watcher: watchUser(accountId, baseUrl), contentId };
}

/** One `SpaceWatch` of `GET /content/{id}/notification/created`. */
export function spaceWatch(accountId: string, spaceKey: string, baseUrl: string): Record<string, unknown> {
  return { type: 'watch', watcher: watchUser(accountId, baseUrl), spaceKey };
}
