/** A Confluence user's link to their Microsoft account. The tokens live in a secret, never here. */
export interface Connection {
  schemaVersion: 1;
  accountId: string;
  oid: string;
  tenantId: string;
  upn: string;
  displayName: string;
  /** `needs-login` when Microsoft refused the refresh token: the user must log in again. */
  status: 'ok' | 'needs-login';
  scopes: string[];
  connectedAt: string;
  updatedAt: string;
}

/** What the backend keeps in the secret `ms-token:<accountId>`. */
export interface StoredTokens {
  refreshToken: string;
  accessToken: string;
  /** Epoch ms. */
  accessTokenExpiresAt: number;
}
