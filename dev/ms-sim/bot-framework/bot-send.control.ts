import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { sendJson } from '../http/respond';
import type { BotChannel } from './bot-channel';

const tokenOptions = z
  .object({
    key: z.enum(['endorsed', 'unendorsed', 'unpublished']),
    unsigned: z.boolean(),
    audience: z.string(),
    issuer: z.string(),
    serviceUrl: z.string(),
    notBefore: z.number(),
    expires: z.number(),
  })
  .partial();

const sendRequest = z.object({
  from: z.string().optional(),
  activity: z.record(z.string(), z.unknown()).optional(),
  token: tokenOptions.nullable().optional(),
  botId: z.string().optional(),
});

/**
 * `POST /_sim/bot/send` `{ from?: oid, activity?: {…fields over Teams' defaults}, token?: {…} | null,
 * botId? }`: Teams signs the activity and POSTs it to the app's bot endpoint; the answer is the
 * app's `{ status, body }`. Tests and the Teams view use it to play Teams.
 */
export async function handleBotSend(
  channel: BotChannel,
  res: ServerResponse,
  rawBody: string,
): Promise<void> {
  let json: unknown;
  try {
    json = rawBody.trim() === '' ? {} : JSON.parse(rawBody);
  } catch {
    return sendJson(res, 400, { error: 'The body is not JSON.' });
  }
  const request = sendRequest.safeParse(json);
  if (!request.success)
    return sendJson(res, 400, { error: request.error.issues[0]?.message ?? 'Bad request' });
  try {
    return sendJson(res, 200, await channel.send(request.data));
  } catch (e) {
    return sendJson(res, 502, { error: `The bot endpoint did not answer: ${String(e)}` });
  }
}
