import { createHash } from 'node:crypto';
import type { ContentEvent } from './content-event';
import { eventDedupKey } from './content-event';
import type { PlannedDelivery, PlannedSender } from './delivery-plan';
import type { PersonalPreferences } from './preferences';
import { destinationKey } from './rule';

/**
 * Why a person gets a personal card for an event. One event gives a person at most one card,
 * which names every reason that applies.
 */
export const PERSONAL_REASONS = [
  'rule',
  'watching',
  'mentioned',
  'comment-on-your-content',
  'reply-to-your-comment',
] as const;
export type PersonalReason = (typeof PERSONAL_REASONS)[number];

/** The personal side of one event, for the consumer to fan out: the event and its "me personally" rules. */
export interface PersonalAudienceRequest {
  event: ContentEvent;
  /** Senders of the matched rules whose destination is their owner's 1:1 chat. */
  ruleSenders: PlannedSender[];
}

/** The sender a delivery carries for reasons that come from the person's preferences, not a rule. */
export const PREFERENCES_SENDER = 'personal-preferences';

/** Which preference switches each reason; a rule of one's own needs none. */
const PREFERENCE_OF: Record<Exclude<PersonalReason, 'rule'>, keyof PersonalPreferences> = {
  watching: 'watchedContentUpdated',
  mentioned: 'mentions',
  'comment-on-your-content': 'commentsOnMyContent',
  'reply-to-your-comment': 'repliesToMyComments',
};

/** The reasons a person's preferences still let through (a rule's reason always passes). */
export const reasonsAllowed = (
  reasons: readonly PersonalReason[],
  preferences: PersonalPreferences,
): PersonalReason[] => reasons.filter((r) => r === 'rule' || preferences[PREFERENCE_OF[r]] === true);

/** What the card says about why it came, in the order the reasons are listed. */
export const reasonText = (reasons: readonly PersonalReason[], kind: ContentEvent['kind']): string => {
  const words: Record<PersonalReason, string> = {
    rule: 'one of your rules sends it to you',
    watching: kind.startsWith('blogpost')
      ? 'you watch this blog post or its space'
      : 'you watch this page or its space',
    mentioned: 'you were mentioned',
    'comment-on-your-content': 'it is a comment on content you created',
    'reply-to-your-comment': 'it replies to your comment',
  };
  const parts = PERSONAL_REASONS.filter((r) => reasons.includes(r)).map((r) => words[r]);
  if (parts.length === 0) return 'Sent to you by Teams for Confluence';
  const last = parts.pop() as string;
  return `You get this because ${parts.length > 0 ? `${parts.join(', ')} and ${last}` : last}.`;
};

/**
 * Which events may give personal cards for which reasons. A minor edit ("don't notify
 * watchers") gives none, as in Confluence; label changes give none.
 */
export const reasonsAnEventCanGive = (event: ContentEvent): Array<Exclude<PersonalReason, 'rule'>> => {
  if (event.minorEdit) return [];
  switch (event.kind) {
    case 'page_created':
    case 'blogpost_created':
    case 'page_updated':
    case 'blogpost_updated':
      return ['watching', 'mentioned'];
    case 'comment_created':
      return ['mentioned', 'comment-on-your-content', 'reply-to-your-comment'];
    default:
      return [];
  }
};

/** Account ids mentioned in a storage-format body (`<ri:user ri:account-id="…"/>`), each once. */
export const mentionedAccountIds = (storage: string): string[] => {
  const found = new Set<string>();
  for (const match of storage.matchAll(/<ri:user\b[^>]*\bri:account-id\s*=\s*"([^"]{1,128})"/g)) {
    if (match[1]) found.add(match[1]);
  }
  return [...found];
};

/** Mentions the new version adds: people mentioned now and not before. */
export const newMentions = (before: string | null, after: string): string[] => {
  const old = new Set(before === null ? [] : mentionedAccountIds(before));
  return mentionedAccountIds(after).filter((id) => !old.has(id));
};

const shortHash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 24);

/** The most personal cards one event may fan out to; past this, the rest is not sent (and said in the log). */
export const MAX_PERSONAL_RECIPIENTS = 500;

/**
 * One personal delivery per recipient, keyed like a "me personally" rule's delivery so that an
 * event never gives a person two cards, whatever the reasons. Rule reasons carry their rules as
 * senders; preference reasons carry the recipient as PREFERENCES_SENDER.
 */
export const planPersonalDeliveries = (
  event: ContentEvent,
  recipients: ReadonlyMap<string, readonly PersonalReason[]>,
  ruleSenders: readonly PlannedSender[],
): PlannedDelivery[] =>
  [...recipients.entries()].flatMap(([accountId, reasons]) => {
    const rules = ruleSenders.filter((s) => s.ownerAccountId === accountId);
    const fromPreferences = reasons.some((r) => r !== 'rule');
    const senders: PlannedSender[] = [
      ...rules,
      ...(fromPreferences
        ? [
            {
              ruleId: PREFERENCES_SENDER,
              ownerAccountId: accountId,
              cql: '',
              restrictedContent: 'skip' as const,
            },
          ]
        : []),
    ];
    if (senders.length === 0) return [];
    const destHash = shortHash(destinationKey({ type: 'personal' }, accountId));
    return [
      {
        deliveryKey: `${eventDedupKey(event)}:${destHash}`,
        concurrencyKey: `dest-${destHash}`,
        destination: { type: 'personal' as const },
        senders,
        event,
        personalReasons: [...reasons],
      },
    ];
  });
