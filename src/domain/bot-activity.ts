import { z } from 'zod';

/**
 * The part of a Bot Framework Activity the bot endpoint reads, as Teams sends it. Unknown fields
 * are dropped; every string is bounded so a hostile body cannot make a huge key or log line.
 * @see https://github.com/microsoft/botframework-sdk/blob/main/specs/botframework-activity/botframework-activity.md
 */
const text = (max: number) => z.string().max(max);
const id = z.string().min(1).max(512);

const account = z.object({
  id,
  name: text(512).optional(),
  aadObjectId: text(64).optional(),
});

/** Replies go to this URL, so only an https URL is taken (and it must equal the signed claim). */
const serviceUrl = z
  .string()
  .max(512)
  .refine((value) => {
    try {
      return new URL(value).protocol === 'https:';
    } catch {
      return false;
    }
  }, 'serviceUrl must be an https URL');

export const botActivitySchema = z.object({
  type: z.string().min(1).max(64),
  id: text(512).optional(),
  /** An invoke's name (`composeExtension/query`, `adaptiveCard/action`, …). */
  name: text(128).optional(),
  /** `installationUpdate`: `add` / `remove` (and `-upgrade` variants). */
  action: text(64).optional(),
  timestamp: text(64).optional(),
  channelId: z.string().min(1).max(64),
  serviceUrl,
  from: account,
  recipient: account,
  conversation: z.object({
    id: z.string().min(1).max(1024),
    tenantId: text(64).optional(),
    conversationType: text(32).optional(),
    isGroup: z.boolean().optional(),
  }),
  channelData: z.object({ tenant: z.object({ id: text(64) }).optional() }).optional(),
  /** Teams caps a message at about 28 KB; the endpoint's body cap bounds it anyway. */
  text: text(100_000).optional(),
  replyToId: text(512).optional(),
  /** `conversationUpdate`: who joined; the bot itself when it was added to a chat or team. */
  membersAdded: z.array(account).max(100).optional(),
  /** An invoke's payload; each handler reads it with its own schema. */
  value: z.unknown().optional(),
});

export type BotActivity = z.infer<typeof botActivitySchema>;

/** Why a request to the bot endpoint was refused; stored in the bot's health record. */
export type BotRefusalReason =
  // 401: no valid Bot Framework token for this bot
  | 'bot-not-configured'
  | 'no-token'
  | 'malformed-token'
  | 'wrong-algorithm'
  | 'unknown-key'
  | 'bad-signature'
  | 'wrong-issuer'
  | 'wrong-audience'
  | 'expired'
  | 'not-yet-valid'
  | 'no-service-url-claim'
  // 403: a valid token, but not for this activity, channel or tenant
  | 'not-endorsed'
  | 'wrong-channel'
  | 'service-url-mismatch'
  | 'wrong-tenant'
  | 'wrong-recipient'
  // 400: a valid token, and a body that is not an activity
  | 'not-an-activity';

/** What a valid Bot Framework token says about the activity it came with. */
export interface VerifiedBotToken {
  /** The token's `serviceurl` claim. */
  serviceUrl: string;
  /** The signing key's `endorsements`: the channels it may speak for. */
  endorsements: readonly string[];
}

export const TEAMS_CHANNEL_ID = 'msteams';

const sameGuid = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * The activity's tenant: `conversation.tenantId` and `channelData.tenant.id`, which Teams sets
 * to the same value. Null when neither is there or they disagree (a forged mix).
 */
export const activityTenantId = (activity: BotActivity): string | null => {
  const fromConversation = activity.conversation.tenantId;
  const fromChannelData = activity.channelData?.tenant?.id;
  if (fromConversation && fromChannelData && !sameGuid(fromConversation, fromChannelData)) return null;
  return fromConversation || fromChannelData || null;
};

/**
 * The checks that bind a valid token to its activity (Bot Connector authentication: the key's
 * endorsements name the channel, `serviceurl` equals `serviceUrl`), then this app's own: Teams
 * only, the mapped tenant, and addressed to this bot (`28:<bot id>`). Null when all pass.
 */
export const activityRefusal = (
  activity: BotActivity,
  token: VerifiedBotToken,
  expected: { botId: string; tenantId: string },
): BotRefusalReason | null => {
  if (!token.endorsements.includes(activity.channelId)) return 'not-endorsed';
  if (activity.channelId !== TEAMS_CHANNEL_ID) return 'wrong-channel';
  if (token.serviceUrl !== activity.serviceUrl) return 'service-url-mismatch';
  const tenantId = activityTenantId(activity);
  if (!tenantId || !sameGuid(tenantId, expected.tenantId)) return 'wrong-tenant';
  if (!sameGuid(activity.recipient.id, `28:${expected.botId}`)) return 'wrong-recipient';
  return null;
};
