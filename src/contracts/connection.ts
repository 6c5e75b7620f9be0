/** The caller's own Microsoft connection, as the personal page shows it. */
export interface ConnectionView {
  tenantConfigured: boolean;
  status: 'not-connected' | 'ok' | 'needs-login';
  displayName: string;
  upn: string;
  tenantId: string;
  connectedAt: string | null;
}

/**
 * Whether the Microsoft account linked looks like the caller's own: its e-mail (or sign-in name)
 * against the caller's Confluence e-mail, ignoring case. `confluence-email-hidden` when Confluence
 * did not show that e-mail (privacy settings), so nothing could be compared.
 */
export type AccountMatch = 'same-email' | 'different-email' | 'confluence-email-hidden';

/** A person's finished sign-in: which Microsoft account is now linked, and whether it looks like theirs. */
export interface ConnectedSignIn {
  kind: 'connected';
  displayName: string;
  upn: string;
  /** The Microsoft account's e-mail, or its sign-in name when the ID token carries no e-mail. */
  microsoftEmail: string;
  /** The caller's own Confluence e-mail; null when Confluence hides it. */
  confluenceEmail: string | null;
  accountMatch: AccountMatch;
}

/** What a redeemed Microsoft redirect did: a person's sign-in, or an admin's consent. */
export type FinishedSignIn = ConnectedSignIn | { kind: 'consented'; tenantId: string };
