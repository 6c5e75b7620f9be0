import { join } from 'node:path';
import { startConfluenceSimulator, type ConfluenceSimulator } from '../../dev/confluence-sim';
import { startForgeEmulator, type ForgeEmulator } from '../../dev/forge-emulator';
import { APP_ACCOUNT_ID, CLOUD_ID, person } from '../../dev/seed';
import { DEFAULT_FILTERS } from '../../src/domain/rule';
import { aRule } from '../support/builders';

/**
 * A site upgraded from a version without routes: its rules are rule rows only. The real trigger
 * and route-build consumer (src/index) in the emulator: the first event still reaches its rules
 * (read the old way) and asks for its partition's routes; once built, events read three routes.
 */
describe('rule routes after an upgrade: old rules keep notifying, and their routes are built once', () => {
  let forge: ForgeEmulator;
  let confluence: ConfluenceSimulator;
  const app = () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const real = require('../../src/index') as Record<string, unknown>;
    return {
      ...real,
      // The harness's resolver writes raw rows; its consumer records what was queued.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      ...(require('./support/adapter-harness.entry') as Record<string, unknown>),
      onContentEvent: real.onContentEvent,
      buildRuleRoutes: real.buildRuleRoutes,
    };
  };
  const raw = (entityName: string, key: string, value: unknown) =>
    forge.invokeResolver({
      moduleKey: 'teams-global-settings',
      accountId: 'integration-test',
      functionKey: 'call',
      payload: { adapter: 'rawKvs', method: 'setEntity', args: [entityName, key, value] },
    });
  const edit = async (title: string) => {
    await confluence.editPage(person('mia').accountId, confluence.findContent(title).id, {
      body: `<p>${title} ${Date.now()}</p>`,
    });
    const [event] = confluence.events.slice(-1);
    if (!event) throw new Error('no event');
    forge.stats.reset();
    await forge.emitProductEvent(event.eventType, event.payload);
    const trigger = forge.stats.snapshot();
    await forge.idle({ timeoutMs: 10_000 });
    return trigger;
  };
  const deliveriesQueued = () =>
    forge.logs.filter((l) => /Content event queued [1-9]\d* deliveries/.test(l.message)).length;

  beforeAll(async () => {
    confluence = await startConfluenceSimulator({ emitEvent: () => undefined });
    forge = await startForgeEmulator({
      appDir: join(__dirname, '..', '..'),
      loadApp: app,
      productBaseUrls: { confluence: confluence.url },
      siteUrl: confluence.url,
      cloudId: CLOUD_ID,
      appAccountId: APP_ACCOUNT_ID,
      quiet: true,
      delayScale: 0.001,
    });
    // As the previous version stored it: the rule row, no routes, no `routed`.
    const rule = aRule({
      id: 'stored-before-routes',
      filters: { ...DEFAULT_FILTERS, skipOwnChanges: false },
    });
    await raw('rule', rule.id, {
      scopeKey: rule.scopeKey,
      ownerAccountId: rule.ownerAccountId,
      updatedAt: rule.updatedAt,
      data: rule,
    });
  });
  afterAll(async () => {
    await forge.stop();
    await confluence.stop();
  });

  it('reads the old partition for the first event, builds its routes, then reads routes only', async () => {
    const first = await edit('Release plan 2027');
    expect(deliveriesQueued()).toBe(1);
    // The event's reads, the old partitions (ENG's, and the empty global one, marked on the spot),
    // then the push of the delivery and of ENG's route build.
    expect(first.kvs.ops).toEqual({ get: 1, query: 5, batchSet: 1 });
    expect(
      forge.logs.some((l) => /Routes of space:ENG: 1 rules built, 0 changed meanwhile/.test(l.message)),
    ).toBe(true);
    const second = await edit('Release plan 2027');
    expect(deliveriesQueued()).toBe(2);
    expect(second.kvs.ops).toEqual({ get: 1, query: 3 });
    expect(second.queue.pushes).toBe(1);
    expect(forge.deadLetters).toEqual([]);
  });
});
