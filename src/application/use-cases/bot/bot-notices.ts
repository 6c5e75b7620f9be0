import { expiryWarningCard, needsLoginCard } from '../../../domain/bot-cards';
import type { BotJob } from '../../../domain/bot-job';
import { microsoftUserKey, type Conversation } from '../../../domain/conversation';
import { expiryNoticeKey, needsLoginNoticeKey, SECRET_NAMES } from '../../../domain/credential-expiry';
import { secretExpiryOf } from '../../../domain/secret-expiry';
import { globalSettingsUrl } from '../../../domain/settings-location';
import type { AdaptiveCard } from '../../../domain/card-elements';
import { sendAsBot } from '../../services/bot-send';
import type { BotWorkDeps, BotWorkOutcome } from './bot-work';

type BotNoticeDeps = BotWorkDeps;

/** Markers outlive what they guard: a warning's secret expires within 30 days, a login in 90. */
const NOTICE_TTL_SECONDS = 100 * 24 * 3600;

/** The person's installed 1:1 conversation, through their connection; null when there is none. */
const conversationOf = async (deps: BotNoticeDeps, accountId: string): Promise<Conversation | null> => {
  const connection = await deps.connections.get(accountId);
  if (!connection) return null;
  const conversation = await deps.conversations.get(microsoftUserKey(connection.tenantId, connection.oid));
  return conversation?.installed ? conversation : null;
};

/** Sends `card` once under `noticeKey`: the marker is written after the send, checked before. */
const sendOnce = async (
  deps: BotNoticeDeps,
  conversation: Conversation,
  noticeKey: string,
  card: AdaptiveCard,
  what: string,
): Promise<BotWorkOutcome> => {
  if (await deps.notices.wasSent(noticeKey)) return { kind: 'nothing', why: 'already told' };
  const sent = await sendAsBot(deps, conversation, { card, sendId: what });
  if (sent === 'not-installed') return { kind: 'not-installed' };
  await deps.notices.markSent(noticeKey, NOTICE_TTL_SECONDS);
  return { kind: 'sent', what };
};

/** The expiry date stored now for `secret` (a renewed secret makes an older warning moot). */
const storedExpiry = async (deps: BotNoticeDeps, secret: 'client-secret' | 'bot-secret') =>
  secret === 'client-secret'
    ? ((await deps.tenants.get())?.secretExpiresOn ?? null)
    : ((await deps.botRegistrations.get())?.secretExpiresOn ?? null);

/** A site admin's warning that a secret expires soon, once per secret, date, threshold and admin. */
export const sendExpiryWarning = async (
  deps: BotNoticeDeps,
  job: Extract<BotJob, { kind: 'expiry-warning' }>,
): Promise<BotWorkOutcome> => {
  if ((await storedExpiry(deps, job.secret)) !== job.expiresOn)
    return { kind: 'nothing', why: 'the secret was renewed' };
  const conversation = await conversationOf(deps, job.accountId);
  if (!conversation) return { kind: 'not-installed' };
  const daysLeft = secretExpiryOf(job.expiresOn, deps.clock.now()).daysLeft ?? job.threshold;
  const site = (await deps.tenants.get())?.siteUrl;
  const card = expiryWarningCard(
    SECRET_NAMES[job.secret],
    job.expiresOn,
    Math.max(1, daysLeft),
    site ? globalSettingsUrl(site) : undefined,
  );
  const key = expiryNoticeKey(job.secret, job.expiresOn, job.threshold, job.accountId);
  return sendOnce(deps, conversation, key, card, `expiry-warning-${job.threshold}`);
};

/** "Log in again", once per login that Microsoft stopped accepting. */
export const sendNeedsLogin = async (
  deps: BotNoticeDeps,
  job: Extract<BotJob, { kind: 'needs-login' }>,
): Promise<BotWorkOutcome> => {
  const connection = await deps.connections.get(job.accountId);
  if (connection?.status !== 'needs-login') return { kind: 'nothing', why: 'the sign-in works' };
  const conversation = await conversationOf(deps, job.accountId);
  if (!conversation) return { kind: 'not-installed' };
  const site = (await deps.tenants.get())?.siteUrl;
  const card = needsLoginCard(site ? deps.urls.personalPageUrl(site) : undefined);
  return sendOnce(
    deps,
    conversation,
    needsLoginNoticeKey(job.accountId, connection.connectedAt),
    card,
    'needs-login',
  );
};
