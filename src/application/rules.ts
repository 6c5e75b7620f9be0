import { AppError } from '../domain/app-error';
import { scopeKeyOf, type Rule, type RuleInput, type RuleScopeRef } from '../domain/rule';
import { requireRuleAuthority, type Caller } from './authority';
import type { ConfluenceGateway } from './ports/confluence';
import type { Clock, Random } from './ports/platform';
import type { ConnectionStore, RuleStore } from './ports/stores';

export interface RulesDeps {
  rules: RuleStore;
  connections: ConnectionStore;
  confluence: ConfluenceGateway;
  clock: Clock;
  random: Random;
}

/** The rules at one scope, for whoever may manage that scope. */
export const listRules = async (deps: RulesDeps, caller: Caller, scope: RuleScopeRef): Promise<Rule[]> => {
  await requireRuleAuthority(deps.confluence, caller, scope);
  return deps.rules.listByScopeKey(scopeKeyOf(scope));
};

/**
 * A rule sends as its owner, so the owner must be connected to Microsoft when creating it;
 * without that the rule could never deliver.
 */
export const createRule = async (deps: RulesDeps, caller: Caller, input: RuleInput): Promise<Rule> => {
  await requireRuleAuthority(deps.confluence, caller, input);
  const connection = await deps.connections.get(caller.accountId);
  if (!connection || connection.status !== 'ok') {
    throw new AppError('not_connected', 'Log in to Microsoft Teams before choosing where to notify.');
  }
  const now = deps.clock.now().getTime();
  const rule: Rule = {
    schemaVersion: 1,
    id: deps.random.uuid(),
    scope: input.scope,
    scopeKey: scopeKeyOf(input),
    ownerAccountId: caller.accountId,
    events: [...new Set(input.events)],
    filters: input.filters,
    destination: input.destination,
    enabled: input.enabled,
    createdAt: now,
    updatedAt: now,
  };
  await deps.rules.put(rule);
  return rule;
};

/** Deleting needs the same authority as creating at that scope. */
export const deleteRule = async (deps: RulesDeps, caller: Caller, id: string): Promise<void> => {
  const rule = await deps.rules.get(id);
  if (!rule) throw new AppError('not_found', 'That rule no longer exists.');
  await requireRuleAuthority(deps.confluence, caller, scopeRefOf(rule));
  await deps.rules.delete(id);
};

const scopeRefOf = (rule: Rule): RuleScopeRef => {
  const [, value] = rule.scopeKey.split(/:(.*)/s);
  if (rule.scope === 'space') return { scope: 'space', spaceKey: value };
  if (rule.scope === 'content') return { scope: 'content', contentId: value };
  return { scope: 'global' };
};
