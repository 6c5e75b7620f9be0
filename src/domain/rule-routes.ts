import { EVENT_KINDS, type ContentEvent, type EventKind } from './content-event';
import { globalScopeKey, scopeRefOf, spaceScopeKey, type Rule } from './rule';

/**
 * Where the trigger looks for the rules an event can match. A rule that is on gets one route per
 * event kind it chose, each naming the one place an event of that kind must come from for the
 * rule to match:
 * - `global`, for a global rule;
 * - `space:KEY`, for a space rule, and for a page rule that covers the page's descendants (the
 *   event does not say where the page sits: the consumer checks the ancestors);
 * - `content:ID`, for a page rule of that page alone.
 * An event reads three routes: its kind in `global`, in its space and on its content. Rules that
 * are off, that chose other kinds, or that are about other pages are in none of them, so an
 * event's work follows the rules that can match it, not the number of rules on the site.
 */
export type RouteScope = `global` | `space:${string}` | `content:${string}`;

/** A partition of the rule entity whose routes are built together (a page rule sits in its space's). */
export type RoutePartition = `global` | `space:${string}`;

/** Bumped when what a rule's routes are changes: partitions built with an older version are built again. */
export const ROUTES_VERSION = 1;

export const routeOf = (kind: EventKind, scope: RouteScope): string => `${kind}@${scope}`;

/** The place a rule's routes name, or null for rules the trigger never reads (personal scopes). */
const routeScopeOf = (rule: Rule): RouteScope | null => {
  if (rule.scope === 'global') return globalScopeKey() as RouteScope;
  if (rule.scope === 'space') return rule.scopeKey as `space:${string}`;
  if (rule.scope !== 'content') return null;
  const { contentId } = scopeRefOf(rule);
  if (!contentId) return null;
  // Without its space (a rule stored before page rules knew it), a page rule covers its page only.
  return rule.includeDescendants && rule.spaceKey
    ? (spaceScopeKey(rule.spaceKey) as `space:${string}`)
    : `content:${contentId}`;
};

/** Each route of a rule: none for a rule that is off. */
export const ruleRoutes = (rule: Rule): { kind: EventKind; route: string }[] => {
  const scope = routeScopeOf(rule);
  if (!rule.enabled || scope === null) return [];
  return [...new Set(rule.events)].map((kind) => ({ kind, route: routeOf(kind, scope) }));
};

/** The three routes an event reads: its kind, globally, in its space and on its content. */
export const eventRoutes = (event: Pick<ContentEvent, 'kind' | 'spaceKey' | 'contentId'>) => ({
  global: routeOf(event.kind, 'global'),
  space: routeOf(event.kind, `space:${event.spaceKey}`),
  content: routeOf(event.kind, `content:${event.contentId}`),
});

/**
 * The partitions of the rule entity (kvs-rule-store.adapter.ts) that routes are built from: the
 * global rules, and a space's rules with its page rules. A partition's routes are complete once
 * its marker rows (one per event kind, in the same routes) say so.
 */
export const routesMarkedBy = (partition: RoutePartition): string[] =>
  EVENT_KINDS.map((kind) => routeOf(kind, partition));
