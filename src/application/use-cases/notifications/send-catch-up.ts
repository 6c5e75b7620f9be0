import { buildCatchUpCard, dayInWords, type CatchUpItem } from '../../../domain/catch-up-card';
import {
  CATCH_UP_LIMIT,
  catchUpCql,
  catchUpKey,
  catchUpSearchUrl,
  type CatchUpRequest,
} from '../../../domain/catch-up';
import { microsoftUserKey } from '../../../domain/conversation';
import { sendIdFor } from '../../../domain/delivery-plan';
import { UNKNOWN_OWNER, type DeliveryRecord } from '../../../domain/delivery';
import type { Rule } from '../../../domain/rule';
import type { ChangeSearch, ConfluencePeople } from '../../ports/confluence';
import type { BotMessenger, ConversationStore } from '../../ports/bot-messenger';
import type { DeliveryStore, RuleStore } from '../../ports/stores';
import { sendAsBot } from '../../services/bot-send';
import type { BotTokenDeps } from '../../services/bot-token';
import { createOnce, type DispatchDeps } from '../../services/dispatch-card';
import { mayHaveBeenDone } from '../../services/microsoft-failures';
import { classifyFailure, type Attempt, type Failure } from '../../services/send-as-owner';

export interface CatchUpDeps extends DispatchDeps, BotTokenDeps {
  rules: Pick<RuleStore, 'get'>;
  deliveries: Pick<DeliveryStore, 'get' | 'put'>;
  changes: ChangeSearch;
  people: Pick<ConfluencePeople, 'displayNameOf'>;
  bot: BotMessenger;
  conversations: Pick<ConversationStore, 'get' | 'put'>;
}

export type CatchUpOutcome =
  | { kind: 'done'; status: 'sent' | 'skipped' | 'failed'; reason?: string }
  | { kind: 'already' }
  | Extract<Failure, { kind: 'retry' }>;

/** The rule's own author filters, applied to who made the last change (CQL cannot say that). */
const byWanted = (rule: Rule) => (item: CatchUpItem) => {
  const by = item.lastModifiedBy?.accountId;
  const f = rule.filters;
  if (f.authorsInclude.length > 0 && (!by || !f.authorsInclude.includes(by))) return false;
  if (by && f.authorsExclude.includes(by)) return false;
  return !(f.skipOwnChanges && by === rule.ownerAccountId);
};

const record = async (
  deps: CatchUpDeps,
  request: CatchUpRequest,
  rule: Pick<Rule, 'ownerAccountId' | 'destination'> | null,
  fields: Pick<DeliveryRecord, 'status' | 'attempts'> & Partial<DeliveryRecord>,
): Promise<void> => {
  await deps.deliveries.put({
    schemaVersion: 1,
    key: catchUpKey(request.ruleId),
    ownerAccountId: rule?.ownerAccountId ?? UNKNOWN_OWNER,
    destination: rule?.destination ?? null,
    contentId: '',
    summary: `Catch-up since ${dayInWords(request.since)}`,
    updatedAt: deps.clock.now().getTime(),
    ...fields,
  });
};

/** Posts the card where the rule posts: as the owner through Graph, or by the bot in their 1:1 chat. */
const post = async (
  deps: CatchUpDeps,
  rule: Rule,
  outgoing: { card: ReturnType<typeof buildCatchUpCard>; sendId: string },
  mayHaveSent: boolean,
): Promise<{ messageId: string } | 'not-installed'> => {
  const connection = await deps.connections.get(rule.ownerAccountId);
  const destination = rule.destination;
  if (destination.type !== 'personal') {
    const send = { destination, ownerAccountId: rule.ownerAccountId, connection, outgoing, mayHaveSent };
    const messageId = await createOnce(deps, send, (t) => deps.teams.postMessage(t, destination, outgoing));
    return { messageId };
  }
  const conversation = connection
    ? await deps.conversations.get(microsoftUserKey(connection.tenantId, connection.oid))
    : null;
  if (!conversation?.installed) return 'not-installed';
  const sent = await sendAsBot(deps, conversation, outgoing);
  return sent === 'not-installed' ? sent : { messageId: sent.activityId };
};

/**
 * A new rule's one card of what changed since the day its owner chose: searched as the owner
 * (invariant 3), at most CATCH_UP_LIMIT items and a link to the rest, sent once. The row
 * `catch-up:<rule id>` is the idempotency record: a final row ends any copy of the message
 * (invariant 4), and a send that may have gone out is looked for before sending again.
 */
export const sendCatchUp = async (
  deps: CatchUpDeps,
  request: CatchUpRequest,
  attempt: Attempt,
): Promise<CatchUpOutcome> => {
  const row = await deps.deliveries.get(catchUpKey(request.ruleId));
  if (row && row.status !== 'retrying') return { kind: 'already' };
  const rule = await deps.rules.get(request.ruleId);
  if (!rule || !rule.enabled) {
    const reason = rule
      ? 'The rule was turned off before its catch-up was sent.'
      : 'The rule was deleted before its catch-up was sent.';
    await record(deps, request, rule, { status: 'skipped', attempts: attempt.number, reason });
    return { kind: 'done', status: 'skipped', reason };
  }
  const ownerName = await deps.people.displayNameOf(rule.ownerAccountId);
  const mayHaveSent = attempt.unconfirmed || row?.maybeSent === true;
  try {
    const cql = catchUpCql(rule, request.since);
    const found = await deps.changes.findChangesAs(rule.ownerAccountId, cql, CATCH_UP_LIMIT);
    const items = found.items.filter(byWanted(rule));
    if (items.length === 0) {
      const reason = `Nothing matching the rule changed since ${dayInWords(request.since)}.`;
      await record(deps, request, rule, { status: 'skipped', attempts: attempt.number, reason });
      return { kind: 'done', status: 'skipped', reason };
    }
    const card = buildCatchUpCard({
      since: request.since,
      items,
      more: Math.max(0, found.total - found.items.length),
      searchUrl: found.baseUrl ? catchUpSearchUrl(found.baseUrl, cql) : null,
      ruleOwnerName: ownerName,
    });
    const sent = await post(deps, rule, { card, sendId: sendIdFor(catchUpKey(rule.id)) }, mayHaveSent);
    if (sent === 'not-installed') {
      const reason = `${ownerName} has not added the Teams for Confluence app in Teams, so the catch-up had nowhere to go.`;
      await record(deps, request, rule, { status: 'failed', attempts: attempt.number, reason });
      return { kind: 'done', status: 'failed', reason };
    }
    await record(deps, request, rule, {
      status: 'sent',
      attempts: attempt.number,
      messageId: sent.messageId,
    });
    return { kind: 'done', status: 'sent' };
  } catch (error) {
    const failure = classifyFailure(error, attempt.number, ownerName);
    if (failure.kind === 'retry') {
      const unconfirmed = mayHaveSent || mayHaveBeenDone(error);
      // The row says a send may be out there, so any copy of the message looks before sending.
      await record(deps, request, rule, {
        status: 'retrying',
        attempts: attempt.number,
        reason: failure.reason,
        ...(unconfirmed ? { maybeSent: true as const } : {}),
      });
      return { ...failure, unconfirmed };
    }
    await record(deps, request, rule, { status: 'failed', attempts: attempt.number, reason: failure.reason });
    return { kind: 'done', status: 'failed', reason: failure.reason };
  }
};
