import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { startConfluenceSimulator, type ConfluenceSimulator } from '../../dev/confluence-sim';
import { startForgeEmulator, type ForgeEmulator } from '../../dev/forge-emulator';
import { APP_ACCOUNT_ID, CLOUD_ID, person } from '../../dev/seed';
import { DEFAULT_FILTERS } from '../../src/domain/rule';
import { aRule } from '../support/builders';

/**
 * The real trigger (src/index's onContentEvent) in the emulator, with Confluence behind a proxy
 * that can fail: Forge retries a product trigger only when asked, so a failure must come back as
 * an InvocationError, and the retry must get past the duplicate check.
 */
describe('content event trigger: a failure asks the platform for a retry, nothing is lost', () => {
  let forge: ForgeEmulator;
  let confluence: ConfluenceSimulator;
  let proxy: Server;
  let failNext = 0;

  beforeAll(async () => {
    confluence = await startConfluenceSimulator({ emitEvent: () => undefined });
    proxy = createServer((req, res) => {
      if (failNext > 0) {
        failNext -= 1;
        res.writeHead(503, { 'content-type': 'application/json' }).end('{"message":"unavailable"}');
        return;
      }
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
        const headers = Object.fromEntries(
          Object.entries(req.headers).filter((e): e is [string, string] => typeof e[1] === 'string'),
        );
        void fetch(`${confluence.url}${req.url ?? ''}`, { method: req.method, headers, body })
          .then(async (answer) =>
            res.writeHead(answer.status, { 'content-type': 'application/json' }).end(await answer.text()),
          )
          .catch(() => res.writeHead(502).end());
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    forge = await startForgeEmulator({
      appDir: join(__dirname, '..', '..'),
      loadApp: () => ({
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        ...(require('../../src/index') as Record<string, unknown>),
        // The harness's resolver stores rules directly; its consumer records what was queued.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        ...(require('./support/adapter-harness.entry') as Record<string, unknown>),
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        onContentEvent: (require('../../src/index') as { onContentEvent: unknown }).onContentEvent,
      }),
      productBaseUrls: { confluence: proxyUrl },
      siteUrl: confluence.url,
      cloudId: CLOUD_ID,
      appAccountId: APP_ACCOUNT_ID,
      quiet: true,
      delayScale: 0.001,
    });
    const rule = aRule({ filters: { ...DEFAULT_FILTERS, skipOwnChanges: false } });
    await forge.invokeResolver({
      moduleKey: 'teams-global-settings',
      accountId: 'integration-test',
      functionKey: 'call',
      payload: { adapter: 'rules', method: 'put', args: [rule] },
    });
  });
  afterAll(async () => {
    await forge.stop();
    await confluence.stop();
    await new Promise((resolve) => proxy.close(resolve));
  });

  it('retries after Confluence answers 503 and queues the delivery once', async () => {
    await confluence.editPage(person('mia').accountId, confluence.findContent('Release plan 2027').id, {
      body: '<p>new</p>',
    });
    const [event] = confluence.events.slice(-1);
    if (!event) throw new Error('no event');
    // Another app's change: the trigger asks Confluence for its own account to rule out an echo.
    const payload = event.payload as { content: { version: object } };
    const byAnotherApp = {
      ...payload,
      atlassianId: 'another-app',
      content: {
        ...payload.content,
        version: { ...payload.content.version, by: { accountId: 'another-app', accountType: 'app' } },
      },
    };
    failNext = 1;
    await forge.emitProductEvent(event.eventType, byAnotherApp);
    await forge.idle({ timeoutMs: 10_000 });
    expect(forge.logs.some((l) => /Content event failed, asking for a retry/.test(l.message))).toBe(true);
    expect(forge.logs.some((l) => /Content event queued 1 deliveries/.test(l.message))).toBe(true);
    expect(forge.deadLetters).toEqual([]);
    // The delivery and the event's personal side, pushed once, after the retry.
    expect(forge.stats.snapshot().queue.eventsPushed).toBe(2);
    expect(forge.stats.snapshot().queue.pushes).toBe(1);
  });
});
