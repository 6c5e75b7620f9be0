import kvs, { Filter, FilterConditions, WhereConditions } from '@forge/kvs';
import { EVENT_KINDS, type ContentEvent, type EventKind } from '../domain/content-event';
import { upgradeRule, type Rule } from '../domain/rule';
import {
  eventRoutes,
  routeOf,
  routesMarkedBy,
  ROUTES_VERSION,
  ruleRoutes,
  type RoutePartition,
} from '../domain/rule-routes';
import { isConditionFailure } from './kvs-errors';
import { ENTITY, hashKeyPart, INDEX } from './kvs-keys';
import { eachPage } from './kvs-pages';

/**
 * A rule's copy under one route (domain/rule-routes.ts), or a partition's marker: "the routes of
 * this partition are built, at this version". Markers sort first (`updatedAt` 0), so the query
 * that reads an event's routes also says whether they are complete.
 */
interface RouteEntity {
  route: string;
  updatedAt: number;
  data: { rule: Rule } | { built: number };
}

/** The stored rule row, as kvs-rule-store.adapter.ts writes it (only what a build checks). */
interface RuleRowCheck {
  updatedAt: number;
}

const routes = () => kvs.entity<RouteEntity>(ENTITY.ruleRoute);

/** Entity keys allow `[a-zA-Z0-9:._\s-#]`: rule ids are UUIDs, a partition's name is hashed. */
const routeKey = (ruleId: string, kind: EventKind) => `${ruleId}#${kind}`;
const markerKey = (partition: RoutePartition, kind: EventKind) => `built#${kind}#${hashKeyPart(partition)}`;

/** A rule's route rows to write, and the rows of the kinds it no longer has (or of a rule now off). */
export const routeWritesFor = (rule: Rule) => {
  const wanted = ruleRoutes(rule);
  const kinds = new Set(wanted.map((r) => r.kind));
  return {
    sets: wanted.map(({ kind, route }) => ({
      key: routeKey(rule.id, kind),
      value: { route, updatedAt: rule.updatedAt, data: { rule } } satisfies RouteEntity,
    })),
    deletes: EVENT_KINDS.filter((kind) => !kinds.has(kind)).map((kind) => routeKey(rule.id, kind)),
  };
};

/** Every route key a rule can have: what deleting it removes. */
export const allRouteKeys = (ruleId: string): string[] => EVENT_KINDS.map((kind) => routeKey(ruleId, kind));

interface RoutePage {
  rules: Rule[];
  built: boolean;
}

/** One route's rows, cursor after cursor (a route holds only rules that can match its events: usually one page). */
const readRoute = async (route: string): Promise<RoutePage> => {
  const page: RoutePage = { rules: [], built: false };
  const query = () =>
    routes()
      .query()
      .index(INDEX.byRoute, { partition: [route] })
      .where(WhereConditions.greaterThanEqualTo(0))
      .limit(100);
  await eachPage(
    (cursor) => (cursor ? query().cursor(cursor) : query()).getMany(),
    (results) => {
      for (const { value } of results) {
        if ('rule' in value.data) page.rules.push(upgradeRule(value.data.rule));
        else if (value.data.built === ROUTES_VERSION) page.built = true;
      }
    },
  );
  return page;
};

/**
 * The rules an event can match: three route queries side by side. A partition (global, the
 * event's space) whose marker is missing was stored by a version without routes: its rules are
 * read from the old partition as well, and it is named in `unbuilt` so that it gets built; an
 * old partition with no rows is marked built here, once.
 */
export const readEventRoutes = async (
  event: Pick<ContentEvent, 'kind' | 'spaceKey' | 'contentId'>,
  readPartition: (partition: RoutePartition) => Promise<Rule[]>,
): Promise<{ rules: Rule[]; unbuilt: RoutePartition[] }> => {
  const names = eventRoutes(event);
  const [global, space, content] = await Promise.all([
    readRoute(names.global),
    readRoute(names.space),
    readRoute(names.content),
  ]);
  const missing: RoutePartition[] = [];
  if (!global.built) missing.push('global');
  if (!space.built) missing.push(`space:${event.spaceKey}`);
  const old = await Promise.all(missing.map(readPartition));
  // An old partition with no rules at all (a space nobody made a rule for) has nothing to build.
  await Promise.all(missing.filter((_, i) => old[i]?.length === 0).map(markRoutesBuilt));
  const unbuilt = missing.filter((_, i) => (old[i]?.length ?? 0) > 0);
  const rules = [...global.rules, ...space.rules, ...content.rules, ...old.flat()];
  return { rules: [...new Map(rules.map((r) => [r.id, r])).values()], unbuilt };
};

/** Whether a partition's markers are there (one route's page says it for all). */
export const routesBuilt = async (partition: RoutePartition): Promise<boolean> => {
  const [first] = routesMarkedBy(partition);
  return first !== undefined && (await readRoute(first)).built;
};

/** Side by side, but not so many that one build floods the storage API. */
const BUILDS_AT_ONCE = 5;

/**
 * Writes the routes of every rule in an old partition, then its markers. Each rule's routes go
 * in one transaction that checks the rule row is still the one read: a rule saved or deleted
 * meanwhile wrote (or removed) its own routes, and a stale copy must not overwrite them.
 */
export const buildPartitionRoutes = async (
  partition: RoutePartition,
  readPartition: (partition: RoutePartition) => Promise<Rule[]>,
): Promise<{ built: number; changedMeanwhile: number }> => {
  if (await routesBuilt(partition)) return { built: 0, changedMeanwhile: 0 };
  const stored = await readPartition(partition);
  let changedMeanwhile = 0;
  for (let i = 0; i < stored.length; i += BUILDS_AT_ONCE) {
    await Promise.all(
      stored.slice(i, i + BUILDS_AT_ONCE).map(async (rule) => {
        const { sets, deletes } = routeWritesFor(rule);
        const unchanged = new Filter<RuleRowCheck>().and(
          'updatedAt',
          FilterConditions.equalTo(rule.updatedAt),
        );
        let txn = kvs.transact().check(rule.id, { entityName: ENTITY.rule, conditions: unchanged });
        for (const set of sets) txn = txn.set(set.key, set.value, { entityName: ENTITY.ruleRoute });
        for (const key of deletes) txn = txn.delete(key, { entityName: ENTITY.ruleRoute });
        try {
          await txn.execute();
        } catch (error) {
          if (!isConditionFailure(error)) throw error;
          changedMeanwhile += 1;
        }
      }),
    );
  }
  await markRoutesBuilt(partition);
  return { built: stored.length - changedMeanwhile, changedMeanwhile };
};

/** Says a partition's routes are complete: one marker row in each of its routes. */
export const markRoutesBuilt = async (partition: RoutePartition): Promise<void> => {
  const marks = await kvs.batchSet<RouteEntity>(
    EVENT_KINDS.map((kind) => ({
      key: markerKey(partition, kind),
      entityName: ENTITY.ruleRoute,
      value: { route: routeOf(kind, partition), updatedAt: 0, data: { built: ROUTES_VERSION } },
    })),
  );
  const failed = marks.failedKeys[0];
  if (failed) throw new Error(`Forge storage could not mark routes built: ${failed.error.code}`);
};
