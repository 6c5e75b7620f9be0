import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { sendJson } from '../http/respond';
import type { SimContext } from '../sim-context';
import { isRefusal, type Refusal } from '../teams-app/invoke-place';
import * as actions from '../teams-app/teams-actions';
import type { Exchange } from '../teams-app/teams-actions';
import { BOT_NAME } from './bot-chat-api';

const oid = z.string().min(1).max(64);
const conversation = z.string().min(1).max(256);
const messageId = z.string().min(1).max(64);
const data = z.record(z.string(), z.unknown());
const card = z
  .record(z.string(), z.unknown())
  .refine((c) => c.type === 'AdaptiveCard', 'Not an Adaptive Card.');

const ROUTES = {
  '/search': z.object({
    oid,
    conversation: conversation.optional(),
    query: z.string().max(1000).optional(),
    space: z.string().max(255).optional(),
  }),
  '/query-link': z.object({ oid, conversation: conversation.optional(), text: z.string().min(1).max(4000) }),
  '/fetch-task': z.object({ oid, conversation, messageId }),
  '/submit-action': z.object({ oid, conversation, messageId, data }),
  '/execute': z.object({
    oid,
    conversation,
    messageId,
    attachmentId: z.string().min(1).max(64),
    actionId: z.string().max(256).optional(),
    verb: z.string().max(256).optional(),
    data: data.optional(),
  }),
  '/post': z.object({ oid, conversation, text: z.string().max(4000), cards: z.array(card).max(5) }),
} as const;
type Route = keyof typeof ROUTES;

function parse<T>(schema: z.ZodType<T>, rawBody: string): (T & { from: string }) | Refusal {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return { status: 400, error: 'The body is not JSON.' };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { status: 400, error: parsed.error.issues[0]?.message ?? 'Bad request.' };
  return { ...parsed.data, from: (parsed.data as { oid: string }).oid };
}

/** The answer the page reads: the app's HTTP status (0 when it timed out) and what Teams shows. */
const shown = <O>(exchange: Exchange<O>) => ({
  status: exchange.answer.status,
  ...(exchange.answer.timedOut ? { timedOut: true } : {}),
  outcome: exchange.outcome,
});

function run(ctx: SimContext, route: Route, rawBody: string): Promise<object> | object {
  const refusalOr = <T>(value: T | Refusal, then: (v: T) => Promise<object> | object) =>
    isRefusal(value) ? value : then(value);
  switch (route) {
    case '/search':
      return refusalOr(parse(ROUTES[route], rawBody), async (a) => wrap(await actions.search(ctx, a)));
    case '/query-link':
      return refusalOr(parse(ROUTES[route], rawBody), async (a) => wrap(await actions.pasteLink(ctx, a)));
    case '/fetch-task':
      return refusalOr(parse(ROUTES[route], rawBody), async (a) => wrap(await actions.messageAction(ctx, a)));
    case '/submit-action':
      return refusalOr(parse(ROUTES[route], rawBody), async (a) => wrap(await actions.submitAction(ctx, a)));
    case '/execute':
      return refusalOr(parse(ROUTES[route], rawBody), async (a) =>
        wrap(await actions.executeOnMessage(ctx, a)),
      );
    case '/post':
      return refusalOr(parse(ROUTES[route], rawBody), (a) => actions.sendComposed(ctx, a));
  }
}

const wrap = <O>(result: Exchange<O> | Refusal) => (isRefusal(result) ? result : shown(result));

/**
 * The Teams view's side of the companion app's message extension, under `/_sim/api/teams`:
 * `GET app` (name, catalog id, link domains), `POST search` `{oid, conversation?, query?, space?}`,
 * `POST query-link` `{oid, conversation?, text}`, `POST fetch-task` `{oid, conversation, messageId}`,
 * `POST submit-action` `{…, data}`, `POST execute` `{…, attachmentId, verb?, actionId?, data?}`
 * (Action.Execute on the app's card in a channel or chat) and `POST post` `{oid, conversation,
 * text, cards}` (Send). Each invoke answers `{status, timedOut?, outcome}`; a refusal (no app, not
 * a member, no such message) is a 4xx with `{error}`.
 */
export async function handleExtensionApi(
  ctx: SimContext,
  method: string,
  res: ServerResponse,
  rest: string,
  rawBody: string,
): Promise<void> {
  if (rest === '/app' && method === 'GET')
    return sendJson(res, 200, { name: BOT_NAME, ...structuredClone(ctx.teamsApp) });
  if (method !== 'POST' || !(rest in ROUTES))
    return sendJson(res, 404, { error: `No Teams app route ${method} ${rest}.` });
  const result = await run(ctx, rest as Route, rawBody);
  if (isRefusal(result)) return sendJson(res, result.status, { error: result.error });
  return sendJson(res, 200, result);
}
