import { planDeliveries, recheckSender } from '../../../src/domain/delivery-plan';
import { DEFAULT_FILTERS } from '../../../src/domain/rule';
import { aCommentEvent, aContentEvent, aRule } from '../../support/builders';

describe('planDeliveries', () => {
  const channel = { type: 'channel', teamId: 't', channelId: 'c', teamName: 'T', channelName: 'C' } as const;

  it('gives one delivery per destination with every matching rule as a sender, oldest first', () => {
    const older = aRule({ destination: channel, createdAt: 1, ownerAccountId: 'first' });
    const newer = aRule({
      destination: channel,
      createdAt: 2,
      ownerAccountId: 'second',
      filters: { ...DEFAULT_FILTERS, cql: 'label = "x"' },
      restrictedContent: 'redact',
    });
    const plans = planDeliveries(aContentEvent(), [newer, older]);
    expect(plans).toHaveLength(1);
    expect(plans[0]?.senders).toEqual([
      { ruleId: older.id, ruleVersion: 1, ownerAccountId: 'first', cql: '', restrictedContent: 'skip' },
      {
        ruleId: newer.id,
        ruleVersion: 1,
        ownerAccountId: 'second',
        cql: 'label = "x"',
        restrictedContent: 'redact',
      },
    ]);
  });

  it('orders rules created at the same time by id, so retries pick the same sender', () => {
    const b = aRule({ id: 'b', destination: channel, createdAt: 5 });
    const a = aRule({ id: 'a', destination: channel, createdAt: 5 });
    expect(planDeliveries(aContentEvent(), [b, a])[0]?.senders.map((s) => s.ruleId)).toEqual(['a', 'b']);
  });

  it('keeps separate destinations apart', () => {
    const chat = aRule({ destination: { type: 'chat', chatId: '19:x@thread.v2', chatName: 'x' } });
    expect(planDeliveries(aContentEvent(), [aRule({ destination: channel }), chat])).toHaveLength(2);
  });

  it('keeps personal destinations of different owners apart', () => {
    const mine = aRule({ destination: { type: 'personal' }, ownerAccountId: 'me' });
    const yours = aRule({ destination: { type: 'personal' }, ownerAccountId: 'you' });
    expect(planDeliveries(aContentEvent(), [mine, yours])).toHaveLength(2);
  });

  it('plans nothing when nothing matched', () => {
    expect(planDeliveries(aContentEvent(), [])).toEqual([]);
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

  it('keys comment deliveries by the comment and its version', () => {
    const rule = aRule({ destination: channel });
    const [first] = planDeliveries(
      aCommentEvent({ comment: { id: '7', location: 'footer', parentCommentId: null, version: 1 } }),
      [rule],
    );
    const [edit] = planDeliveries(
      aCommentEvent({ comment: { id: '7', location: 'footer', parentCommentId: null, version: 2 } }),
      [rule],
    );
    expect(first?.deliveryKey).toMatch(/^comment_created:7:1:/);
    expect(edit?.deliveryKey).not.toBe(first?.deliveryKey);
  });
});

describe('recheckSender: a planned sender against its rule as it is now', () => {
  const rule = aRule();
  const [delivery] = planDeliveries(aContentEvent(), [rule]);
  const sender = delivery.senders[0];

  it('keeps the sender as planned while the rule is unchanged', () => {
    expect(recheckSender(sender, rule, delivery)).toEqual({ kind: 'current', sender });
  });

  it('takes a changed rule’s current settings, its pending checks judged again', () => {
    const edited = {
      ...rule,
      version: 2,
      restrictedContent: 'redact' as const,
      filters: { ...DEFAULT_FILTERS, labelsAny: ['launch'], cql: 'type = page' },
    };
    expect(recheckSender(sender, edited, delivery)).toEqual({
      kind: 'current',
      sender: {
        ruleId: rule.id,
        ruleVersion: 2,
        ownerAccountId: rule.ownerAccountId,
        cql: 'type = page',
        restrictedContent: 'redact',
        check: { labels: { labelsAny: ['launch'], labelsAll: [], labelsNone: [] } },
      },
    });
  });

  it('judges a sender queued before versions were carried against the rule as it is', () => {
    const { ruleVersion: _, ...unversioned } = sender;
    expect(recheckSender(unversioned, { ...rule, events: ['page_created'] }, delivery)).toEqual({
      kind: 'stale',
      why: 'no-longer-covers',
      detail: 'event kind not chosen',
    });
  });
});
