import kvs, { Filter, FilterConditions, WhereConditions } from '@forge/kvs';
import type { RuleStore } from '../application/ports/stores';
import { spaceScopeKey, upgradeRule, type Rule } from '../domain/rule';
import { ROUTES_VERSION, type RoutePartition } from '../domain/rule-routes';
import { ENTITY, INDEX } from './kvs-keys';
import { eachPage } from './kvs-pages';
import {
  allRouteKeys,
  buildPartitionRoutes,
  markRoutesBuilt,
  readEventRoutes,
  routesBuilt,
  routeWritesFor,
} from './kvs-rule-routes.adapter';

/**
 * The stored row, the rule's one true copy. `scopeKey` is its partition (index `by-scope`):
 * `global`, `space:KEY` for a space's rules *and* its page rules, `user:<id>` for personal rules;
 * the settings UI lists by it, and routes are built from it. `contentId` (index `by-content`)
 * lists a page's rules for the settings UI. Page rules stored before they knew their space sit
 * in the partition `content:ID` (the old layout) until they are saved again with a space.
 * The trigger reads the rules' routes instead (kvs-rule-routes.adapter.ts), written in the same
 * transaction as the row.
 */
interface RuleEntity {
  scopeKey: string;
  /** The routes version this row's routes were written with; absent on rows stored before routes. */
  routed?: number;
  contentId?: string;
  ownerAccountId: string;
  updatedAt: number;
  data: Rule;
}

const rules = () => kvs.entity<RuleEntity>(ENTITY.rule);

const partitionOf = (rule: Rule): string =>
  rule.scope === 'content' && rule.spaceKey ? spaceScopeKey(rule.spaceKey) : rule.scopeKey;

const contentIdOf = (rule: Rule): string | undefined =>
  rule.scope === 'content' ? rule.scopeKey.slice('content:'.length) : undefined;

/** Follows cursors until the index has nothing more: a space rarely has more than a page. */
const collect = async (indexName: string, partition: string): Promise<Rule[]> => {
  const found: Rule[] = [];
  const query = () =>
    rules()
      .query()
      .index(indexName, { partition: [partition] })
      .where(WhereConditions.greaterThanEqualTo(0))
      .limit(100);
  await eachPage(
    (cursor) => (cursor ? query().cursor(cursor) : query()).getMany(),
    (results) => void found.push(...results.map((r) => upgradeRule(r.value.data))),
  );
  return found;
};

/** Forge takes at most 25 keys per batch operation. */
const BATCH_KEYS = 25;

/**
 * The rules among `ids` that exist: one `batchGet` per 25 ids, side by side. A key Forge
 * reports missing (KEY_NOT_FOUND, or not named at all) is a deleted rule; any other failure is
 * thrown, so the caller's queue retries rather than taking a rule for deleted.
 * @see https://developer.atlassian.com/platform/forge/storage-reference/entities-batch/
 */
const getMany = async (ids: readonly string[]): Promise<Rule[]> => {
  const keys = [...new Set(ids)];
  const batches = Array.from({ length: Math.ceil(keys.length / BATCH_KEYS) }, (_, i) =>
    keys.slice(i * BATCH_KEYS, (i + 1) * BATCH_KEYS),
  );
  const answers = await Promise.all(
    batches.map((batch) => kvs.batchGet<RuleEntity>(batch.map((key) => ({ key, entityName: ENTITY.rule })))),
  );
  const failure = answers.flatMap((a) => a.failedKeys).find((f) => f.error.code !== 'KEY_NOT_FOUND');
  if (failure) throw new Error(`Forge storage could not read rule ${failure.key}: ${failure.error.code}`);
  return answers.flatMap((a) => a.successfulKeys).map((found) => upgradeRule(found.value.data));
};

const uniqueById = (list: readonly Rule[]): Rule[] => [...new Map(list.map((r) => [r.id, r])).values()];

/** The rules of exactly one scope, for the settings UI (a space's partition also holds its page rules). */
const listByScopeKey = async (scopeKey: string): Promise<Rule[]> => {
  const lists = scopeKey.startsWith('content:')
    ? await Promise.all([
        collect(INDEX.byContent, scopeKey.slice('content:'.length)),
        collect(INDEX.byScope, scopeKey),
      ])
    : [await collect(INDEX.byScope, scopeKey)];
  return uniqueById(lists.flat()).filter((rule) => rule.scopeKey === scopeKey);
};

/**
 * Marks a partition's routes built when none of its rows predates routes: on a new installation
 * (or a space whose old rules were all saved again) its first save does it, and no event has to
 * read the old partition or ask for a build. Costs a query per save until then, one after.
 */
const markIfAllRouted = async (partition: RoutePartition): Promise<void> => {
  if (await routesBuilt(partition)) return;
  const unrouted = new Filter<RuleEntity>().and('routed', FilterConditions.notExists());
  const query = () =>
    rules()
      .query()
      .index(INDEX.byScope, { partition: [partition] })
      .where(WhereConditions.greaterThanEqualTo(0))
      .filters(unrouted)
      .limit(100);
  let olderRow = false;
  // A page can come back empty with a cursor (filters apply after the page is cut).
  await eachPage(
    (cursor) => (cursor ? query().cursor(cursor) : query()).getMany(),
    (results) => {
      olderRow = results.length > 0;
      return !olderRow;
    },
  );
  if (!olderRow) await markRoutesBuilt(partition);
};

/** The partition routes are built from: global rules, and a space's rules with its page rules. */
const readPartition = (partition: RoutePartition) => collect(INDEX.byScope, partition);

export const kvsRuleStore: RuleStore = {
  /** The row and its routes in one transaction (at most 1 + 7 writes): the trigger never sees half. */
  put: async (rule) => {
    const contentId = contentIdOf(rule);
    const row: RuleEntity = {
      scopeKey: partitionOf(rule),
      ...(contentId ? { contentId } : {}),
      ownerAccountId: rule.ownerAccountId,
      updatedAt: rule.updatedAt,
      routed: ROUTES_VERSION,
      data: rule,
    };
    const { sets, deletes } = routeWritesFor(rule);
    let txn = kvs.transact().set(rule.id, row, { entityName: ENTITY.rule });
    for (const set of sets) txn = txn.set(set.key, set.value, { entityName: ENTITY.ruleRoute });
    for (const key of deletes) txn = txn.delete(key, { entityName: ENTITY.ruleRoute });
    await txn.execute();
    if (row.scopeKey === 'global' || row.scopeKey.startsWith('space:'))
      await markIfAllRouted(row.scopeKey as RoutePartition);
  },
  get: async (id) => {
    const stored = await rules().get(id);
    return stored ? upgradeRule(stored.data) : null;
  },
  getMany,
  delete: async (id) => {
    let txn = kvs.transact().delete(id, { entityName: ENTITY.rule });
    for (const key of allRouteKeys(id)) txn = txn.delete(key, { entityName: ENTITY.ruleRoute });
    await txn.execute();
  },
  listByScopeKey,
  listByOwner: (accountId) => collect(INDEX.byOwner, accountId),
  listInSpace: async (spaceKey) =>
    (await Promise.all([readPartition('global'), readPartition(`space:${spaceKey}`)])).flat(),
  listForEvent: (event) => readEventRoutes(event, readPartition),
  buildRoutes: (partition) => buildPartitionRoutes(partition, readPartition),
};
