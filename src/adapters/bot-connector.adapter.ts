import { z } from 'zod';
import type { BotMessenger, ConversationRef, OutgoingText } from '../application/ports/bot-messenger';
import {
  MicrosoftRequestError,
  type MicrosoftFailureKind,
  type OutgoingCard,
} from '../application/ports/microsoft';
import { parseRetryAfter } from './entra-identity.adapter';
import { noAnswer } from './microsoft-failures';
import { parseUpstream } from './upstream-shape';

/**
 * What a Bot Connector status means. Microsoft asks bots to retry 429, 412, 502 and 504; a 502 or
 * 504 (a gateway gave up) may still have delivered. 403 is the person's or admin's refusal
 * (`BotNotInConversationRoster`: the app is not installed for them; `MessageWritesBlocked`: they
 * blocked it; `BotDisabledByAdmin`); 401 `BotNotRegistered` means the bot registration lacks the
 * Teams channel, which no token fixes.
 * @see https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit
 * @see https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages
 */
export const connectorFailureKind = (status: number, code: string): MicrosoftFailureKind => {
  if (status === 429 || status === 412) return 'throttled';
  if (status === 500 || status === 502 || status === 504) return 'maybe-sent';
  if (status >= 500) return 'unavailable';
  if (status === 401) return code === 'BotNotRegistered' ? 'app-rejected' : 'token-rejected';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'gone';
  return 'invalid';
};

const errorBody = z.object({ error: z.object({ code: z.string().max(200).optional() }).partial() }).partial();

const activityAnswer = z.object({ id: z.string().min(1).max(1000) });

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

const activityOf = (outgoing: OutgoingCard | OutgoingText) =>
  'card' in outgoing
    ? { type: 'message', attachments: [{ contentType: ADAPTIVE_CARD, content: outgoing.card }] }
    : { type: 'message', text: outgoing.text, textFormat: 'plain' };

/**
 * The connector's base URL, as a validated token carried it: https only, with the trailing
 * slash the routes are joined to. Anything else is refused before a request is made.
 */
const baseOf = (serviceUrl: string): URL => {
  const url = new URL(serviceUrl);
  if (url.protocol !== 'https:' || url.username || url.password || url.search || url.hash) {
    throw new MicrosoftRequestError(
      'invalid',
      400,
      'InvalidServiceUrl',
      'The conversation has an unusable service URL',
    );
  }
  if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`;
  return url;
};

const call = async <T>(
  accessToken: string,
  method: 'POST' | 'PUT',
  url: URL,
  body: unknown,
  schema: z.ZodType<T>,
  what: string,
): Promise<T> => {
  let response: Response;
  try {
    response = await fetch(url.toString(), {
      method,
      headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    throw noAnswer(`The Bot Connector did not answer (${what})`);
  }
  const json: unknown = await response.json().catch(() => ({}));
  if (!response.ok) {
    const parsed = errorBody.safeParse(json);
    const code = (parsed.success && parsed.data.error?.code) || `HTTP${response.status}`;
    throw new MicrosoftRequestError(
      connectorFailureKind(response.status, code),
      response.status,
      code,
      `The Bot Connector answered ${response.status} (${code}) for ${what}`,
      parseRetryAfter(response.headers.get('Retry-After')),
    );
  }
  return parseUpstream(
    schema,
    json,
    `The Bot Connector's answer for ${what}`,
    (message) => new MicrosoftRequestError('invalid', response.status, 'UnexpectedAnswer', message),
  );
};

const activitiesUrl = (to: ConversationRef, activityId?: string) =>
  new URL(
    `v3/conversations/${encodeURIComponent(to.conversationId)}/activities${
      activityId === undefined ? '' : `/${encodeURIComponent(activityId)}`
    }`,
    baseOf(to.serviceUrl),
  );

/**
 * The Bot Connector REST API with `fetch` (on Forge, the platform's egress-checked fetch; the
 * manifest lists the connector's host).
 * @see https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference
 */
export const botConnector: BotMessenger = {
  send: async (accessToken, to, outgoing) => {
    const answer = await call(
      accessToken,
      'POST',
      activitiesUrl(to),
      activityOf(outgoing),
      activityAnswer,
      'a message',
    );
    return { activityId: answer.id };
  },

  update: async (accessToken, to, activityId, outgoing) => {
    await call(
      accessToken,
      'PUT',
      activitiesUrl(to, activityId),
      { ...activityOf(outgoing), id: activityId },
      z.unknown(),
      'an update',
    );
  },

  // "Create the conversation only once and store the conversationId"; Teams answers the existing
  // 1:1 conversation when there is one.
  openPersonalConversation: async (accessToken, { serviceUrl, tenantId, botId, userId }) => {
    const answer = await call(
      accessToken,
      'POST',
      new URL('v3/conversations', baseOf(serviceUrl)),
      {
        isGroup: false,
        bot: { id: `28:${botId}` },
        members: [{ id: userId }],
        tenantId,
        channelData: { tenant: { id: tenantId } },
      },
      activityAnswer,
      'a personal conversation',
    );
    return { serviceUrl, conversationId: answer.id, tenantId };
  },
};
