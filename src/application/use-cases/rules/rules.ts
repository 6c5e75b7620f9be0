import type { RuleView } from '../../../contracts/rules';
import { AppError, invalidInputMessage } from '../../../domain/app-error';
import { catchUpConcurrencyKey, catchUpSinceProblem } from '../../../domain/catch-up';
import { scopeKeyOf, type Rule, type RuleScopeRef, type ValidRuleInput } from '../../../domain/rule';
import { requireAuthorityOver, requireRuleAuthority, type Caller } from '../../services/authority';
import type {
  ConfluencePeople,
  ConfluencePermissions,
  ContentReader,
  CqlSearch,
} from '../../ports/confluence';
import type { BotStore } from '../../ports/bot';
import type { CatchUpQueue } from '../../ports/catch-up-queue';
import type { Clock, Random } from '../../ports/platform';
import type { ConnectionStore, RuleStore } from '../../ports/stores';
import { checkRuleSettings } from '../../services/rule-checks';
import { withSpaceKey } from '../../services/rule-space';
import { toRuleViews } from '../../services/rule-views';

export interface RulesDeps {
  rules: RuleStore;
  connections: ConnectionStore;
  permissions: ConfluencePermissions;
  content: Pick<ContentReader, 'getContentAs'>;
  search: CqlSearch;
  people: ConfluencePeople;
  botStore: Pick<BotStore, 'getHealth'>;
  clock: Clock;
  random: Random;
}

/** Creating a rule may also queue its catch-up. */
export interface CreateRuleDeps extends RulesDeps {
  catchUps: CatchUpQueue;
}

/** A catch-up day out of range is refused before anything is stored. */
const refuseBadCatchUp = (since: string | undefined, now: Date): void => {
  const problem = since === undefined ? null : catchUpSinceProblem(since, now);
  if (!problem) return;
  const fieldErrors = { catchUpSince: problem };
  throw new AppError('invalid_input', invalidInputMessage(fieldErrors), fieldErrors);
};

/** The rules at one scope, for whoever may manage that scope. */
export const listRules = async (
  deps: RulesDeps,
  caller: Caller,
  scope: RuleScopeRef,
): Promise<RuleView[]> => {
  await requireRuleAuthority(deps.permissions, caller, scope);
  return toRuleViews(deps, caller, await deps.rules.listByScopeKey(scopeKeyOf(scope)));
};

/** The caller's own rules, wherever they live: a person may always see what posts as them. */
export const listMyRules = async (deps: RulesDeps, caller: Caller): Promise<RuleView[]> =>
  toRuleViews(deps, caller, await deps.rules.listByOwner(caller.accountId));

/** A rule sends as its owner, so the owner must be connected or the rule could never deliver. */
export const requireConnected = async (connections: ConnectionStore, caller: Caller): Promise<void> => {
  const connection = await connections.get(caller.accountId);
  if (!connection || connection.status !== 'ok') {
    throw new AppError('not_connected', 'Log in to Microsoft Teams before choosing where to notify.');
  }
};

export const createRule = async (
  deps: CreateRuleDeps,
  caller: Caller,
  input: ValidRuleInput,
): Promise<RuleView> => {
  await requireRuleAuthority(deps.permissions, caller, input);
  refuseBadCatchUp(input.catchUpSince, deps.clock.now());
  await checkRuleSettings(deps, caller, input);
  await requireConnected(deps.connections, caller);
  const now = deps.clock.now().getTime();
  const rule: Rule = {
    schemaVersion: 2,
    id: deps.random.uuid(),
    scope: input.scope,
    scopeKey: scopeKeyOf(input),
    ownerAccountId: caller.accountId,
    events: [...new Set(input.events)],
    filters: input.filters,
    destination: input.destination,
    includeDescendants: input.includeDescendants,
    restrictedContent: input.restrictedContent,
    enabled: input.enabled,
    ...(input.mentions === false ? { mentions: false } : {}),
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const stored = await withSpaceKey(deps.content, caller, rule);
  await deps.rules.put(stored);
  // Only here, at creation: an edit never sends a catch-up, and the rule's id makes it once only.
  if (input.catchUpSince !== undefined)
    await deps.catchUps.enqueue(
      { ruleId: stored.id, since: input.catchUpSince },
      catchUpConcurrencyKey(stored),
    );
  const [view] = await toRuleViews(deps, caller, [stored]);
  return view;
};

/** Deleting needs the same authority as creating at that scope. */
export const deleteRule = async (deps: RulesDeps, caller: Caller, id: string): Promise<void> => {
  const rule = await deps.rules.get(id);
  if (!rule) throw new AppError('not_found', 'That rule no longer exists.');
  await requireAuthorityOver(deps.permissions, caller, rule);
  await deps.rules.delete(id);
};
