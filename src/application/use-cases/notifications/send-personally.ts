import { AppError } from '../../../domain/app-error';
import { withCommentBox } from '../../../domain/comment-cards';
import { microsoftUserKey } from '../../../domain/conversation';
import { sendIdFor, type PlannedDelivery, type PlannedSender } from '../../../domain/delivery-plan';
import {
  PREFERENCES_SENDER,
  reasonsAllowed,
  reasonText,
  type PersonalReason,
} from '../../../domain/personal-notification';
import { holdFor, holdReason } from '../../../domain/personal-hold';
import { DEFAULT_PREFERENCES, type PersonalPreferences } from '../../../domain/preferences';
import type { ConversationStore } from '../../ports/bot-messenger';
import type { ConnectionStore, PersonalDigestStore, PreferenceStore, RuleStore } from '../../ports/stores';
import { sendAsBot, type BotSendDeps } from '../../services/bot-send';
import { composeCard, heldItemFor, type CardReads, type Cleared } from '../../services/compose-card';
import { currentSenders } from '../../services/current-senders';
import type { Recorder } from '../../services/delivery-records';

export interface PersonalSendDeps extends BotSendDeps, CardReads {
  personalDigests: Pick<PersonalDigestStore, 'get' | 'put'>;
  rules: Pick<RuleStore, 'getMany'>;
  preferences: Pick<PreferenceStore, 'get'>;
  connections: Pick<ConnectionStore, 'get'>;
  conversations: Pick<ConversationStore, 'get' | 'put'>;
}

/**
 * A personal delivery's senders and reasons as they are now: its "me personally" rules that
 * still send (deleted, turned off or changed ones drop out, as for channels), and the reasons
 * the recipient's preferences still let through. The recipient is every sender's owner.
 */
export const currentPersonalSenders = async (
  deps: Pick<PersonalSendDeps, 'rules' | 'preferences'>,
  delivery: PlannedDelivery,
): Promise<
  { kind: 'senders'; senders: PlannedSender[]; wanted: PersonalWish } | { kind: 'none'; reason: string }
> => {
  const recipient = delivery.senders[0].ownerAccountId;
  const ruleSenders = delivery.senders.filter((s) => s.ruleId !== PREFERENCES_SENDER);
  const preferenceSender = delivery.senders.find((s) => s.ruleId === PREFERENCES_SENDER);
  const rules =
    ruleSenders.length > 0 ? await currentSenders(deps.rules, { ...delivery, senders: ruleSenders }) : null;
  const preferences = (await deps.preferences.get(recipient)) ?? DEFAULT_PREFERENCES;
  const fromPreferences = preferenceSender
    ? reasonsAllowed(
        (delivery.personalReasons ?? []).filter((r) => r !== 'rule'),
        preferences,
      )
    : [];
  const senders = [
    ...(rules?.kind === 'senders' ? rules.senders : []),
    ...(preferenceSender && fromPreferences.length > 0 ? [preferenceSender] : []),
  ];
  if (senders.length === 0) {
    return {
      kind: 'none',
      reason:
        rules?.kind === 'none'
          ? rules.reason
          : 'The recipient turned these personal notifications off after this update was queued.',
    };
  }
  return {
    kind: 'senders',
    senders,
    wanted: {
      reasons: [...(rules?.kind === 'senders' ? (['rule'] as const) : []), ...fromPreferences],
      preferences,
    },
  };
};

/** Why the recipient still wants the card, and their preferences as just read (quiet hours, digest). */
export interface PersonalWish {
  reasons: PersonalReason[];
  preferences: PersonalPreferences;
}

type Sent = { kind: 'sent'; messageId: string; via: 'post' } | { kind: 'held' };

/** Personal cards a digest may still list; past this the oldest stay but no more are added. */
const MAX_HELD = 200;

/**
 * Sends a personal card into the recipient's 1:1 chat with the bot, once the content has been
 * checked as them (chooseSender, before this). The card says why it came.
 */
export const sendPersonally = async (
  deps: PersonalSendDeps,
  delivery: PlannedDelivery,
  choice: Cleared,
  { reasons, preferences }: PersonalWish,
  record: Recorder,
): Promise<Sent> => {
  const recipient = choice.sender.ownerAccountId;
  const connection = await deps.connections.get(recipient);
  if (!connection) throw new AppError('not_connected', 'Log in to Microsoft Teams first.');
  const conversation = await deps.conversations.get(microsoftUserKey(connection.tenantId, connection.oid));
  const notInstalled = async () => {
    const name = await deps.people.displayNameOf(recipient).catch(() => 'The recipient');
    return new AppError(
      'not_found',
      `${name} has not added the Teams for Confluence app in Microsoft Teams, so personal cards cannot reach them.`,
    );
  };
  if (!conversation?.installed) throw await notInstalled();
  const hold = holdFor(preferences, deps.clock.now());
  if (hold) {
    const digest = (await deps.personalDigests.get(recipient)) ?? {
      schemaVersion: 1 as const,
      accountId: recipient,
      items: [],
      lastDigestDate: null,
    };
    if (!digest.items.some((i) => i.deliveryKey === delivery.deliveryKey) && digest.items.length < MAX_HELD) {
      const item = await heldItemFor(
        deps.people,
        delivery,
        choice,
        Date.parse(delivery.event.occurredAt) || deps.clock.now().getTime(),
      );
      await deps.personalDigests.put({ ...digest, items: [...digest.items, item] });
    }
    const reason = holdReason(hold, preferences.quietHours.timeZone);
    await record('held', { reason });
    return { kind: 'held' };
  }
  const why = reasonText(reasons, delivery.event.kind);
  const composed = await composeCard(deps, delivery, choice, undefined, why);
  // The person can view it (a redacted card has nothing to comment on): they may answer from Teams.
  const { event } = delivery;
  const card =
    choice.kind === 'redact'
      ? composed
      : withCommentBox(composed, {
          contentId: event.contentId,
          contentType: event.contentType,
          ...(event.comment ? { parentCommentId: event.comment.id } : {}),
        });
  const sent = await sendAsBot(deps, conversation, { card, sendId: sendIdFor(delivery.deliveryKey) });
  if (sent === 'not-installed') throw await notInstalled();
  await record('sent', { messageId: sent.activityId, reason: why });
  return { kind: 'sent', messageId: sent.activityId, via: 'post' };
};
