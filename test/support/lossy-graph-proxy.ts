import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Interposer } from './pipeline-sandbox';

/** A message post whose answer never reached the app, though Graph had stored the message. */
export interface LostAnswer {
  method: string;
  path: string;
  /** The id Graph gave the stored message. */
  messageId: string | null;
}

export interface LossyGraphProxy extends Interposer {
  lost: LostAnswer[];
  /** Share of message posts whose answer is lost from now on. */
  setLossRate(rate: number): void;
}

/** Posts that create a channel or chat message or a reply. */
const MESSAGE_POST = /\/(messages|replies)$/;

const readAll = async (stream: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

/**
 * Sits in front of the Microsoft simulator's Graph and, for a share of message posts
 * (`lossRate`, drawn from `random`), lets Graph store the message and then drops the
 * connection before its 201 reaches the app: the failure the simulator's own `dropRate` does
 * not produce, since it drops requests before Graph handles them. A sender that simply retries
 * posts the message twice.
 */
export const startLossyGraphProxy = async (
  upstream: string,
  options: { lossRate: number; random: () => number },
): Promise<LossyGraphProxy> => {
  let lossRate = options.lossRate;
  const base = new URL(upstream);
  const lost: LostAnswer[] = [];
  const forward = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readAll(req);
    const target = new URL(`${base.pathname.replace(/\/$/, '')}${req.url ?? '/'}`, base);
    const upstreamReq = request(target, { method: req.method, headers: { ...req.headers, host: base.host } });
    upstreamReq.on('response', (answer) => {
      void readAll(answer).then((answerBody) => {
        const path = (req.url ?? '').split('?')[0] ?? '';
        const isPost = req.method === 'POST' && MESSAGE_POST.test(path);
        if (isPost && answer.statusCode === 201 && lossRate > 0 && options.random() < lossRate) {
          const parsed = JSON.parse(answerBody.toString('utf8')) as { id?: string };
          lost.push({ method: 'POST', path, messageId: parsed.id ?? null });
          req.socket.destroy();
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        res.end(answerBody);
      });
    });
    // The simulator dropped the connection itself (its own dropRate): pass the drop on.
    upstreamReq.on('error', () => req.socket.destroy());
    upstreamReq.end(body);
  };
  const server = createServer((req, res) => {
    forward(req, res).catch(() => req.socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    lost,
    setLossRate: (rate) => {
      lossRate = rate;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
