import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  FIXTURE_DIR,
  failureOf,
  loadFixture,
  startFixtureEmulator,
  type FixtureApp,
} from './support/fixture-emulator';
import { startRecordingServer } from './support/recording-server';
import type { ForgeEmulator } from '../../../dev/forge-emulator';
import { PEOPLE } from '../../../dev/seed';

const [ada, sam] = PEOPLE;
let emulator: ForgeEmulator;
let product: Awaited<ReturnType<typeof startRecordingServer>>;
let app: FixtureApp;

beforeAll(async () => {
  product = await startRecordingServer();
  emulator = await startFixtureEmulator({ productBaseUrls: { confluence: `${product.url}/` } });
  app = loadFixture();
});
afterAll(async () => {
  await emulator.stop();
  await product.close();
});
beforeEach(() => app.resetProbe());

const invokeOverHttp = async (body: object) => {
  const response = await fetch(`${emulator.url}/__forge/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    json: (await response.json()) as { ok: boolean; result?: unknown; message?: string },
  };
};

test('POST /__forge/invoke runs the resolver as the user, and asUser() reaches Confluence as that user', async () => {
  const { status, json } = await invokeOverHttp({
    moduleKey: 'fixture-settings',
    accountId: ada.accountId,
    functionKey: 'whoami',
  });
  expect(status).toBe(200);
  expect(json).toEqual({
    ok: true,
    result: {
      contextAccountId: ada.accountId,
      status: 200,
      product: expect.objectContaining({
        principal: `user:${ada.accountId}`,
        method: 'GET',
        url: '/wiki/rest/api/user/current?expand=groups',
      }),
    },
  });
});

test('asApp() requests keep method, headers and body and run as the app', async () => {
  const result = (await emulator.invokeResolver({
    moduleKey: 'fixture-settings',
    accountId: sam.accountId,
    functionKey: 'as-app-post',
    payload: { title: 'Runbook' },
  })) as { status: number };
  expect(result.status).toBe(200);
  const seen = product.requests[product.requests.length - 1];
  expect(seen).toMatchObject({ method: 'POST', url: '/wiki/api/v2/pages', body: '{"title":"Runbook"}' });
  expect(seen.headers).toMatchObject({
    'x-sandbox-principal': 'app',
    'x-custom': 'kept',
    'content-type': 'application/json',
  });
});

test('resolver errors reach the caller the way invoke rejects in the browser', async () => {
  const { json } = await invokeOverHttp({
    moduleKey: 'fixture-settings',
    accountId: ada.accountId,
    functionKey: 'fail',
  });
  expect(json).toEqual({ ok: false, message: 'There was an error invoking the function - boom' });
  const error = await failureOf(
    emulator.invokeResolver({ moduleKey: 'fixture-settings', functionKey: 'fail' }),
  );
  expect(error.message).toBe('There was an error invoking the function - boom');
  expect(emulator.logs).toContainEqual(
    expect.objectContaining({ functionKey: 'resolver', level: 'error', message: 'about to fail' }),
  );
  const unknown = await invokeOverHttp({ moduleKey: 'fixture-settings', functionKey: 'no-such-key' });
  expect(unknown.json.message).toContain("Resolver has no definition for 'no-such-key'");
  expect((await invokeOverHttp({ moduleKey: 'nope', functionKey: 'whoami' })).json.ok).toBe(false);
  const badJson = await fetch(`${emulator.url}/__forge/invoke`, { method: 'POST', body: '{' });
  expect(badJson.status).toBe(400);
});

test('asUser() without a user fails in triggers and web triggers', async () => {
  await emulator.emitProductEvent('avi:confluence:created:page', {
    atlassianId: ada.accountId,
    asUserWithoutId: true,
  });
  expect(app.probe.notes).toEqual([
    { asUserError: expect.objectContaining({ name: 'NEEDS_AUTHENTICATION_ERR' }) },
  ]);
  const response = await fetch(`${emulator.webTriggerUrl('hook')}/as-user`);
  expect(JSON.parse(await response.text())).toMatchObject({ name: 'NEEDS_AUTHENTICATION_ERR' });
});

test('offline impersonation from a trigger works when the manifest allows it', async () => {
  await emulator.emitProductEvent('avi:confluence:created:page', {
    atlassianId: sam.accountId,
    impersonate: true,
  });
  expect(app.probe.notes).toEqual([
    {
      impersonation: expect.objectContaining({
        principal: `user:${sam.accountId}`,
        url: '/wiki/rest/api/content/42',
      }),
    },
  ]);
});

test('offline impersonation fails clearly when no scope has allowImpersonation', async () => {
  const appDir = mkdtempSync(join(tmpdir(), 'forge-emulator-scopes-'));
  const manifest = readFileSync(join(FIXTURE_DIR, 'manifest.yml'), 'utf8').replace(
    'allowImpersonation: true',
    'allowImpersonation: false',
  );
  writeFileSync(join(appDir, 'manifest.yml'), manifest);
  const strict = await startFixtureEmulator({ appDir, productBaseUrls: { confluence: product.url } });
  try {
    await strict.emitProductEvent('avi:confluence:created:page', {
      atlassianId: sam.accountId,
      impersonate: true,
    });
    expect(app.probe.notes).toEqual([
      {
        impersonationError: expect.objectContaining({
          name: 'PROXY_ERR',
          message: expect.stringContaining('IMPERSONATION_NOT_ALLOWED'),
        }),
      },
    ]);
    expect(
      strict.logs.some((log) => log.level === 'warn' && log.message.includes('allowImpersonation: true')),
    ).toBe(true);
  } finally {
    await strict.stop();
    rmSync(appDir, { recursive: true, force: true });
  }
});
