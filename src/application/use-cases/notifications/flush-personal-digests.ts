import { buildPersonalDigestCard } from '../../../domain/digest-card';
import { microsoftUserKey } from '../../../domain/conversation';
import {
  digestDue,
  MAX_PERSONAL_DIGEST_ITEMS,
  wallClock,
  type PersonalDigest,
} from '../../../domain/personal-hold';
import { DEFAULT_PREFERENCES } from '../../../domain/preferences';
import type { ConversationStore } from '../../ports/bot-messenger';
import type { ConfluencePermissions } from '../../ports/confluence';
import { isMicrosoftFailure } from '../../ports/microsoft';
import type {
  ConnectionStore,
  DeliveryStore,
  PersonalDigestStore,
  PreferenceStore,
} from '../../ports/stores';
import { sendAsBot, type BotSendDeps } from '../../services/bot-send';
import { settleHeldRows } from '../../services/delivery-records';

export interface FlushPersonalDeps extends BotSendDeps {
  personalDigests: PersonalDigestStore;
  preferences: Pick<PreferenceStore, 'get'>;
  connections: Pick<ConnectionStore, 'get'>;
  conversations: Pick<ConversationStore, 'get' | 'put'>;
  permissions: Pick<ConfluencePermissions, 'viewableTitlesAs'>;
  deliveries: DeliveryStore;
}

/** People looked at per run; the next run (five minutes on) takes the rest. */
const PEOPLE_PER_RUN = 50;

type PersonOutcome = 'sent' | 'not-due' | 'nothing-visible' | 'cannot-reach' | 'later';

const cleared = (digest: PersonalDigest, lastDigestDate: string | null): PersonalDigest => ({
  ...digest,
  items: [],
  lastDigestDate,
});

/**
 * One person's held personal cards, when they are due: what they can still view (asked of
 * Confluence as them now: a page restricted since it was held drops out, invariant 3) goes in
 * one card to their 1:1 chat, and the held delivery rows are settled either way.
 */
const flushOne = async (
  deps: FlushPersonalDeps,
  digest: PersonalDigest,
  now: Date,
): Promise<PersonOutcome> => {
  const preferences = (await deps.preferences.get(digest.accountId)) ?? DEFAULT_PREFERENCES;
  if (!digestDue(preferences, digest, now)) return 'not-due';
  const today = preferences.dailyDigest
    ? wallClock(now, preferences.quietHours.timeZone).date
    : digest.lastDigestDate;
  const keys = digest.items.map((item) => item.deliveryKey);
  const connection = await deps.connections.get(digest.accountId);
  const conversation = connection
    ? await deps.conversations.get(microsoftUserKey(connection.tenantId, connection.oid))
    : null;
  if (!conversation?.installed) {
    await settleHeldRows(deps, keys, {
      status: 'failed',
      reason: 'The recipient is no longer connected or removed the Teams app before the digest went out.',
    });
    await deps.personalDigests.put(cleared(digest, today));
    return 'cannot-reach';
  }
  const ids = digest.items.flatMap((item) => (item.contentId ? [item.contentId] : []));
  const visible = new Map(
    (await deps.permissions.viewableTitlesAs(digest.accountId, ids)).map((c) => [c.id, c.title]),
  );
  const items = digest.items.flatMap((item) => {
    const title = item.contentId ? visible.get(item.contentId) : undefined;
    return title === undefined ? [] : [{ ...item, title }];
  });
  const hidden = digest.items.filter((item) => !items.some((kept) => kept.deliveryKey === item.deliveryKey));
  await settleHeldRows(
    deps,
    hidden.map((item) => item.deliveryKey),
    { status: 'skipped', reason: 'The recipient can no longer view this content' },
  );
  if (items.length === 0) {
    await deps.personalDigests.put(cleared(digest, today));
    return 'nothing-visible';
  }
  const listed = items.slice(0, MAX_PERSONAL_DIGEST_ITEMS);
  const card = buildPersonalDigestCard({
    items: listed,
    overflow: items.length - listed.length,
    why: preferences.dailyDigest ? 'daily-digest' : 'quiet-hours',
  });
  const sendId = `personal-digest:${digest.accountId}:${today ?? now.toISOString()}`;
  let sent: Awaited<ReturnType<typeof sendAsBot>>;
  try {
    sent = await sendAsBot(deps, conversation, { card, sendId });
  } catch (error) {
    // Throttled or unavailable: the cards stay held and the next run tries again.
    if (isMicrosoftFailure(error, 'throttled', 'unavailable', 'maybe-sent')) return 'later';
    throw error;
  }
  const kept = items.map((item) => item.deliveryKey);
  await settleHeldRows(
    deps,
    kept,
    sent === 'not-installed'
      ? { status: 'failed', reason: 'The recipient removed the Teams app before the digest went out.' }
      : { status: 'sent', messageId: sent.activityId },
  );
  await deps.personalDigests.put(cleared(digest, today));
  return sent === 'not-installed' ? 'cannot-reach' : 'sent';
};

/** The scheduled trigger's work: every person whose held personal cards are due gets one card. */
export const flushPersonalDigests = async (
  deps: FlushPersonalDeps,
  now: Date,
): Promise<Record<PersonOutcome, number>> => {
  const counts: Record<PersonOutcome, number> = {
    sent: 0,
    'not-due': 0,
    'nothing-visible': 0,
    'cannot-reach': 0,
    later: 0,
  };
  for (const digest of await deps.personalDigests.listWaiting(PEOPLE_PER_RUN)) {
    // One person's failure (a bug, Confluence down) must not keep the others' digests back.
    const outcome = await flushOne(deps, digest, now).catch((): PersonOutcome => 'later');
    counts[outcome] += 1;
  }
  return counts;
};
