import { forwardContentEvent } from '../../../src/application/forward-content-event';
import { aPageUpdatedPayload, aRule } from '../../support/builders';
import { fakeLedger, fakeQueue, fakeRuleStore } from '../../support/fakes';

describe('forwardContentEvent', () => {
  it('queues one delivery per destination for the rules of the scopes the event touches', async () => {
    const rules = fakeRuleStore([
      aRule({ scopeKey: 'space:ENG' }),
      aRule({ scopeKey: 'global' }),
      aRule({
        scopeKey: 'content:65601',
        destination: { type: 'chat', chatId: '19:c@thread.v2', chatName: 'c' },
      }),
      aRule({
        scopeKey: 'space:MKT',
        destination: { type: 'chat', chatId: '19:m@thread.v2', chatName: 'm' },
      }),
    ]);
    const queue = fakeQueue();
    const outcome = await forwardContentEvent({ rules, ledger: fakeLedger(), queue }, aPageUpdatedPayload());
    expect(outcome).toEqual({ kind: 'queued', deliveries: 2 });
    expect(queue.pushed.map((d) => d.destination.type).sort()).toEqual(['channel', 'chat']);
  });

  it('drops a duplicate delivery of the same event', async () => {
    const deps = { rules: fakeRuleStore([aRule()]), ledger: fakeLedger(), queue: fakeQueue() };
    await forwardContentEvent(deps, aPageUpdatedPayload());
    expect(await forwardContentEvent(deps, aPageUpdatedPayload())).toEqual({ kind: 'duplicate' });
    expect(deps.queue.pushed).toHaveLength(1);
  });

  it('forgets the event when queueing fails, so the platform’s retry is not taken for a duplicate', async () => {
    const ledger = fakeLedger();
    const failing = { rules: fakeRuleStore([aRule()]), ledger, queue: fakeQueue(new Error('rate limited')) };
    await expect(forwardContentEvent(failing, aPageUpdatedPayload())).rejects.toThrow('rate limited');
    expect(ledger.seen.size).toBe(0);
    const working = { ...failing, queue: fakeQueue() };
    expect(await forwardContentEvent(working, aPageUpdatedPayload())).toEqual({
      kind: 'queued',
      deliveries: 1,
    });
  });

  it('ignores a payload it cannot read, and says why', async () => {
    const deps = { rules: fakeRuleStore(), ledger: fakeLedger(), queue: fakeQueue() };
    expect(await forwardContentEvent(deps, { eventType: 'avi:confluence:updated:page' })).toMatchObject({
      kind: 'ignored',
    });
    expect(deps.ledger.seen.size).toBe(0);
  });
});
