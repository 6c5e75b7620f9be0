import api, { __getRuntime } from '@forge/api';

/** The user the current invocation runs for (a resolver's caller); none in triggers and consumers. */
const invocationUser = (): string | undefined => {
  try {
    // The platform's own `authorize()` (@forge/api authorization/index.js) reads the caller here.
    return __getRuntime().aaid;
  } catch {
    return undefined;
  }
};

/**
 * Confluence as `accountId`. For the person using the UI that is `asUser()`, which needs no
 * impersonation; for anyone else (a rule's owner, from the consumer or from someone else's edit)
 * it is `asUser(accountId)`, offline impersonation, which only scopes with
 * `allowImpersonation: true` in manifest.yml allow. The Forge proxy treats any `accountId` as
 * impersonation, even the caller's own, hence the distinction.
 */
export const confluenceAs = (accountId: string) =>
  accountId === invocationUser() ? api.asUser() : api.asUser(accountId);
