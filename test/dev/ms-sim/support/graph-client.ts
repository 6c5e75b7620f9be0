import type { MicrosoftSimulator } from '../../../../dev/ms-sim';
import { MICROSOFT_ORIGINS } from '../../../../dev/seed';

/** Parsed JSON of an answer; tests read it freely and let assertions catch a wrong shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** A Graph call against the simulator; `path` is relative to `/v1.0` or an absolute real-origin URL. */
export async function graph(
  sim: MicrosoftSimulator,
  token: string | null,
  path: string,
  init: { method?: string; body?: unknown; rawBody?: string } = {},
): Promise<{ status: number; headers: Headers; json: Json }> {
  // Clients follow @odata.nextLink unchanged; like the sandbox, the test reroutes the real origin.
  const url = path.startsWith(MICROSOFT_ORIGINS.graph)
    ? `${sim.routes.graph}${path.slice(MICROSOFT_ORIGINS.graph.length)}`
    : `${sim.routes.graph}/v1.0${path}`;
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  const hasBody = init.body !== undefined || init.rawBody !== undefined;
  if (hasBody) headers['content-type'] = 'application/json';
  const answer = await fetch(url, {
    method: init.method ?? (hasBody ? 'POST' : 'GET'),
    headers,
    ...(hasBody ? { body: init.rawBody ?? JSON.stringify(init.body) } : {}),
  });
  const text = await answer.text();
  return { status: answer.status, headers: answer.headers, json: text ? JSON.parse(text) : null };
}

/** Path of a channel's messages collection, ids percent-encoded as clients send them. */
export const channelMessagesPath = (teamId: string, channelId: string): string =>
  `/teams/${teamId}/channels/${encodeURIComponent(channelId)}/messages`;

/** A message whose only content is one Adaptive Card, the way the app posts cards. */
export function cardMessage(card: unknown, attachmentId = 'card-1'): Record<string, unknown> {
  return {
    body: { contentType: 'html', content: `<attachment id="${attachmentId}"></attachment>` },
    attachments: [
      {
        id: attachmentId,
        contentType: 'application/vnd.microsoft.card.adaptive',
        content: JSON.stringify(card),
      },
    ],
  };
}

export const simpleCard = (text = 'Page **Release notes** was updated') => ({
  type: 'AdaptiveCard',
  version: '1.4',
  body: [{ type: 'TextBlock', text, wrap: true }],
  actions: [
    { type: 'Action.OpenUrl', title: 'Open in Confluence', url: 'https://example.atlassian.net/wiki/x' },
  ],
});
