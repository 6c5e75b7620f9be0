import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import type { ChannelAnswer, ChannelSendRequest } from '../bot-framework/bot-channel';
import {
  botActivities,
  hasBot,
  recordTyped,
  replaceBotCard,
  typedMessages,
} from '../connector/bot-connector';
import { sendJson } from '../http/respond';
import type { SimContext } from '../sim-context';
import { actionOutcome } from './action-outcome';

/** The companion app's name in Teams (the package's `name.short`). */
export const BOT_NAME = 'Teams for Confluence';

const oid = z.string().min(1).max(64);
const installRequest = z.object({ oid, action: z.enum(['add', 'remove']) });
const sendRequest = z.object({ oid, text: z.string().trim().min(1, 'Type a message.').max(4000) });
const actionRequest = z.object({
  oid,
  activityId: z.string().min(1).max(128),
  actionId: z.string().max(256).optional(),
  verb: z.string().max(256).optional(),
  /** The action's `data` with the card's Input values merged in, as the renderer prepares it. */
  data: z.record(z.string(), z.unknown()).optional(),
});

/** Order of happening: the bot's activities and what the person typed share one counter. */
const sequence = (id: string): number => Number(id.slice(id.lastIndexOf(':') + 1));

/** One person's 1:1 chat with the bot: the bot's cards and texts and what the person typed. */
function chatOf(ctx: SimContext, person: { oid: string; displayName: string }) {
  const items = [
    ...botActivities(ctx, person.oid).map((a) => ({ from: 'bot' as const, ...a })),
    ...typedMessages(ctx, person.oid).map((t) => ({ from: 'person' as const, ...t })),
  ].sort((a, b) => sequence(a.id) - sequence(b.id));
  return {
    person: { oid: person.oid, displayName: person.displayName },
    bot: { name: BOT_NAME },
    installed: hasBot(ctx, person.oid),
    items,
  };
}

/** Teams sends an activity from the person; a bot endpoint that does not answer is a 502. */
async function sendFrom(ctx: SimContext, request: ChannelSendRequest): Promise<ChannelAnswer | Error> {
  try {
    return await ctx.botChannel.send(request);
  } catch (e) {
    return new Error(`The app's bot endpoint did not answer: ${String(e)}`);
  }
}

function parse<T>(schema: z.ZodType<T>, rawBody: string): T | Refusal {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return { status: 400, error: 'The body is not JSON.' };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { status: 400, error: parsed.error.issues[0]?.message ?? 'Bad request.' };
  return parsed.data;
}

type Refusal = { status: number; error: string };
type Outgoing = { from: string; activity: Record<string, unknown> };
const isRefusal = (value: object): value is Refusal => 'error' in value;
const personOf = (ctx: SimContext, oid: string): string | Refusal =>
  ctx.directory.personByOid(oid)?.oid ?? { status: 404, error: 'No such person in the tenant.' };

/** The activity Teams sends for the person's click or message. */
function outgoing(ctx: SimContext, route: string, rawBody: string): Outgoing | Refusal {
  if (route === '/install') {
    const request = parse(installRequest, rawBody);
    if (isRefusal(request)) return request;
    const from = personOf(ctx, request.oid);
    if (typeof from !== 'string') return from;
    return { from, activity: { type: 'installationUpdate', action: request.action } };
  }
  if (route === '/send') {
    const request = parse(sendRequest, rawBody);
    if (isRefusal(request)) return request;
    const from = personOf(ctx, request.oid);
    if (typeof from !== 'string') return from;
    recordTyped(ctx, from, request.text);
    return { from, activity: { type: 'message', text: request.text } };
  }
  const request = parse(actionRequest, rawBody);
  if (isRefusal(request)) return request;
  const from = personOf(ctx, request.oid);
  if (typeof from !== 'string') return from;
  const target = botActivities(ctx, from).find((a) => a.id === request.activityId);
  if (!target?.card) return { status: 404, error: 'No such card in this chat.' };
  const action = {
    type: 'Action.Execute',
    ...(request.actionId ? { id: request.actionId } : {}),
    ...(request.verb !== undefined ? { verb: request.verb } : {}),
    data: request.data ?? {},
  };
  return {
    from,
    activity: {
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId: request.activityId,
      value: { action, trigger: 'manual' },
    },
  };
}

/**
 * The Teams view's side of the companion bot, under `/_sim/api/bot-chat`: `GET ?oid=` (the chat),
 * `POST install` `{oid, action: add|remove}` (Teams' "Add app"/"Remove app": an
 * `installationUpdate`), `POST send` `{oid, text}` (a `message`), `POST action`
 * `{oid, activityId, actionId?, verb?, data?}` (the `adaptiveCard/action` invoke of an
 * `Action.Execute`; a card in the answer replaces the card in the chat). Every activity goes to
 * the app through the BotChannel, signed as Teams signs it.
 */
export async function handleBotChatApi(
  ctx: SimContext,
  method: string,
  res: ServerResponse,
  rest: string,
  query: URLSearchParams,
  rawBody: string,
): Promise<void> {
  if (rest === '' && method === 'GET') {
    const person = ctx.directory.personByOid(query.get('oid') ?? '');
    if (!person) return sendJson(res, 404, { error: 'No such person in the tenant.' });
    return sendJson(res, 200, chatOf(ctx, person));
  }
  if (method !== 'POST' || !['/install', '/send', '/action'].includes(rest))
    return sendJson(res, 404, { error: `No bot chat route ${method} ${rest}.` });
  const request = outgoing(ctx, rest, rawBody);
  if (isRefusal(request)) return sendJson(res, request.status, { error: request.error });
  const answer = await sendFrom(ctx, request);
  if (answer instanceof Error) return sendJson(res, 502, { error: answer.message });
  const { from, activity } = request;
  if (activity.type !== 'invoke') return sendJson(res, 200, answer);
  const outcome = actionOutcome(answer);
  if (outcome.kind === 'card') replaceBotCard(ctx, from, String(activity.replyToId), outcome.card);
  return sendJson(res, 200, { status: answer.status, outcome });
}
