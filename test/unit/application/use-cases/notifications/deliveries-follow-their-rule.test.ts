import { deliverNotification } from '../../../../../src/application/use-cases/notifications/deliver-notification';
import { DEFAULT_FILTERS, type Rule } from '../../../../../src/domain/rule';
import { aRule } from '../../../../support/builders';
import {
  aConnection,
  attemptNo,
  deliveryDeps,
  OWNER,
  plannedDelivery,
} from '../../../../support/delivery-harness';
import { fakeConfluence } from '../../../../support/fakes';

/**
 * A queued delivery, a queue retry or an admin's Retry acts for the rule as it is when it runs,
 * not as it was when the event was queued: a rule deleted, turned off, or changed to post
 * elsewhere sends nothing, and the row says why (invariant 5: nothing is dropped silently).
 */
describe('a delivery follows its rule as it is now (invariant 5)', () => {
  const channel = {
    type: 'channel',
    teamId: 'team-1',
    channelId: '19:general@thread.tacv2',
    teamName: 'Eng',
    channelName: 'General',
  } as const;
  const setup = (rules: Rule[] = [aRule({ ownerAccountId: OWNER, destination: channel })]) => {
    const delivery = plannedDelivery({}, rules);
    const deps = deliveryDeps();
    return { delivery, deps, rules };
  };
  const edited = (rule: Rule, change: Partial<Rule>): Rule => ({
    ...rule,
    ...change,
    version: rule.version + 1,
  });

  it('sends when the rule is unchanged, reading the rules once (the control)', async () => {
    const { delivery, deps } = setup();
    expect(await deliverNotification(deps, delivery, attemptNo(1))).toMatchObject({ kind: 'sent' });
    expect(deps.rules.roundTrips()).toBe(1);
  });

  it('skips a delivery whose rule was deleted after it was queued, and records why', async () => {
    const { delivery, deps, rules } = setup();
    await deps.rules.delete(rules[0].id);
    const reason = 'The rule was deleted after this update was queued.';
    expect(await deliverNotification(deps, delivery, attemptNo(1))).toEqual({ kind: 'skipped', reason });
    expect(deps.teams.postedCards()).toHaveLength(0);
    expect(deps.deliveries.recordFor(delivery.deliveryKey)).toMatchObject({ status: 'skipped', reason });
  });

  it('skips a delivery whose rule was turned off', async () => {
    const { delivery, deps, rules } = setup();
    await deps.rules.put(edited(rules[0], { enabled: false }));
    expect(await deliverNotification(deps, delivery, attemptNo(1))).toEqual({
      kind: 'skipped',
      reason: 'The rule was turned off after this update was queued.',
    });
    expect(deps.teams.postedCards()).toHaveLength(0);
  });

  it('skips a delivery whose rule now posts to another channel', async () => {
    const { delivery, deps, rules } = setup();
    await deps.rules.put(
      edited(rules[0], { destination: { ...channel, channelId: '19:other@thread.tacv2' } }),
    );
    expect(await deliverNotification(deps, delivery, attemptNo(1))).toEqual({
      kind: 'skipped',
      reason: 'The rule was changed to post somewhere else after this update was queued.',
    });
    expect(deps.teams.postedCards()).toHaveLength(0);
  });

  it('skips a delivery whose rule was edited so it no longer covers the update', async () => {
    const { delivery, deps, rules } = setup();
    await deps.rules.put(edited(rules[0], { events: ['page_created'] }));
    expect(await deliverNotification(deps, delivery, attemptNo(1))).toEqual({
      kind: 'skipped',
      reason:
        'The rule was changed after this update was queued and no longer covers it (event kind not chosen).',
    });
    expect(deps.teams.postedCards()).toHaveLength(0);
  });

  it('sends after an edit that still covers the update, with the rule’s current filters', async () => {
    const { delivery, deps, rules } = setup();
    await deps.rules.put(
      edited(rules[0], {
        events: ['page_created', 'page_updated', 'comment_created'],
        destination: { ...channel, channelName: 'General (renamed)' },
        filters: { ...DEFAULT_FILTERS, cql: 'label = "launch"' },
      }),
    );
    const cqlAsked: string[] = [];
    const confluence = fakeConfluence({
      matchesCqlAs: async (_account, _id, cql) => {
        cqlAsked.push(cql);
        return true;
      },
    });
    expect(await deliverNotification({ ...deps, ...confluence }, delivery, attemptNo(1))).toMatchObject({
      kind: 'sent',
    });
    expect(cqlAsked).toEqual(['label = "launch"']);
  });

  it('skips an admin’s Retry of a failed delivery whose rule was deleted since', async () => {
    const { delivery, deps, rules } = setup();
    await deps.deliveries.put({
      schemaVersion: 1,
      key: delivery.deliveryKey,
      status: 'retrying',
      ownerAccountId: OWNER,
      destination: delivery.destination,
      contentId: delivery.event.contentId,
      attempts: 5,
      reason: 'Microsoft Teams answered 503',
      request: delivery,
      updatedAt: 1,
    });
    await deps.rules.delete(rules[0].id);
    expect(await deliverNotification(deps, delivery, attemptNo(1))).toMatchObject({ kind: 'skipped' });
    expect(deps.teams.postedCards()).toHaveLength(0);
    expect(deps.deliveries.recordFor(delivery.deliveryKey)).toMatchObject({
      status: 'skipped',
      reason: 'The rule was deleted after this update was queued.',
    });
  });

  describe('several rules for one destination', () => {
    const twoOwners = () => {
      const first = aRule({ ownerAccountId: OWNER, destination: channel, createdAt: 1 });
      const second = aRule({ ownerAccountId: 'owner-2', destination: channel, createdAt: 2 });
      const ctx = setup([first, second]);
      ctx.deps.connections.add(aConnection('owner-2'));
      ctx.deps.tokens.add('owner-2', ctx.deps.tokens.tokensOf(OWNER)!);
      return { ...ctx, first, second };
    };

    it('sends as the next rule’s owner when the first rule was deleted, reading both rules in one batch', async () => {
      const { delivery, deps, first } = twoOwners();
      await deps.rules.delete(first.id);
      expect(await deliverNotification(deps, delivery, attemptNo(1))).toMatchObject({ kind: 'sent' });
      expect(deps.deliveries.recordFor(delivery.deliveryKey)).toMatchObject({
        status: 'sent',
        ownerAccountId: 'owner-2',
      });
      expect(deps.rules.roundTrips()).toBe(1);
    });

    it('skips when no rule still sends it, naming each reason', async () => {
      const { delivery, deps, first, second } = twoOwners();
      await deps.rules.delete(first.id);
      await deps.rules.put(edited(second, { enabled: false }));
      const reason =
        'None of the 2 rules that matched still sends this update: 1 was deleted, 1 was turned off since it was queued.';
      expect(await deliverNotification(deps, delivery, attemptNo(1))).toEqual({ kind: 'skipped', reason });
      expect(deps.deliveries.recordFor(delivery.deliveryKey)).toMatchObject({
        status: 'skipped',
        ownerAccountId: OWNER,
        reason,
      });
      expect(deps.teams.postedCards()).toHaveLength(0);
    });
  });
});
