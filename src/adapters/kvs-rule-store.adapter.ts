import kvs, { WhereConditions } from '@forge/kvs';
import type { RuleStore } from '../application/ports/stores';
import { globalScopeKey, spaceScopeKey, upgradeRule, type Rule } from '../domain/rule';
import { ENTITY, INDEX } from './kvs-keys';

/**
 * The stored row. `scopeKey` is the partition the trigger reads (index `by-scope`): `global`,
 * `space:KEY` for a space's rules *and* its page rules, `user:<id>` for personal rules. So one
 * event costs two queries whatever the page or its ancestors. `contentId` (index `by-content`)
 * lists a page's rules for the settings UI. Page rules stored before they knew their space sit
 * in the partition `content:ID` (the old layout) until they are saved again with a space.
 */
interface RuleEntity {
  scopeKey: string;
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
  let cursor: string | undefined;
  do {
    let query = rules()
      .query()
      .index(indexName, { partition: [partition] })
      .where(WhereConditions.greaterThanEqualTo(0))
      .limit(100);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany();
    found.push(...page.results.map((r) => upgradeRule(r.value.data)));
    cursor = page.nextCursor;
  } while (cursor);
  return found;
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

export const kvsRuleStore: RuleStore = {
  put: (rule) => {
    const contentId = contentIdOf(rule);
    return rules().set(rule.id, {
      scopeKey: partitionOf(rule),
      ...(contentId ? { contentId } : {}),
      ownerAccountId: rule.ownerAccountId,
      updatedAt: rule.updatedAt,
      data: rule,
    });
  },
  get: async (id) => {
    const stored = await rules().get(id);
    return stored ? upgradeRule(stored.data) : null;
  },
  delete: (id) => rules().delete(id),
  listByScopeKey,
  listByOwner: (accountId) => collect(INDEX.byOwner, accountId),
  listForEvent: async (spaceKey) =>
    (
      await Promise.all([
        collect(INDEX.byScope, globalScopeKey()),
        collect(INDEX.byScope, spaceScopeKey(spaceKey)),
      ])
    ).flat(),
};
