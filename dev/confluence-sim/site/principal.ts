import { APP_ACCOUNT_ID, PEOPLE, type SeedPerson } from '../../seed';

/** Who is acting: the Forge app itself (sees everything) or one of the seed people. */
export type Principal =
  { kind: 'app'; accountId: string } | { kind: 'user'; accountId: string; person: SeedPerson };

export const APP_PRINCIPAL: Principal = { kind: 'app', accountId: APP_ACCOUNT_ID };

/** The principal for an accountId, or undefined when nobody on this site has that id. */
export function principalForAccount(accountId: string): Principal | undefined {
  if (accountId === APP_ACCOUNT_ID) return APP_PRINCIPAL;
  const person = PEOPLE.find((p) => p.accountId === accountId);
  return person ? { kind: 'user', accountId, person } : undefined;
}
