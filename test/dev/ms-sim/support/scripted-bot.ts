import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ENTRA_APP, TENANT } from '../../../../dev/seed';

export type Activity = Record<string, unknown> & { type: string; name?: string; value?: unknown };

/** What the stand-in bot answers to one invoke name: status, body and an optional delay. */
export interface ScriptedAnswer {
  status?: number;
  body?: unknown;
  delayMs?: number;
}

/**
 * A stand-in for the app's bot endpoint: records each activity with its headers and answers
 * invokes with what the test scripted for their `name` (200 `{}` otherwise), so the simulator's
 * side is tested without the app.
 */
export async function startScriptedBot() {
  const received: Array<{ headers: IncomingHttpHeaders; activity: Activity }> = [];
  const script = new Map<string, ScriptedAnswer>();
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const activity = JSON.parse(body) as Activity;
      received.push({ headers: req.headers, activity });
      const answer = (activity.name && script.get(activity.name)) || { status: 200, body: {} };
      const reply = () => {
        if (res.destroyed) return;
        if (answer.body === undefined) return res.writeHead(answer.status ?? 200).end();
        res
          .writeHead(answer.status ?? 200, { 'Content-Type': 'application/json' })
          .end(JSON.stringify(answer.body));
      };
      if (answer.delayMs) setTimeout(reply, answer.delayMs).unref();
      else reply();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/x1/bot-messages`,
    received,
    /** The last activity received. */
    last: () => received.at(-1)?.activity,
    answer: (name: string, answer: ScriptedAnswer) => script.set(name, answer),
    stop: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(r);
      }),
  };
}

/** The app's side through the simulator's connector: the bot's token, the person's 1:1 chat, one card. */
export async function botSendsCard(
  sim: { url: string; routes: { login: string; connector: string } },
  oid: string,
  card: unknown,
): Promise<string> {
  const token = (await (
    await fetch(`${sim.routes.login}/${TENANT.id}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: ENTRA_APP.clientId,
        client_secret: ENTRA_APP.clientSecret,
        scope: 'https://api.botframework.com/.default',
      }),
    })
  ).json()) as { access_token: string };
  const call = async (path: string, body: unknown) =>
    (await (
      await fetch(`${sim.routes.connector}/amer/v3/conversations${path}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token.access_token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
    ).json()) as { id: string };
  const conversation = await call('', {
    bot: { id: `28:${ENTRA_APP.clientId}` },
    members: [{ id: `29:${oid}` }],
    tenantId: TENANT.id,
  });
  const sent = await call(`/${encodeURIComponent(conversation.id)}/activities`, {
    type: 'message',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
  });
  return sent.id;
}
