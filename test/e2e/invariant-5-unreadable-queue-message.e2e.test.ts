import { Queue } from '@forge/events';
import { invokeOk, SURFACES } from '../../dev/sandbox/sandbox-driver';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { person } from '../../dev/seed';
import { DELIVERY_QUEUE_KEY } from '../../src/adapters/forge-delivery-queue.adapter';
import { aContentEvent } from '../support/builders';
import { deliveryRows } from '../support/notification-fixture';
import { startPipelineSandbox } from '../support/pipeline-sandbox';

const ada = person('ada');
const DELIVERY_KEY = 'page_updated:65538:7:0123456789abcdef01234567';

/** A delivery whose sender names a restricted-content mode no version of the app wrote. */
const brokenDelivery = {
  delivery: {
    deliveryKey: DELIVERY_KEY,
    concurrencyKey: 'dest-0123456789abcdef01234567',
    destination: {
      type: 'channel',
      teamId: '2c1e7a90-aaaa-4b6e-8a1f-100000000001',
      channelId: '19:eng-general@thread.tacv2',
      teamName: 'Engineering',
      channelName: 'General',
    },
    senders: [{ ruleId: 'rule-1', ownerAccountId: ada.accountId, cql: '', restrictedContent: 'shout' }],
    event: aContentEvent({ contentId: '65538', version: 7 }),
  },
};
/** Nothing in it names a delivery at all. */
const nonsense = { nonsense: ['not', 'a', 'delivery'] };

/**
 * Invariant 5 for a message the consumer cannot read: nothing is sent, and the failure is
 * recorded where the site admin sees it (delivery health), once however often the message comes.
 * The trigger is replaced by one that puts each malformed message on the real queue twice.
 */
describe('invariant 5: an unreadable queue message is recorded as a failed delivery, once', () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startPipelineSandbox({
      loadApp: () => ({
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        ...(require('../../src/index') as Record<string, unknown>),
        onContentEvent: async () => {
          const queue = new Queue({ key: DELIVERY_QUEUE_KEY });
          await queue.push([brokenDelivery, brokenDelivery, nonsense, nonsense].map((body) => ({ body })));
        },
      }),
    });
    await sandbox.forge.emitProductEvent('avi:confluence:updated:page', { eventType: 'x' });
    await sandbox.forge.idle({ timeoutMs: 15_000 });
  });
  afterAll(() => sandbox.stop());

  it('records what it can recover of a malformed delivery, keyed by its delivery key', () => {
    const rows = deliveryRows(sandbox).filter((row) => row.key === DELIVERY_KEY);
    expect(rows).toEqual([
      expect.objectContaining({
        status: 'failed',
        contentId: '65538',
        ownerAccountId: ada.accountId,
        destination: brokenDelivery.delivery.destination,
        reason: expect.stringContaining('could not be read (delivery.senders.0.restrictedContent)'),
      }),
    ]);
    expect(rows[0]).not.toHaveProperty('request');
  });

  it('records a message with nothing identifiable as one failed row too', () => {
    const rows = deliveryRows(sandbox).filter((row) => row.key !== DELIVERY_KEY);
    expect(rows).toEqual([
      expect.objectContaining({
        status: 'failed',
        destination: null,
        reason: expect.stringContaining('could not be read (neither a delivery, a digest nor a bot job)'),
      }),
    ]);
  });

  it('shows both to the site admin in delivery health, sending nothing', async () => {
    const health = await invokeOk(sandbox, ada, SURFACES.global, 'deliveries/health', {});
    expect(health.failed).toBe(2);
    expect(health.latestFailures).toHaveLength(2);
    expect(health.latestFailures.every((f) => !f.canRetry)).toBe(true);
    expect(sandbox.microsoft.messages()).toEqual([]);
    expect(sandbox.forge.deadLetters).toEqual([]);
  });
});
