import type { Connection, StoredTokens } from '../../domain/connection';
import type { DeliveryRecord, DeliveryStatus } from '../../domain/delivery';
import type { PersonalPreferences } from '../../domain/preferences';
import type { ContentEvent } from '../../domain/content-event';
import type { Rule } from '../../domain/rule';
import type { RoutePartition } from '../../domain/rule-routes';
import type { TenantMapping } from '../../domain/tenant-mapping';
import type { PersonalDigest } from '../../domain/personal-hold';

/** Rules, indexed by scope key and by owner so an event never scans all rules. */
export interface RuleStore {
  put(rule: Rule): Promise<void>;
  get(id: string): Promise<Rule | null>;
  /** The rules among `ids` that still exist, in one round trip for up to 25 ids. */
  getMany(ids: readonly string[]): Promise<Rule[]>;
  delete(id: string): Promise<void>;
  listByScopeKey(scopeKey: string): Promise<Rule[]>;
  listByOwner(accountId: string): Promise<Rule[]>;
  /** Global rules, and a space's rules with all its page rules, on or off (the settings UI). */
  listInSpace(spaceKey: string): Promise<Rule[]>;
  /**
   * The rules an event can match, by route (domain/rule-routes.ts): rules that are on and chose
   * the event's kind, globally, in its space (with page rules over descendants) and on its page;
   * three index queries side by side, whatever the number of rules elsewhere. `unbuilt` names
   * partitions stored before routes existed: their rules were read the old way, and they need
   * `buildRoutes`.
   */
  listForEvent(event: Pick<ContentEvent, 'kind' | 'spaceKey' | 'contentId'>): Promise<{
    rules: Rule[];
    unbuilt: RoutePartition[];
  }>;
  /** Writes the routes of a partition's rules stored before routes existed; once is enough. */
  buildRoutes(partition: RoutePartition): Promise<{ built: number; changedMeanwhile: number }>;
}

export interface ConnectionStore {
  get(accountId: string): Promise<Connection | null>;
  /** Every Confluence account linked to this Microsoft user (tenant and object id): at most one. */
  findByMicrosoftUser(tenantId: string, oid: string): Promise<Connection[]>;
  put(connection: Connection): Promise<void>;
  delete(accountId: string): Promise<void>;
}

/** The site's tenant mapping; the client secret sits in its own secret and is write-only. */
export interface TenantStore {
  get(): Promise<TenantMapping | null>;
  put(mapping: TenantMapping): Promise<void>;
  getClientSecret(): Promise<string | null>;
  setClientSecret(secret: string): Promise<void>;
}

/** A Graph access token and its expiry, without the refresh token that made it. */
export type AccessTokenCopy = Pick<StoredTokens, 'accessToken' | 'accessTokenExpiresAt'>;

/**
 * Microsoft tokens per Confluence user: all of them in a KVS secret, and a copy of the
 * short-lived access token alone in plain storage until it expires, which a delivery reads with
 * its other records (docs/architecture.md, "Access tokens outside secrets"). `put` writes both,
 * `delete` removes both.
 */
export interface TokenVault {
  get(accountId: string): Promise<StoredTokens | null>;
  put(accountId: string, tokens: StoredTokens): Promise<void>;
  delete(accountId: string): Promise<void>;
  /** The access token's copy; null once it has expired, or when there is none. */
  getAccess(accountId: string): Promise<AccessTokenCopy | null>;
  /** Removes the copy only (a refused sign-in: the refresh token is dead, and so is what it gave). */
  forgetAccess(accountId: string): Promise<void>;
}

/** What "Log in" or "Grant admin consent" left for Microsoft's redirect to find. */
export type OAuthStateRecord =
  | { kind: 'login'; accountId: string; codeVerifier: string; returnUrl: string; createdAt: string }
  | { kind: 'admin-consent'; accountId: string; returnUrl: string; createdAt: string };

/**
 * A redirect that came back from Microsoft, waiting for the Confluence user who started it to
 * redeem it. It holds the authorization code unredeemed: nothing is linked, and no token exists,
 * until the starter's own Confluence session asks for it.
 */
export type OAuthCompletion =
  | { kind: 'login'; accountId: string; codeVerifier: string; code: string; createdAt: string }
  | { kind: 'admin-consent'; accountId: string; createdAt: string };

/** Single-use OAuth values with a short time to live, each consumed by one atomic write. */
export interface OAuthStateStore {
  create(state: string, record: OAuthStateRecord, ttlSeconds: number): Promise<void>;
  /** Returns the record once; a second call, an unknown or an expired state gives null. */
  consume(state: string): Promise<OAuthStateRecord | null>;
  saveCompletion(code: string, completion: OAuthCompletion, ttlSeconds: number): Promise<void>;
  /** Reads a completion without using it up: null when unknown, expired or already redeemed. */
  peekCompletion(code: string): Promise<OAuthCompletion | null>;
  /** Uses the completion up: true for exactly one caller, however many race. */
  redeemCompletion(code: string): Promise<boolean>;
}

/** Which deliveries a listing wants: newest first, updated at or after `since` (epoch ms). */
export interface DeliveryQuery {
  limit: number;
  since?: number;
  status?: DeliveryStatus;
}

export interface DeliveryStore {
  get(key: string): Promise<DeliveryRecord | null>;
  put(record: DeliveryRecord): Promise<void>;
  /** Newest first, through the status index (`query.status` is required here). */
  listByStatus(query: DeliveryQuery & { status: DeliveryStatus }): Promise<DeliveryRecord[]>;
  /** Newest first, through the owner index. */
  listByOwner(accountId: string, query: DeliveryQuery): Promise<DeliveryRecord[]>;
}

/** Each person's own notification preferences, keyed by their accountId. */
export interface PreferenceStore {
  get(accountId: string): Promise<PersonalPreferences | null>;
  put(accountId: string, preferences: PersonalPreferences): Promise<void>;
}

/**
 * Events the trigger has queued, by de-duplication key: a redelivered event that was queued
 * already is dropped. Marked only after the queue took the event, so an invocation that dies
 * before its push leaves no mark and the platform's retry queues the event.
 */
export interface EventLedger {
  wasQueued(key: string): Promise<boolean>;
  markQueued(key: string): Promise<void>;
}

/** People's personal cards waiting for quiet hours to end or for their daily digest. */
export interface PersonalDigestStore {
  get(accountId: string): Promise<PersonalDigest | null>;
  put(digest: PersonalDigest): Promise<void>;
  /** The people with cards waiting, oldest change first, a page at a time. */
  listWaiting(limit: number): Promise<PersonalDigest[]>;
}
