import type { AccountMatch, ConnectedSignIn } from '../../../contracts/connection';
import type { ConfluencePeople } from '../../ports/confluence';

/** What the ID token says about the Microsoft account: its `email` and `preferred_username`. */
export interface MicrosoftAccount {
  displayName: string;
  upn: string;
  email: string;
}

const normalised = (value: string): string => value.trim().toLowerCase();

/**
 * The account is the caller's own when its e-mail or sign-in name is their Confluence e-mail,
 * ignoring case. Entra's `preferred_username` is usually the mail address but may not be, so
 * either one matching is enough.
 */
export const accountMatch = (microsoft: MicrosoftAccount, confluenceEmail: string | null): AccountMatch => {
  if (!confluenceEmail?.trim()) return 'confluence-email-hidden';
  const own = normalised(confluenceEmail);
  return [microsoft.email, microsoft.upn].some((value) => value && normalised(value) === own)
    ? 'same-email'
    : 'different-email';
};

/**
 * Says which Microsoft account was linked and whether it looks like the caller's. Only a warning:
 * a Confluence that does not answer, like one that hides the e-mail, leaves it unknown.
 */
export const describeLinkedAccount = async (
  people: Pick<ConfluencePeople, 'emailOf'>,
  accountId: string,
  microsoft: MicrosoftAccount,
): Promise<ConnectedSignIn> => {
  const confluenceEmail = await people.emailOf(accountId).catch(() => null);
  return {
    kind: 'connected',
    displayName: microsoft.displayName,
    upn: microsoft.upn,
    microsoftEmail: microsoft.email || microsoft.upn,
    confluenceEmail: confluenceEmail?.trim() ? confluenceEmail : null,
    accountMatch: accountMatch(microsoft, confluenceEmail),
  };
};
