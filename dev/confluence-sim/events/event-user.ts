import { APP_ACCOUNT_ID } from '../../seed';

/**
 * A user as Forge product events render it. Events replace personal data (username, email, names)
 * with the accountId for privacy.
 * @see https://developer.atlassian.com/platform/forge/events-reference/confluence/ (type reference `User`)
 */
export interface EventUser {
  type: 'known';
  username: string;
  accountId: string;
  accountType: 'atlassian' | 'app';
  email: string;
  profilePicture: { path: string; width: number; height: number; isDefault: boolean };
  displayName: string;
  publicName: string;
  isExternalCollaborator: boolean;
}

export function eventUser(accountId: string): EventUser {
  return {
    type: 'known',
    username: accountId,
    accountId,
    accountType: accountId === APP_ACCOUNT_ID ? 'app' : 'atlassian',
    email: accountId,
    profilePicture: { path: `/wiki/aa-avatar/${accountId}`, width: 48, height: 48, isDefault: false },
    displayName: accountId,
    publicName: accountId,
    isExternalCollaborator: false,
  };
}
