import kvs, { WhereConditions } from '@forge/kvs';
import type { RuleStore } from '../application/ports/stores';
import type { Rule } from '../domain/rule';
import { ENTITY, INDEX } from './kvs-keys';

interface RuleEntity {
  scopeKey: string;
  ownerAccountId: string;
  updatedAt: number;
  data: Rule;
}

const rules = () => kvs.entity<RuleEntity>(ENTITY.rule);

/** Follows cursors until the index has nothing more: a scope rarely has more than a page. */
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
    found.push(...page.results.map((r) => r.value.data));
    cursor = page.nextCursor;
  } while (cursor);
  return found;
};

export const kvsRuleStore: RuleStore = {
  put: (rule) =>
    rules().set(rule.id, {
      scopeKey: rule.scopeKey,
      ownerAccountId: rule.ownerAccountId,
      updatedAt: rule.updatedAt,
      data: rule,
    }),
  get: async (id) => (await rules().get(id))?.data ?? null,
  delete: (id) => rules().delete(id),
  listByScopeKey: (scopeKey) => collect(INDEX.byScope, scopeKey),
  listByOwner: (accountId) => collect(INDEX.byOwner, accountId),
};
