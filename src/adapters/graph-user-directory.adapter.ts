import { MicrosoftRequestError } from '../application/ports/microsoft';
import type { MicrosoftDirectory } from '../application/ports/user-mapping';
import type { DirectoryAnswer, DirectoryMatch } from '../domain/user-mapping';
import { parseRetryAfter } from './entra-identity.adapter';
import { graphClient, translate, type GraphClientOptions } from './graph-teams-messenger.adapter';
import { graphFailureKind } from './microsoft-failures';

/** Graph takes at most 20 requests per `$batch`. */
const PER_BATCH = 20;
/** Batches in flight at once: Graph throttles directory reads per app and tenant. */
const PARALLEL = 3;
/** Rounds for lookups Graph throttled (429) or could not serve (5xx) inside a batch. */
const ROUNDS = 3;
const SELECT = 'id,displayName,mail,userPrincipalName,accountEnabled';

interface InnerResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: { value?: Array<Record<string, unknown>>; error?: { code?: string } };
}

/** OData string literal: a quote is doubled. */
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * One e-mail finds a user by `mail` or by sign-in name; both are looked at because many tenants
 * sign in with an address that differs from the mailbox.
 * @see https://learn.microsoft.com/graph/api/user-list
 * @see https://learn.microsoft.com/graph/filter-query-parameter
 */
const lookupUrl = (email: string) =>
  `/users?$filter=${encodeURIComponent(`mail eq ${literal(email)} or userPrincipalName eq ${literal(email)}`)}&$select=${SELECT}&$top=5`;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

const toMatch = (user: Record<string, unknown>): DirectoryMatch => ({
  oid: text(user.id),
  displayName: text(user.displayName) || text(user.userPrincipalName),
  accountEnabled: typeof user.accountEnabled === 'boolean' ? user.accountEnabled : null,
});

const chunk = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const UNANSWERED = 'Microsoft did not answer in time: import the file again to check this person.';

/**
 * @see https://learn.microsoft.com/graph/json-batching
 * @see https://learn.microsoft.com/graph/throttling
 */
export const graphUserDirectory = (options: GraphClientOptions): MicrosoftDirectory => ({
  findByEmails: async (accessToken, emails, budgetMs) => {
    const deadline = Date.now() + budgetMs;
    const client = graphClient(accessToken, options);
    const answers = new Map<string, DirectoryAnswer>();
    let pending = [...new Set(emails)];

    /** One `$batch`: answers what it can, and hands back what to ask again with the wait asked for. */
    const runBatch = async (batch: string[]) => {
      const requests = batch.map((email, i) => ({ id: String(i), method: 'GET', url: lookupUrl(email) }));
      const again: string[] = [];
      let waitSeconds = 0;
      const body = (await client.api('/$batch').post({ requests }).catch(translate)) as {
        responses?: InnerResponse[];
      };
      for (const inner of body.responses ?? []) {
        const email = batch[Number(inner.id)];
        if (email === undefined) continue;
        if (inner.status === 200) {
          answers.set(email, { kind: 'found', users: (inner.body?.value ?? []).map(toMatch) });
        } else if (inner.status === 429 || inner.status >= 500) {
          again.push(email);
          waitSeconds = Math.max(waitSeconds, parseRetryAfter(inner.headers?.['Retry-After'] ?? null) ?? 1);
        } else if (inner.status === 401 || inner.status === 403) {
          // The admin's token may not read the directory: no other lookup will do better.
          const code = inner.body?.error?.code ?? `http_${inner.status}`;
          throw new MicrosoftRequestError(
            graphFailureKind(inner.status),
            inner.status,
            code,
            `Microsoft Graph answered ${inner.status} (${code}) to a directory lookup`,
          );
        } else {
          answers.set(email, { kind: 'unchecked', why: 'Microsoft refused to look this e-mail up.' });
        }
      }
      return { again, waitSeconds };
    };

    for (let round = 0; round < ROUNDS && pending.length > 0 && Date.now() < deadline; round += 1) {
      const again: string[] = [];
      let waitSeconds = 0;
      const batches = chunk(pending, PER_BATCH);
      for (const group of chunk(batches, PARALLEL)) {
        if (Date.now() >= deadline) break;
        for (const result of await Promise.all(group.map(runBatch))) {
          again.push(...result.again);
          waitSeconds = Math.max(waitSeconds, result.waitSeconds);
        }
      }
      pending = pending.filter((email) => !answers.has(email));
      if (again.length === 0 || Date.now() + waitSeconds * 1000 >= deadline) break;
      await sleep(waitSeconds * 1000);
    }
    for (const email of emails)
      if (!answers.has(email)) answers.set(email, { kind: 'unchecked', why: UNANSWERED });
    return answers;
  },
});
