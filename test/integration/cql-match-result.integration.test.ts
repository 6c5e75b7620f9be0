import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { startForgeEmulator, type ForgeEmulator } from '../../dev/forge-emulator';
import { APP_ACCOUNT_ID, CLOUD_ID, person } from '../../dev/seed';

/**
 * A stand-in for Confluence's `GET /wiki/rest/api/search` that answers with whatever result the
 * test sets, whatever the query: what a filter escaping `id = <id> AND (…)` would make the real
 * search return.
 */
const startSearchStub = async (results: () => unknown[]) => {
  const server: Server = createServer((request, response) => {
    const ok = request.url?.startsWith('/wiki/rest/api/search') ?? false;
    response
      .writeHead(ok ? 200 : 404, { 'content-type': 'application/json' })
      .end(JSON.stringify(ok ? { results: results(), start: 0, limit: 1, size: results().length } : {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

describe('invariant 3: a CQL search counts as a match only for the delivery’s own content', () => {
  let forge: ForgeEmulator;
  let stub: Awaited<ReturnType<typeof startSearchStub>>;
  let answer: unknown[] = [];
  const mia = person('mia').accountId;
  const matches = async (contentId: string, cql: string) =>
    (await forge.invokeResolver({
      moduleKey: 'teams-global-settings',
      accountId: 'integration-test',
      functionKey: 'call',
      payload: { adapter: 'search', method: 'matchesCqlAs', args: [mia, contentId, cql] },
    })) as { ok: boolean; value?: unknown; message?: string };

  beforeAll(async () => {
    stub = await startSearchStub(() => answer);
    forge = await startForgeEmulator({
      appDir: join(__dirname, '..', '..'),
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      loadApp: () => require('./support/adapter-harness.entry') as Record<string, unknown>,
      productBaseUrls: { confluence: stub.url },
      siteUrl: stub.url,
      cloudId: CLOUD_ID,
      appAccountId: APP_ACCOUNT_ID,
      quiet: true,
    });
  });
  afterAll(async () => {
    await forge.stop();
    await stub.close();
  });

  it('does not count a result for other content', async () => {
    answer = [
      { content: { id: '65549', type: 'page', title: 'Launch checklist' }, title: 'Launch checklist' },
    ];
    expect(await matches('65538', 'label = release')).toEqual({ ok: true, value: false });
  });

  it('does not count a result that is not content (a space or a user)', async () => {
    answer = [{ space: { key: 'ENG' }, title: 'Engineering', entityType: 'space' }];
    expect(await matches('65538', 'label = release')).toEqual({ ok: true, value: false });
  });

  it('counts the content’s own result (the control)', async () => {
    answer = [
      { content: { id: '65538', type: 'page', title: 'Release plan 2027' }, title: 'Release plan 2027' },
    ];
    expect(await matches('65538', 'label = release')).toEqual({ ok: true, value: true });
  });
});
