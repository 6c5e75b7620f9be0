import { microsoftUserKey } from '../../../domain/conversation';
import {
  MAX_PERSONAL_RECIPIENTS,
  mentionedAccountIds,
  newMentions,
  planPersonalDeliveries,
  reasonsAllowed,
  reasonsAnEventCanGive,
  type PersonalAudienceRequest,
  type PersonalReason,
} from '../../../domain/personal-notification';
import { DEFAULT_PREFERENCES } from '../../../domain/preferences';
import type { ConversationStore } from '../../ports/bot-messenger';
import type { NotificationAudience } from '../../ports/confluence';
import type { DeliveryQueue } from '../../ports/platform';
import type { PeopleFactsReader, PersonFacts } from '../../ports/people-facts';
import type { ConnectionStore, PreferenceStore } from '../../ports/stores';

export interface PersonalAudienceDeps {
  audience: NotificationAudience;
  connections: Pick<ConnectionStore, 'get'>;
  preferences: Pick<PreferenceStore, 'get'>;
  conversations: Pick<ConversationStore, 'get'>;
  queue: DeliveryQueue;
  /** Reads several people together; absent, the stores one person at a time. */
  peopleFacts?: PeopleFactsReader;
}

type Outcome = { kind: 'planned'; recipients: number; dropped: number };

/**
 * People judged together: a hundred people's connections, preferences (old and hashed key) and
 * "added the app" copies are read in KVS batches of 25 keys side by side (then the chats of those
 * whose copy is not sure): about a sixth of a storage call per person, and a few calls' memory.
 */
const PEOPLE_AT_ONCE = 100;

/**
 * The reasons one person still gets a card for: none for someone who never logged in or has
 * not added the app, unless a rule of their own names them (the log then says why nothing
 * arrived); their preferences decide the rest.
 */
const reasonsFrom = (facts: PersonFacts, reasons: ReadonlySet<PersonalReason>): PersonalReason[] => {
  const onlyRule = [...reasons].every((r) => r === 'rule');
  if (!facts.connection) return onlyRule ? ['rule'] : [];
  if (!onlyRule && !facts.appAdded) return reasons.has('rule') ? ['rule'] : [];
  return reasonsAllowed([...reasons], facts.preferences ?? DEFAULT_PREFERENCES);
};

/** One person's facts through the stores, reading only what their reasons need. */
const factsOf = async (
  deps: PersonalAudienceDeps,
  accountId: string,
  reasons: ReadonlySet<PersonalReason>,
): Promise<PersonFacts> => {
  const connection = await deps.connections.get(accountId);
  if (!connection) return { connection, appAdded: false, preferences: null };
  const onlyRule = [...reasons].every((r) => r === 'rule');
  const conversation = onlyRule
    ? null
    : await deps.conversations.get(microsoftUserKey(connection.tenantId, connection.oid));
  const preferences = await deps.preferences.get(accountId);
  return { connection, appAdded: conversation?.installed ?? false, preferences };
};

interface Judged {
  reasons: PersonalReason[];
  /** Their Microsoft user, which the delivery carries so the consumer reads their chat in its one batch. */
  microsoftUser?: string;
}

const judged = (facts: PersonFacts, reasons: ReadonlySet<PersonalReason>): Judged => ({
  reasons: reasonsFrom(facts, reasons),
  ...(facts.connection
    ? { microsoftUser: microsoftUserKey(facts.connection.tenantId, facts.connection.oid) }
    : {}),
});

/** Some people's reasons: their facts read together when the port allows, else one by one. */
const judge = async (
  deps: PersonalAudienceDeps,
  people: ReadonlyArray<[string, Set<PersonalReason>]>,
): Promise<Judged[]> => {
  if (deps.peopleFacts) {
    const facts = await deps.peopleFacts.read(people.map(([id]) => id));
    const none: PersonFacts = { connection: null, appAdded: false, preferences: null };
    return people.map(([id, reasons]) => judged(facts.get(id) ?? none, reasons));
  }
  return Promise.all(people.map(async ([id, reasons]) => judged(await factsOf(deps, id, reasons), reasons)));
};

/** Who Confluence says cares about this event, by reason, before anyone's preferences. */
const candidates = async (
  deps: PersonalAudienceDeps,
  request: PersonalAudienceRequest,
): Promise<Map<string, Set<PersonalReason>>> => {
  const { event } = request;
  const reasons = new Map<string, Set<PersonalReason>>();
  const add = (accountIds: readonly (string | null)[], reason: PersonalReason) => {
    for (const id of accountIds) if (id) reasons.set(id, (reasons.get(id) ?? new Set()).add(reason));
  };
  add(
    request.ruleSenders.map((s) => s.ownerAccountId),
    'rule',
  );
  const possible = reasonsAnEventCanGive(event);
  const updated = event.kind === 'page_updated' || event.kind === 'blogpost_updated';
  await Promise.all([
    possible.includes('watching')
      ? Promise.all([
          updated ? deps.audience.contentWatchers(event.contentId) : [],
          deps.audience.spaceWatchers(event.contentId),
        ]).then(([content, space]) => add([...content, ...space], 'watching'))
      : null,
    possible.includes('mentioned') && !event.comment
      ? Promise.all([
          event.version > 1 ? deps.audience.versionBody(event.contentId, event.version - 1) : null,
          deps.audience.versionBody(event.contentId, event.version),
        ]).then(([before, after]) => add(after === null ? [] : newMentions(before, after), 'mentioned'))
      : null,
    event.comment && possible.length > 0
      ? deps.audience.comment(event.comment.id).then((comment) => {
          if (comment) add(mentionedAccountIds(comment.body), 'mentioned');
        })
      : null,
    possible.includes('comment-on-your-content')
      ? deps.audience.creatorOf(event.contentId).then((creator) => add([creator], 'comment-on-your-content'))
      : null,
    event.comment?.parentCommentId
      ? deps.audience
          .comment(event.comment.parentCommentId)
          .then((parent) => add([parent?.authorAccountId ?? null], 'reply-to-your-comment'))
      : null,
  ]);
  // Never for one's own action.
  if (event.actorAccountId) reasons.delete(event.actorAccountId);
  return reasons;
};

/**
 * Whom an event gives a personal card, and why, from what Confluence says (watchers, new
 * @mentions, the content's creator, the parent comment's author) and the "me personally" rules;
 * each person's own preferences decide, and only people who logged in and added the app in
 * Teams are candidates (a rule of one's own still gets a row saying why nothing arrived). One
 * delivery per person, planned and queued here; each is checked as its recipient when sent.
 */
export const planPersonalAudience = async (
  deps: PersonalAudienceDeps,
  request: PersonalAudienceRequest,
): Promise<Outcome> => {
  const found = await candidates(deps, request);
  const people = [...found.entries()].slice(0, MAX_PERSONAL_RECIPIENTS);
  const recipients = new Map<string, PersonalReason[]>();
  const microsoftUsers = new Map<string, string>();
  // Some people at a time: each needs up to three reads, and watchers can be many.
  for (let i = 0; i < people.length; i += PEOPLE_AT_ONCE) {
    const batch = people.slice(i, i + PEOPLE_AT_ONCE);
    const verdicts = await judge(deps, batch);
    batch.forEach(([accountId], j) => {
      const verdict = verdicts[j];
      if (!verdict || verdict.reasons.length === 0) return;
      recipients.set(accountId, verdict.reasons);
      if (verdict.microsoftUser) microsoftUsers.set(accountId, verdict.microsoftUser);
    });
  }
  const deliveries = planPersonalDeliveries(request.event, recipients, request.ruleSenders).map((d) => {
    const microsoftUser = microsoftUsers.get(d.senders[0].ownerAccountId);
    return microsoftUser ? { ...d, recipientMicrosoftUser: microsoftUser } : d;
  });
  if (deliveries.length > 0) await deps.queue.enqueue(deliveries);
  return { kind: 'planned', recipients: deliveries.length, dropped: found.size - people.length };
};
