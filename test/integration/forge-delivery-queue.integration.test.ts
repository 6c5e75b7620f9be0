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
});
