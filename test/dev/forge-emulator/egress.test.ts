import { startFixtureEmulator } from './support/fixture-emulator';
import { startRecordingServer } from './support/recording-server';
import type { ForgeEmulator } from '../../../dev/forge-emulator';

let emulator: ForgeEmulator;
let graph: Awaited<ReturnType<typeof startRecordingServer>>;

beforeAll(async () => {
  graph = await startRecordingServer();
  emulator = await startFixtureEmulator({
    egressRoutes: {
      'https://graph.microsoft.com': `${graph.url}/graph`,
      'https://api.example.org': `${graph.url}/wildcard/`,
    },
  });
});
afterAll(async () => {
  await emulator.stop();
  await graph.close();
});

type EgressResult = {
  status?: number;
  body?: string;
  error?: { name: string; message: string; constructor: string };
};
const egress = (payload: object) =>
  emulator.invokeResolver({
    moduleKey: 'fixture-settings',
    functionKey: 'egress',
    payload,
  }) as Promise<EgressResult>;

test('an allowed origin listed in egressRoutes reaches its local stand-in with path, query, method, headers and body', async () => {
  const result = await egress({
    url: 'https://graph.microsoft.com/v1.0/me/chats?$top=50',
    method: 'POST',
    body: '{"a":1}',
  });
  expect(result.status).toBe(200);
  const seen = graph.requests[graph.requests.length - 1];
  expect(seen).toMatchObject({ method: 'POST', url: '/graph/v1.0/me/chats?$top=50', body: '{"a":1}' });
  expect(seen.headers['x-trace']).toBe('fixture');
  expect(seen.headers.host).toBe(new URL(graph.url).host);
  const wildcard = await egress({ url: 'https://api.example.org/items?q=1' });
  expect(wildcard.status).toBe(200);
  expect(graph.requests[graph.requests.length - 1].url).toBe('/wildcard/items?q=1');
});

test('hosts missing from permissions.external.fetch.backend are refused the way Forge refuses them', async () => {
  const refused = [
    'https://evil.example.com/steal',
    'http://graph.microsoft.com/v1.0/me', // the scheme is part of the permission
    `${graph.url}/graph/v1.0/me`, // calling the stand-in directly is not allowed either
    'https://example.org/', // *.example.org covers sub-domains only
  ];
  for (const url of refused) {
    const result = await egress({ url });
    expect(result.error).toEqual({
      name: 'REQUEST_EGRESS_ALLOWLIST_ERR',
      constructor: 'ExternalEndpointNotAllowedError',
      message: expect.stringContaining('URL not included in the external fetch backend permissions'),
    });
  }
});

test('outside invocations fetch is left alone', async () => {
  const before = graph.requests.length;
  const response = await fetch(`${graph.url}/direct?x=1`);
  expect(response.status).toBe(200);
  expect(graph.requests[before].url).toBe('/direct?x=1');
});
