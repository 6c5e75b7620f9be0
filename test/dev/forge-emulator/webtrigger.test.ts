import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFixtureEmulator } from './support/fixture-emulator';
import type { ForgeEmulator } from '../../../dev/forge-emulator';
import { CLOUD_ID } from '../../../dev/seed';

let emulator: ForgeEmulator;

beforeAll(async () => {
  emulator = await startFixtureEmulator();
});
afterAll(() => emulator.stop());

test('webTrigger.getUrl inside a function returns the same stable URL as webTriggerUrl()', async () => {
  const url = emulator.webTriggerUrl('hook');
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/x1\/[\w-]+$/);
  expect(await emulator.invokeResolver({ moduleKey: 'fixture-settings', functionKey: 'hook-url' })).toBe(url);
  expect(emulator.webTriggerUrl('hook')).toBe(url);
  expect(() => emulator.webTriggerUrl('no-such-trigger')).toThrow('no webtrigger module');
});

test("requests reach the function in Forge's shape and its answer maps back to HTTP", async () => {
  const url = emulator.webTriggerUrl('hook');
  const response = await fetch(`${url}/echo?state=abc&scope=a&scope=b&empty=`, {
    method: 'POST',
    headers: { 'X-Token': 'secret-ish', 'Content-Type': 'text/plain' },
    body: 'hello',
  });
  expect(response.status).toBe(201);
  expect(response.headers.get('content-type')).toBe('application/json');
  expect(response.headers.get('x-multi')).toBe('a, b');
  const { request, context } = (await response.json()) as {
    request: Record<string, unknown>;
    context: unknown;
  };
  const path = new URL(url).pathname;
  expect(request).toMatchObject({
    method: 'POST',
    path: `${path}/echo`,
    userPath: '/echo',
    queryParameters: { state: ['abc'], scope: ['a', 'b'], empty: [''] },
    body: 'hello',
  });
  expect(request.headers).toMatchObject({ 'x-token': ['secret-ish'], 'content-type': ['text/plain'] });
  expect(context).toEqual({
    cloudId: CLOUD_ID,
    moduleKey: 'hook',
    installContext: `ari:cloud:confluence::site/${CLOUD_ID}`,
  });

  const plain = await fetch(url);
  expect(plain.status).toBe(200);
  expect(plain.headers.get('content-type')).toBe('text/plain');
  expect(await plain.text()).toBe('ok');
});

test('an invalid answer or a throw gives 500; an unknown id gives 404', async () => {
  const url = emulator.webTriggerUrl('hook');
  const invalid = await fetch(`${url}/invalid`);
  expect(invalid.status).toBe(500);
  expect(emulator.logs.some((log) => log.functionKey === 'web' && log.message.includes('statusCode'))).toBe(
    true,
  );
  expect((await fetch(`${url}/throw`)).status).toBe(500);
  expect(
    emulator.logs.some((log) => log.functionKey === 'web' && log.message.includes('web trigger exploded')),
  ).toBe(true);
  expect((await fetch(`${emulator.url}/x1/unknown-id`)).status).toBe(404);
});

test('the URL survives a restart with a data dir', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'forge-emulator-webtrigger-'));
  try {
    const first = await startFixtureEmulator({ dataDir });
    const url = first.webTriggerUrl('hook');
    await first.stop();
    const second = await startFixtureEmulator({ dataDir, port: Number(new URL(url).port) });
    try {
      expect(second.webTriggerUrl('hook')).toBe(url);
      expect((await fetch(url)).status).toBe(200);
    } finally {
      await second.stop();
    }
    const fresh = await startFixtureEmulator({ dataDir, reset: true });
    try {
      expect(new URL(fresh.webTriggerUrl('hook')).pathname).not.toBe(new URL(url).pathname);
    } finally {
      await fresh.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
