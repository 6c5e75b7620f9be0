import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { importJWK, jwtVerify } from 'jose';
import { startMicrosoftSimulator, type MicrosoftSimulator } from '../../../dev/ms-sim';
import { ENTRA_APP, TENANT, person } from '../../../dev/seed';

/** A stand-in for the app's bot endpoint that records what Teams sent and answers 200 {}. */
const startEndpoint = async () => {
  const received: Array<{ method?: string; headers: IncomingHttpHeaders; body: string }> = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ method: req.method, headers: req.headers, body });
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/x1/bot`,
    received,
    stop: () => new Promise((r) => server.close(r)),
  };
};

describe('Microsoft simulator: the Bot Framework channel towards the bot', () => {
  let sim: MicrosoftSimulator;
  let endpoint: Awaited<ReturnType<typeof startEndpoint>>;

  beforeAll(async () => {
    sim = await startMicrosoftSimulator({ throttle: false });
    endpoint = await startEndpoint();
    sim.botChannel.registerEndpoint(endpoint.url);
  });
  afterAll(async () => {
    await endpoint.stop();
    await sim.stop();
  });

  it('publishes OpenID metadata naming the real keys address, and a JWKS with and without the msteams endorsement', async () => {
    const metadata = (await (
      await fetch(`${sim.routes.botFrameworkLogin}/v1/.well-known/openidconfiguration`)
    ).json()) as { issuer: string; jwks_uri: string };
    expect(metadata).toMatchObject({
      issuer: 'https://api.botframework.com',
      jwks_uri: 'https://login.botframework.com/v1/.well-known/keys',
    });
    const { keys } = (await (await fetch(`${sim.routes.botFrameworkLogin}/v1/.well-known/keys`)).json()) as {
      keys: Array<{ kty: string; endorsements: string[] }>;
    };
    expect(keys).toHaveLength(2);
    expect(keys.map((k) => k.endorsements.includes('msteams')).sort()).toEqual([false, true]);
  });

  it('signs channel→bot tokens that a published key verifies, with Teams’ claims', async () => {
    const token = sim.botChannel.signToken();
    const [endorsed] = sim.botChannel.publishedKeys();
    const key = await importJWK({ kty: 'RSA', n: endorsed.n, e: endorsed.e }, 'RS256');
    const { payload, protectedHeader } = await jwtVerify(token, key, {
      issuer: 'https://api.botframework.com',
      audience: ENTRA_APP.clientId,
    });
    expect(protectedHeader).toMatchObject({ alg: 'RS256', kid: endorsed.kid });
    expect(payload.serviceurl).toBe('https://smba.trafficmanager.net/amer/');
  });

  it('POST /_sim/bot/send signs a Teams activity from a person and relays the bot’s answer', async () => {
    const mia = person('mia');
    const answer = await fetch(`${sim.url}/_sim/bot/send`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ from: mia.oid, activity: { text: 'help' } }),
    });
    expect(await answer.json()).toEqual({ status: 200, body: {} });
    const sent = endpoint.received.at(-1)!;
    expect(sent.method).toBe('POST');
    expect(sent.headers.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    expect(JSON.parse(sent.body)).toMatchObject({
      type: 'message',
      text: 'help',
      channelId: 'msteams',
      serviceUrl: 'https://smba.trafficmanager.net/amer/',
      from: { aadObjectId: mia.oid },
      recipient: { id: `28:${ENTRA_APP.clientId}` },
      conversation: { tenantId: TENANT.id, conversationType: 'personal' },
      channelData: { tenant: { id: TENANT.id } },
    });
  });

  it('sends without a token when told, and refuses a malformed control request', async () => {
    await sim.botChannel.send({ token: null });
    expect(endpoint.received.at(-1)!.headers.authorization).toBeUndefined();
    const bad = await fetch(`${sim.url}/_sim/bot/send`, {
      method: 'POST',
      body: JSON.stringify({ token: { key: 'stolen' } }),
    });
    expect(bad.status).toBe(400);
  });
});
