import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { EventKind } from './content-event';
import { destinationKey, type Rule } from './rule';

/** How far back a catch-up may reach. */
export const CATCH_UP_MAX_DAYS = 90;
/** Items listed on the card; the rest is one link to the same search in Confluence. */
export const CATCH_UP_LIMIT = 50;

const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day `YYYY-MM-DD` as the epoch ms of its start (UTC), or null when it is no real day. */
const dayStart = (value: string): number | null => {
  const parts = ISO_DAY.exec(value);
  if (!parts) return null;
  const [y, m, d] = parts.slice(1).map(Number);
  const start = Date.UTC(y, m - 1, d);
  const date = new Date(start);
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
    ? start
    : null;
};

/**
 * Why `since` cannot start a catch-up, in words for the person creating the rule, or null when it
 * can: a real day, not after today and at most CATCH_UP_MAX_DAYS before it (days in UTC, the
 * zone the search's date is read in here).
 */
export const catchUpSinceProblem = (since: string, now: Date): string | null => {
  const start = dayStart(since);
  if (start === null) return 'Enter the date as YYYY-MM-DD, for example 2026-11-01';
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  if (start > today) return 'The date is in the future: choose today or a day before it';
  if ((today - start) / DAY_MS > CATCH_UP_MAX_DAYS)
    return `Choose a date at most ${CATCH_UP_MAX_DAYS} days back`;
  return null;
};

/** One catch-up per rule, ever: the key of its delivery row (invariant 4). */
export const catchUpKey = (ruleId: string): string => `catch-up:${ruleId}`;

/** The queue message that sends a new rule's catch-up: ids and the day only, the rest is read fresh. */
export const catchUpRequestSchema = z.object({
  ruleId: z.string().uuid(),
  since: z.string().regex(ISO_DAY),
});

export type CatchUpRequest = z.infer<typeof catchUpRequestSchema>;

/**
 * The rule's destination's concurrency key, the one its deliveries use (domain/delivery-plan.ts):
 * the catch-up waits its turn with the cards going to the same channel or chat.
 */
export const catchUpConcurrencyKey = (rule: Pick<Rule, 'destination' | 'ownerAccountId'>): string =>
  `dest-${createHash('sha256')
    .update(destinationKey(rule.destination, rule.ownerAccountId))
    .digest('hex')
    .slice(0, 24)}`;

/** A CQL string value: quotes and backslashes escaped, so a value cannot end the string early. */
const quoted = (value: string): string => `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;
const list = (values: readonly string[]): string => `(${values.map(quoted).join(', ')})`;

const TYPES_OF: Record<EventKind, ReadonlyArray<'page' | 'blogpost'>> = {
  page_created: ['page'],
  page_updated: ['page'],
  blogpost_created: ['blogpost'],
  blogpost_updated: ['blogpost'],
  // Comments and labels change a page or a blog post: both can have them.
  comment_created: ['page', 'blogpost'],
  comment_updated: ['page', 'blogpost'],
  label_added: ['page', 'blogpost'],
};

type CatchUpRule = Pick<Rule, 'scope' | 'scopeKey' | 'includeDescendants' | 'events' | 'filters'>;

/** The content types a rule can send about: its filter when set, otherwise what its events concern. */
const typesOf = (rule: CatchUpRule): string[] => {
  if (rule.scope === 'content') return ['page'];
  if (rule.filters.contentTypes.length > 0) return [...rule.filters.contentTypes];
  return [...new Set(rule.events.flatMap((event) => TYPES_OF[event]))];
};

/** Where the rule looks, as CQL: a space, a page (and its descendants), or everywhere. */
const placeOf = (rule: CatchUpRule): string | null => {
  const [, value] = rule.scopeKey.split(/:(.*)/s);
  if (rule.scope === 'space') return `space = ${quoted(value)}`;
  if (rule.scope === 'content') {
    return rule.includeDescendants ? `(id = ${value} OR ancestor = ${value})` : `id = ${value}`;
  }
  return null;
};

/**
 * The search behind a rule's catch-up: what changed since `since` where the rule looks, of the
 * types it covers, with its label conditions and its own CQL filter (checked at save time to
 * stay inside its brackets), newest first. Run as the owner, so Confluence leaves out what they
 * cannot view (invariant 3).
 */
export const catchUpCql = (rule: CatchUpRule, since: string): string => {
  const { labelsAny, labelsAll, labelsNone, cql } = rule.filters;
  const clauses = [
    `lastmodified >= ${quoted(since)}`,
    placeOf(rule),
    `type in (${typesOf(rule).join(', ')})`,
    labelsAny.length > 0 ? `label in ${list(labelsAny)}` : null,
    ...labelsAll.map((label) => `label = ${quoted(label)}`),
    labelsNone.length > 0 ? `label not in ${list(labelsNone)}` : null,
    cql.trim() ? `(${cql.trim()})` : null,
  ].filter((clause): clause is string => clause !== null);
  return `${clauses.join(' AND ')} ORDER BY lastmodified DESC`;
};

/**
 * Confluence's own search page for the same query, where the reader sees everything past the
 * card's first CATCH_UP_LIMIT items (with their own permissions). `baseUrl` is the site's `/wiki`.
 */
export const catchUpSearchUrl = (baseUrl: string, cql: string): string =>
  `${baseUrl.replace(/\/$/, '')}/dosearchsite.action?cql=${encodeURIComponent(cql)}`;
