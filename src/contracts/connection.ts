/** The caller's own Microsoft connection, as the personal page shows it. */
export interface ConnectionView {
  tenantConfigured: boolean;
  status: 'not-connected' | 'ok' | 'needs-login';
  displayName: string;
  upn: string;
  tenantId: string;
  connectedAt: string | null;
}

/** What a redeemed Microsoft redirect did: a person's sign-in, or an admin's consent. */
export type FinishedSignIn =
  { kind: 'connected'; displayName: string; upn: string } | { kind: 'consented'; tenantId: string };
