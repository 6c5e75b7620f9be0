import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleBotSend } from '../bot-framework/bot-send.control';
import { FaultSettingError, parseFaults } from '../faults';
import { sendJson, sendText } from '../http/respond';
import { toPostedMessages } from '../posted-message';
import type { SimContext } from '../sim-context';
import { handleBotChatApi } from '../teams-view/bot-chat-api';
import { handleExtensionApi } from '../teams-view/extension-api';
import { serveStaticAsset } from '../teams-view/static-assets';
import { handleViewApi } from '../teams-view/view-api';

/**
 * The simulator's own switches under `/_sim/`: `GET|POST faults`, `GET messages`, `POST reset`,
 * `POST bot/send` (Teams sends an activity to the app's bot endpoint),
 * plus the Teams view's JSON API (`api/…`; `api/bot-chat…` plays a person in their chat with the
 * companion bot, `api/teams/…` a person using the app's message extension) and browser files (`static/…`).
 */
export async function handleSimControl(
  ctx: SimContext,
  reset: () => void,
  req: IncomingMessage,
  res: ServerResponse,
  rest: string,
  rawBody: string,
): Promise<void> {
  const method = req.method ?? 'GET';
  if (rest.startsWith('static/') && method === 'GET')
    return serveStaticAsset(res, rest.slice('static/'.length));
  if (rest === 'api/bot-chat' || rest.startsWith('api/bot-chat/')) {
    const query = new URL(req.url ?? '/', 'http://simulator.invalid').searchParams;
    return handleBotChatApi(ctx, method, res, rest.slice('api/bot-chat'.length), query, rawBody);
  }
  if (rest.startsWith('api/teams/'))
    return handleExtensionApi(ctx, method, res, rest.slice('api/teams'.length), rawBody);
  if (rest.startsWith('api/') && method === 'GET') {
    const viewer = new URL(req.url ?? '/', 'http://simulator.invalid').searchParams.get('as');
    return handleViewApi(ctx, res, rest.slice('api/'.length), viewer);
  }
  if (rest === 'faults' && method === 'GET') return sendJson(res, 200, ctx.faults.get());
  if (rest === 'faults' && method === 'POST') {
    try {
      ctx.faults.set(parseFaults(rawBody.trim() === '' ? {} : JSON.parse(rawBody)));
      return sendJson(res, 200, ctx.faults.get());
    } catch (e) {
      if (e instanceof FaultSettingError || e instanceof SyntaxError)
        return sendJson(res, 400, { error: e.message });
      throw e;
    }
  }
  if (rest === 'bot/send' && method === 'POST') return handleBotSend(ctx.botChannel, res, rawBody);
  if (rest === 'messages' && method === 'GET')
    return sendJson(res, 200, toPostedMessages(ctx.state.data.messages));
  if (rest === 'reset' && method === 'POST') {
    reset();
    return sendJson(res, 200, { reset: true });
  }
  return sendText(res, 404, `No simulator switch ${method} /_sim/${rest}.`);
}
