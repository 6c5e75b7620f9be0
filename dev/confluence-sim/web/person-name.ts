import { APP_ACCOUNT_ID, PEOPLE } from '../../seed';

/** A display name for an accountId (the web UI shows names; the APIs and events show ids). */
export function personName(accountId: string): string {
  if (accountId === APP_ACCOUNT_ID) return 'Teams for Confluence (app)';
  return PEOPLE.find((p) => p.accountId === accountId)?.displayName ?? accountId;
}
