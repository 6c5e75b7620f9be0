import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TENANT } from '../../seed';
import { sendJson } from '../http/respond';
import type { SimContext } from '../sim-context';
import { verifyJwt } from '../tokens/jwt';
import { BOT_FRAMEWORK_RESOURCE } from '../tokens/scopes';

/** One activity the bot sent into a conversation (a card or a text), as the Teams view shows it. */
export interface BotActivityRecord {
  id: string;
  conversationId: string;
  /** The person the 1:1 conversation is with (their Entra object id). */
  oid: string;
  at: number;
  text?: string;
  card?: unknown;
  updatedAt?: number;
}

/** What a person typed to the bot in the Teams view (the app only sees it as an activity). */
export interface TypedMessage {
  id: string;
  oid: string;
  at: number;
  text: string;
}

/** The Bot Framework side of the simulator's state: who installed the app, conversations, activities. */
export interface BotSimData {
  installedFor: string[];
  conversations: Record<string, { oid: string; botId: string }>;
  activities: BotActivityRecord[];
  lastActivityId: number;
  /** Absent in state written before the Teams view had a box to type to the bot. */
  typed?: TypedMessage[];
}

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
/** Teams refuses messages over about 28 KB, as Graph does. */
const MAX_ACTIVITY_BYTES = 28 * 1024;

const dataOf = (ctx: SimContext): BotSimData => {
  const data = ctx.state.data as { bot?: BotSimData };
  data.bot ??= { installedFor: [], conversations: {}, activities: [], lastActivityId: 0 };
  return data.bot;
};

/** The person installs the companion app (Teams' "Add app"): the bot may now open their 1:1 chat. */
export function installBot(ctx: SimContext, oid: string): void {
  const data = dataOf(ctx);
  if (!data.installedFor.includes(oid.toLowerCase())) data.installedFor.push(oid.toLowerCase());
  ctx.state.changed();
}

/** The person removes the app: the bot's writes to them are refused from now on. */
export function uninstallBot(ctx: SimContext, oid: string): void {
  const data = dataOf(ctx);
  data.installedFor = data.installedFor.filter((o) => o !== oid.toLowerCase());
  ctx.state.changed();
}

/** What the bot sent, oldest first; only one person's 1:1 chat when `oid` is given. */
export function botActivities(ctx: SimContext, oid?: string): BotActivityRecord[] {
  return dataOf(ctx).activities.filter((a) => oid === undefined || a.oid === oid.toLowerCase());
}

/** Whether the person has the app (Teams' "Add app" without a later "Remove"). */
export const hasBot = (ctx: SimContext, oid: string): boolean =>
  dataOf(ctx).installedFor.includes(oid.toLowerCase());

/**
 * Keeps what the person typed into their chat with the bot. Its id comes from the same counter
 * as the bot's activities, so the chat shows both in the order they happened.
 */
export function recordTyped(ctx: SimContext, oid: string, text: string): TypedMessage {
  const data = dataOf(ctx);
  data.lastActivityId += 1;
  const typed = { id: `typed:${data.lastActivityId}`, oid: oid.toLowerCase(), at: ctx.clock(), text };
  (data.typed ??= []).push(typed);
  ctx.state.changed();
  return typed;
}

export const typedMessages = (ctx: SimContext, oid: string): TypedMessage[] =>
  (dataOf(ctx).typed ?? []).filter((t) => t.oid === oid.toLowerCase());

/**
 * A Universal Action's answer replaced the card in the person's chat (Teams does this on the
 * client, for the person who pressed the button). False when there is no such activity there.
 */
export function replaceBotCard(ctx: SimContext, oid: string, activityId: string, card: unknown): boolean {
  const existing = botActivities(ctx, oid).find((a) => a.id === activityId);
  if (!existing) return false;
  delete existing.text;
  Object.assign(existing, { card, updatedAt: ctx.clock() });
  ctx.state.changed();
  return true;
}

/** The 1:1 conversation id Teams gives the bot and a person: stable, opaque, `a:`-prefixed. */
export const personalConversationId = (botId: string, oid: string): string =>
  `a:1${createHash('sha256').update(`${botId}|${oid.toLowerCase()}`).digest('base64url').slice(0, 40)}`;

type Answer = { status: number; body: unknown };

/**
 * A 1:1 conversation Teams told the bot about in an activity (the id is derived the same way)
 * rather than one the bot opened: remembered on first use.
 */
function knownPersonalConversation(
  ctx: SimContext,
  botId: string,
  conversationId: string,
): { oid: string; botId: string } | undefined {
  const person = ctx.directory.people().find((p) => personalConversationId(botId, p.oid) === conversationId);
  if (!person) return undefined;
  const conversation = { oid: person.oid.toLowerCase(), botId };
  dataOf(ctx).conversations[conversationId] = conversation;
  ctx.state.changed();
  return conversation;
}

const refusal = (status: number, code: string, message: string): Answer => ({
  status,
  body: { error: { code, message } },
});

/** The caller must be a bot: a client-credentials token of this simulator for the Bot Framework. */
function botIdOf(ctx: SimContext, req: IncomingMessage): string | Answer {
  const match = /^Bearer\s+(.+)$/i.exec((req.headers.authorization ?? '').trim());
  const claims = match?.[1] ? verifyJwt(match[1], Buffer.from(ctx.state.data.signingKey, 'base64')) : null;
  const now = Math.floor(ctx.clock() / 1000);
  if (
    !claims ||
    claims.aud !== BOT_FRAMEWORK_RESOURCE ||
    claims.idtyp !== 'app' ||
    claims.tid !== TENANT.id ||
    typeof claims.exp !== 'number' ||
    claims.exp <= now
  ) {
    return refusal(401, 'Unauthorized', 'Authorization has been denied for this request.');
  }
  return String(claims.appid);
}

const isAnswer = (value: unknown): value is Answer =>
  typeof value === 'object' && value !== null && 'status' in value && 'body' in value;

/** A message activity as the bot sends it: text, or one Adaptive Card attachment. */
function readActivity(rawBody: string): { text?: string; card?: unknown } | Answer {
  if (Buffer.byteLength(rawBody) > MAX_ACTIVITY_BYTES)
    return refusal(413, 'MessageSizeTooBig', 'The message is too large.');
  let body: { type?: unknown; text?: unknown; attachments?: unknown };
  try {
    body = JSON.parse(rawBody) as typeof body;
  } catch {
    return refusal(400, 'BadSyntax', 'The body is not JSON.');
  }
  if (body.type !== 'message') return refusal(400, 'BadArgument', 'Only message activities are supported.');
  const attachments = Array.isArray(body.attachments)
    ? (body.attachments as Array<Record<string, unknown>>)
    : [];
  const card = attachments.find((a) => a.contentType === ADAPTIVE_CARD)?.content;
  const text = typeof body.text === 'string' ? body.text : undefined;
  if (card === undefined && !text) return refusal(400, 'BadArgument', 'The message has no text and no card.');
  if (
    card !== undefined &&
    (typeof card !== 'object' || (card as { type?: unknown }).type !== 'AdaptiveCard')
  )
    return refusal(400, 'BadArgument', 'The attachment is not an Adaptive Card.');
  return { ...(text ? { text } : {}), ...(card !== undefined ? { card } : {}) };
}

/**
 * The Bot Connector REST API the bot calls (`{serviceUrl}v3/conversations…`), for any region
 * segment of the service URL. Creating a 1:1 conversation is refused with
 * `BotNotInConversationRoster` until the person installed the app, as in Teams.
 * @see https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference
 */
export function connectorAnswer(
  ctx: SimContext,
  req: IncomingMessage,
  path: string,
  rawBody: string,
): Answer {
  const route = /^\/[a-z]+\/v3\/conversations(?:\/([^/]+)\/activities(?:\/([^/]+))?)?$/.exec(path);
  if (!route) return refusal(404, 'NotFound', `No connector route ${path}`);
  const botId = botIdOf(ctx, req);
  if (isAnswer(botId)) return botId;
  const data = dataOf(ctx);
  const [, rawConversation, rawActivity] = route;
  if (rawConversation === undefined) {
    if (req.method !== 'POST') return refusal(405, 'MethodNotAllowed', 'Use POST.');
    let body: { bot?: { id?: unknown }; members?: Array<{ id?: unknown }>; tenantId?: unknown };
    try {
      body = JSON.parse(rawBody) as typeof body;
    } catch {
      return refusal(400, 'BadSyntax', 'The body is not JSON.');
    }
    if (body.bot?.id !== `28:${botId}`)
      return refusal(400, 'BadArgument', 'The bot id does not match the token.');
    if (body.tenantId !== TENANT.id) return refusal(403, 'Forbidden', 'The tenant is not this bot’s.');
    const first = body.members?.[0]?.id;
    const member = typeof first === 'string' ? first : '';
    const oid = member.startsWith('29:') ? member.slice(3) : member;
    const person = ctx.directory.personByOid(oid);
    if (!person) return refusal(404, 'NotFound', 'No such user in the tenant.');
    if (!data.installedFor.includes(person.oid.toLowerCase()))
      return refusal(403, 'BotNotInConversationRoster', 'The bot is not part of the conversation roster.');
    const id = personalConversationId(botId, person.oid);
    data.conversations[id] = { oid: person.oid.toLowerCase(), botId };
    ctx.state.changed();
    return { status: 201, body: { id } };
  }
  const conversationId = decodeURIComponent(rawConversation);
  const conversation =
    data.conversations[conversationId] ?? knownPersonalConversation(ctx, botId, conversationId);
  if (!conversation || conversation.botId !== botId)
    return refusal(404, 'ConversationNotFound', 'Conversation not found.');
  if (!data.installedFor.includes(conversation.oid))
    return refusal(403, 'BotNotInConversationRoster', 'The bot is not part of the conversation roster.');
  const activity = readActivity(rawBody);
  if (isAnswer(activity)) return activity;
  if (rawActivity === undefined) {
    if (req.method !== 'POST') return refusal(405, 'MethodNotAllowed', 'Use POST.');
    data.lastActivityId += 1;
    const id = `1:${data.lastActivityId}`;
    data.activities.push({ id, conversationId, oid: conversation.oid, at: ctx.clock(), ...activity });
    ctx.state.changed();
    return { status: 201, body: { id } };
  }
  if (req.method !== 'PUT') return refusal(405, 'MethodNotAllowed', 'Use PUT.');
  const existing = data.activities.find(
    (a) => a.id === decodeURIComponent(rawActivity) && a.conversationId === conversationId,
  );
  if (!existing) return refusal(404, 'ActivityNotFound', 'Activity not found.');
  delete existing.text;
  delete existing.card;
  Object.assign(existing, activity, { updatedAt: ctx.clock() });
  ctx.state.changed();
  return { status: 200, body: { id: existing.id } };
}

export function handleConnector(
  ctx: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  rawBody: string,
): void {
  const answer = connectorAnswer(ctx, req, path, rawBody);
  sendJson(res, answer.status, answer.body);
}
