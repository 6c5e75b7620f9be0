import type { RuleView } from '../../../contracts/rules';
import { AppError } from '../../../domain/app-error';
import {
  changedFields,
  destinationKey,
  withChange,
  type Rule,
  type ValidRuleUpdate,
} from '../../../domain/rule';
import { requireAuthorityOver, type Caller } from '../../services/authority';
import { checkRuleSettings } from '../../services/rule-checks';
import { withSpaceKey } from '../../services/rule-space';
import { toRuleViews } from '../../services/rule-views';
import { requireConnected, type RulesDeps } from './rules';

/** The fields an update may carry; scope, owner and timestamps are not among them. */
const EDITABLE = [
  'events',
  'filters',
  'includeDescendants',
  'restrictedContent',
  'enabled',
  'mentions',
] as const;

const refuseForOwner = async (deps: RulesDeps, owner: string, what: string): Promise<never> => {
  const ownerName = await deps.people.displayNameOf(owner);
  throw new AppError('forbidden', `Only ${ownerName} can ${what}: it posts to Teams as them.`);
};

/**
 * Anyone with authority at the rule's scope may change what it listens to; only its owner may
 * change where it posts, or make it send cards for content they cannot view ("redact" tells a
 * channel, in the owner's name, that such content exists), because it posts as them. A changed
 * CQL filter is checked as the owner, who runs it. Each change is kept in the rule's history,
 * which is how the owner learns what others changed. `version` guards against lost updates.
 */
export const updateRule = async (
  deps: RulesDeps,
  caller: Caller,
  update: ValidRuleUpdate,
): Promise<RuleView> => {
  const rule = await deps.rules.get(update.id);
  if (!rule) throw new AppError('not_found', 'That rule no longer exists.');
  await requireAuthorityOver(deps.permissions, caller, rule);

  const owner = rule.ownerAccountId;
  const byOwner = owner === caller.accountId;
  const movesDestination =
    update.destination !== undefined &&
    destinationKey(update.destination, owner) !== destinationKey(rule.destination, owner);
  if (movesDestination && !byOwner) await refuseForOwner(deps, owner, 'change where this rule notifies');
  if (update.restrictedContent === 'redact' && rule.restrictedContent !== 'redact' && !byOwner) {
    await refuseForOwner(deps, owner, 'make this rule send cards for content they cannot view');
  }
  if (update.version !== rule.version) {
    throw new AppError('conflict', 'Someone else changed this rule; reload to see their change.');
  }

  const merged: Rule = { ...rule };
  for (const field of EDITABLE) {
    if (update[field] !== undefined) Object.assign(merged, { [field]: update[field] });
  }
  if (update.events) merged.events = [...new Set(update.events)];
  // The owner may rename or move the destination; anyone else keeps the stored one as it is.
  if (update.destination && byOwner) merged.destination = update.destination;
  merged.version = rule.version + 1;
  merged.updatedAt = deps.clock.now().getTime();
  const fields = changedFields(rule, merged);
  if (fields.length > 0) {
    merged.history = withChange(rule.history, {
      at: merged.updatedAt,
      byAccountId: caller.accountId,
      fields,
    });
  }

  await checkRuleSettings(deps, { accountId: owner }, merged, rule.filters.cql, rule);
  if (movesDestination) await requireConnected(deps.connections, caller);
  // Page rules stored before they knew their space learn it now (see rule-space.ts).
  const stored = await withSpaceKey(deps.content, caller, merged);
  await deps.rules.put(stored);
  const [view] = await toRuleViews(deps, caller, [stored]);
  return view;
};
