import api, { __getRuntime, type APIResponse, type RequestInit, type Route } from '@forge/api';
import type { ZodType } from 'zod';
import { ConfluenceRequestError, type ConfluenceFailureKind } from '../application/ports/confluence';
import { parseUpstream } from './upstream-shape';

/** Who Confluence sees: the app itself, or a person (`accountId`). */
export type ConfluenceActor = 'app' | { accountId: string };

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
 * Confluence as the actor. For the person using the UI that is `asUser()`, which needs no
 * impersonation; for anyone else (a rule's owner, from the consumer or from someone else's edit)
 * it is `asUser(accountId)`, offline impersonation, which only scopes with
 * `allowImpersonation: true` in manifest.yml allow. The Forge proxy treats any `accountId` as
 * impersonation, even the caller's own, hence the distinction.
 */
const productApi = (actor: ConfluenceActor) => {
  if (actor === 'app') return api.asApp();
  return actor.accountId === invocationUser() ? api.asUser() : api.asUser(actor.accountId);
};

const kindOf = (status: number): ConfluenceFailureKind => {
  if (status === 429 || status >= 500) return 'unavailable';
  if (status === 401 || status === 403) return 'refused';
  return 'unexpected';
};

/** Confluence hides what a person may not view behind 404 (sometimes 403). */
export const HIDDEN: readonly number[] = [403, 404];

export interface ConfluenceRequest {
  method?: 'GET' | 'POST';
  /** Sent as JSON. */
  body?: unknown;
}

/**
 * The one way the app talks to Confluence: the actor, the route (always built with `route`, so
 * every parameter is escaped), the response checks and one error type. `what` names the request
 * in errors ("content 123"), never a value a person typed.
 */
export interface ConfluenceClient {
  /** The raw answer, for the few reads that give meaning to a failure status (a CQL error). */
  request(path: Route, what: string, init?: ConfluenceRequest): Promise<APIResponse>;
  /** A successful answer in `schema`'s shape; anything else is a ConfluenceRequestError. */
  read<T>(path: Route, schema: ZodType<T>, what: string, init?: ConfluenceRequest): Promise<T>;
  /** As `read`, but the statuses in `absent` (by default "hidden or gone") answer null. */
  find<T>(
    path: Route,
    schema: ZodType<T>,
    what: string,
    absent?: readonly number[],
    init?: ConfluenceRequest,
  ): Promise<T | null>;
  /** Checks an answer `request` returned: success in `schema`'s shape, or the error. */
  parse<T>(response: APIResponse, schema: ZodType<T>, what: string): Promise<T>;
}

export const failure = (status: number, what: string): ConfluenceRequestError =>
  new ConfluenceRequestError(kindOf(status), status, `Confluence answered ${status} for ${what}`);

/**
 * The SDK throws when the request never reached Confluence: the Forge platform refused it (an
 * HTTP error with a status and the platform's code, e.g. a missing impersonation scope) or the
 * network failed (no status). The platform's message names the cause, never a person's data.
 */
const platformFailure = (error: unknown, what: string): ConfluenceRequestError => {
  const status = (error as { status?: unknown } | null)?.status;
  const detail = error instanceof Error ? error.message : String(error);
  return typeof status === 'number'
    ? new ConfluenceRequestError(
        kindOf(status),
        status,
        `The Forge platform refused the request for ${what}: ${detail}`,
      )
    : new ConfluenceRequestError('unavailable', null, `Confluence did not answer for ${what}: ${detail}`);
};

const parse = async <T>(response: APIResponse, schema: ZodType<T>, what: string): Promise<T> => {
  if (!response.ok) throw failure(response.status, what);
  const body: unknown = await response.json().catch(() => undefined);
  return parseUpstream(
    schema,
    body,
    `Confluence's answer for ${what}`,
    (message) => new ConfluenceRequestError('unexpected', response.status, message),
  );
};

export const confluenceClient = (actor: ConfluenceActor): ConfluenceClient => {
  const request = async (path: Route, what: string, init: ConfluenceRequest = {}) => {
    const options: RequestInit =
      init.body === undefined
        ? { method: init.method ?? 'GET', headers: { Accept: 'application/json' } }
        : {
            method: init.method ?? 'POST',
            headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
            body: JSON.stringify(init.body),
          };
    try {
      return await productApi(actor).requestConfluence(path, options);
    } catch (error) {
      throw platformFailure(error, what);
    }
  };
  return {
    request,
    parse,
    read: async (path, schema, what, init) => parse(await request(path, what, init), schema, what),
    find: async (path, schema, what, absent = HIDDEN, init) => {
      const response = await request(path, what, init);
      return absent.includes(response.status) ? null : parse(response, schema, what);
    },
  };
};

/** Confluence as the app (no user: triggers, consumers, the app's own account). */
export const asApp = (): ConfluenceClient => confluenceClient('app');

/** Confluence as `accountId`. */
export const asPerson = (accountId: string): ConfluenceClient => confluenceClient({ accountId });
