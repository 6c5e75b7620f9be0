import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

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
