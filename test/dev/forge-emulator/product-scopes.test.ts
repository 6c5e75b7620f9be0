import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ForgeEmulator } from '../../../dev/forge-emulator';
import { PEOPLE } from '../../../dev/seed';
import { FIXTURE_DIR, startFixtureEmulator } from './support/fixture-emulator';
import { startRecordingServer } from './support/recording-server';

/**
 * Scopes as the Forge platform applies them to product requests: a request needs one of its
 * operation's scopes in the manifest, and `asUser(accountId)` (the proxy's `accountId=`, "user
 * impersonation") needs `allowImpersonation: true` on that scope, whoever the account is.
 * `asUser()` without an id acts as the user of the invocation with any declared scope.
 * @see forge-docs manifest-reference/permissions (Scopes), security (User impersonation)
 */
describe('product requests and the manifest’s scopes', () => {
  const [ada, sam] = PEOPLE;
  let product: Awaited<ReturnType<typeof startRecordingServer>>;
  const started: Array<{ emulator: ForgeEmulator; dir?: string }> = [];

  /** The fixture app under its manifest with `edit` applied to the scopes section. */
  const emulatorWith = async (edit: (manifest: string) => string = (m) => m) => {
    const dir = mkdtempSync(join(tmpdir(), 'forge-emulator-product-scopes-'));
    const manifest = readFileSync(join(FIXTURE_DIR, 'manifest.yml'), 'utf8');
    writeFileSync(join(dir, 'manifest.yml'), edit(manifest));
    const emulator = await startFixtureEmulator({
      appDir: dir,
      productBaseUrls: { confluence: product.url },
    });
    started.push({ emulator, dir });
    return emulator;
  };
  const get = (emulator: ForgeEmulator, accountId: string, payload: object) =>
    emulator.invokeResolver({
      moduleKey: 'fixture-settings',
      accountId,
      functionKey: 'product-get',
      payload,
    }) as Promise<{
      status?: number;
      body?: { principal?: string };
      error?: { name: string; message: string };
    }>;
  /** Replaces text that must be there, so a changed fixture cannot make the edit a silent no-op. */
  const swap = (text: string, from: string, to: string) => {
    if (!text.includes(from)) throw new Error(`the fixture manifest has no '${from}'`);
    return text.replace(from, to);
  };
  const warned = (emulator: ForgeEmulator, words: string) =>
    emulator.logs.some((log) => log.level === 'warn' && log.message.includes(words));

  beforeAll(async () => {
    product = await startRecordingServer();
  });
  afterAll(async () => {
    for (const { emulator, dir } of started) {
      await emulator.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
    await product.close();
  });

  it('asUser() without an id acts as the resolver’s user with a scope declared without impersonation', async () => {
    const emulator = await emulatorWith();
    const answer = await get(emulator, ada.accountId, { as: 'me', path: '/wiki/rest/api/user/current' });
    expect(answer).toMatchObject({ status: 200, body: { principal: `user:${ada.accountId}` } });
  });

  it('asUser(accountId) is impersonation even for the resolver’s own user: it needs allowImpersonation', async () => {
    const emulator = await emulatorWith();
    const answer = await get(emulator, ada.accountId, {
      as: 'account',
      accountId: ada.accountId,
      path: '/wiki/rest/api/user/current',
    });
    expect(answer.error).toMatchObject({
      name: 'PROXY_ERR',
      message: expect.stringContaining('IMPERSONATION_NOT_ALLOWED'),
    });
    expect(warned(emulator, 'read:confluence-user')).toBe(true);
  });

  it('impersonation needs allowImpersonation on the scope of that very request, not on any scope', async () => {
    // content.all (GET /content/{id}) loses it; content.summary, which that request does not use, gains it.
    const emulator = await emulatorWith((m) =>
      swap(
        swap(
          m,
          'read:confluence-content.summary: {}',
          'read:confluence-content.summary:\n      allowImpersonation: true',
        ),
        'read:confluence-content.all:\n      allowImpersonation: true',
        'read:confluence-content.all: {}',
      ),
    );
    const answer = await get(emulator, ada.accountId, {
      as: 'account',
      accountId: sam.accountId,
      path: '/wiki/rest/api/content/42',
    });
    expect(answer.error).toMatchObject({ message: expect.stringContaining('IMPERSONATION_NOT_ALLOWED') });
    expect(warned(emulator, 'read:confluence-content.all')).toBe(true);
    const allowed = await emulatorWith();
    expect(
      await get(allowed, ada.accountId, {
        as: 'account',
        accountId: sam.accountId,
        path: '/wiki/rest/api/content/42',
      }),
    ).toMatchObject({ status: 200, body: { principal: `user:${sam.accountId}` } });
  });

  it('a request whose scope the manifest does not declare is refused by Confluence, as the app too', async () => {
    const emulator = await emulatorWith();
    const before = product.requests.length;
    const answer = await get(emulator, ada.accountId, {
      as: 'app',
      path: '/wiki/rest/api/content/42/property/teams-for-confluence-origin',
    });
    expect(answer).toMatchObject({ status: 401, body: { message: 'Unauthorized; scope does not match' } });
    expect(product.requests.length).toBe(before);
    expect(warned(emulator, 'read:confluence-props')).toBe(true);
  });
});
