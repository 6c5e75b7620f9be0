import { planDeliveries } from '../../../src/domain/delivery-plan';
import { aContentEvent, aRule } from '../../support/builders';

describe('planDeliveries', () => {
  const channel = { type: 'channel', teamId: 't', channelId: 'c', teamName: 'T', channelName: 'C' } as const;

  it('gives one delivery per destination even when several rules match', () => {
    const older = aRule({ destination: channel, createdAt: 1, ownerAccountId: 'first' });
    const newer = aRule({ destination: channel, createdAt: 2, ownerAccountId: 'second' });
    const plans = planDeliveries(aContentEvent(), [newer, older]);
    expect(plans).toHaveLength(1);
    expect(plans[0]?.ownerAccountId).toBe('first');
    expect(plans[0]?.ruleIds).toEqual([older.id, newer.id]);
  });

  it('keeps separate destinations apart', () => {
    const chat = aRule({ destination: { type: 'chat', chatId: '19:x@thread.v2', chatName: 'x' } });
    expect(planDeliveries(aContentEvent(), [aRule({ destination: channel }), chat])).toHaveLength(2);
  });

  it('derives stable, version-specific keys', () => {
    const rule = aRule({ destination: channel });
    const [v3] = planDeliveries(aContentEvent({ version: 3 }), [rule]);
    const [v3again] = planDeliveries(aContentEvent({ version: 3 }), [rule]);
    const [v4] = planDeliveries(aContentEvent({ version: 4 }), [rule]);
    expect(v3?.deliveryKey).toBe(v3again?.deliveryKey);
    expect(v3?.deliveryKey).not.toBe(v4?.deliveryKey);
    expect(v3?.concurrencyKey).toBe(v4?.concurrencyKey);
    expect(v3?.concurrencyKey).toMatch(/^[a-zA-Z0-9-_]+$/);
  });
});
