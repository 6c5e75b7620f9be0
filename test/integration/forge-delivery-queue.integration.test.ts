import { planDeliveries } from '../../src/domain/delivery-plan';
import { aContentEvent, aRule } from '../support/builders';
import { startAdapterHarness, type AdapterHarness } from './support/adapter-harness';

describe('delivery queue adapter against the Forge emulator (real @forge/events)', () => {
  let h: AdapterHarness;
  beforeAll(async () => {
    h = await startAdapterHarness();
  });
  afterAll(() => h.stop());

  it('pushes in batches of at most 50 and every delivery reaches the consumer', async () => {
    const rules = Array.from({ length: 120 }, (_, i) =>
      aRule({ destination: { type: 'chat', chatId: `19:chat-${i}@thread.v2`, chatName: `c${i}` } }),
    );
    const deliveries = planDeliveries(aContentEvent(), rules);
    h.forge.stats.reset();
    await h.value('queue', 'enqueue', deliveries);
    await h.forge.idle({ timeoutMs: 10_000 });
    expect(h.forge.stats.snapshot().queue.pushes).toBe(3);
    const received = (await h.received()) as Array<{ body: { delivery: { deliveryKey: string } } }>;
    expect(received.map((e) => e.body.delivery.deliveryKey).sort()).toEqual(
      deliveries.map((d) => d.deliveryKey).sort(),
    );
  });

  it('hands a delivery back with its delay and its destination’s concurrency key, as a new event', async () => {
    const [delivery] = planDeliveries(aContentEvent({ contentId: '424242' }), [aRule()]);
    if (!delivery) throw new Error('expected a delivery');
    const before = (await h.received()).length;
    await h.value('queue', 'defer', { ...delivery, deferredTo: 1_700_000_000_300 }, 1.2);
    await h.forge.idle({ timeoutMs: 10_000 });
    const received = ((await h.received()) as Array<Record<string, unknown>>).slice(before);
    expect(received).toEqual([
      expect.objectContaining({
        body: { delivery: { ...delivery, deferredTo: 1_700_000_000_300 } },
        // Whole seconds, rounded up; a fresh event, so no retry context.
        delayInSeconds: 2,
        concurrency: { key: delivery.concurrencyKey, limit: 1 },
      }),
    ]);
    expect(received[0]).not.toHaveProperty('retryContext');
  });
});
