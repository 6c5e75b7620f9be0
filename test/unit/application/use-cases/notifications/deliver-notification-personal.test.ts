import { deliverNotification } from '../../../../../src/application/use-cases/notifications/deliver-notification';
import { PREFERENCES_SENDER, planPersonalDeliveries } from '../../../../../src/domain/personal-notification';
import { DEFAULT_PREFERENCES } from '../../../../../src/domain/preferences';
import { aConversation, countingIdentity } from '../../../../support/bot-fakes';
import { aContentEvent, aRule } from '../../../../support/builders';
import { attemptNo, deliveryDeps, OWNER, plannedDelivery } from '../../../../support/delivery-harness';
import { fakeConfluence } from '../../../../support/fakes';

/** Cards to a person's own 1:1 chat with the companion bot. */
describe('deliverNotification: personal cards', () => {
  const withApp = () => {
    // The bot's own token comes from client credentials; the owner's Graph token is not used.
    const deps = { ...deliveryDeps(), identity: countingIdentity() };
    void deps.conversations.put(
      aConversation({ microsoftUser: `t:oid-${OWNER}`, tenantId: 't', oid: `oid-${OWNER}` }),
    );
    return deps;
  };
  const myRule = () => aRule({ ownerAccountId: OWNER, destination: { type: 'personal' } });

  it('sends a "me personally" rule’s card into the owner’s 1:1 chat, saying why', async () => {
    const deps = withApp();
    const personal = { ...plannedDelivery({}, [myRule()]), personalReasons: ['rule' as const] };
    expect(await deliverNotification(deps, personal, attemptNo(1))).toEqual({
      kind: 'sent',
      messageId: 'activity-1',
      via: 'post',
    });
    const [sent] = deps.bot.sent();
    expect(sent?.to.conversationId).toBe('a:1conversation');
    expect(JSON.stringify(sent?.outgoing)).toContain(
      'You get this because one of your rules sends it to you.',
    );
    expect(deps.teams.postedCards()).toHaveLength(0);
    expect(deps.deliveries.recordFor(personal.deliveryKey)).toMatchObject({
      status: 'sent',
      messageId: 'activity-1',
    });
  });

  it('records why nothing arrived when the owner has not added the app in Teams', async () => {
    const deps = deliveryDeps();
    const personal = plannedDelivery({}, [myRule()]);
    expect(await deliverNotification(deps, personal, attemptNo(1))).toMatchObject({
      kind: 'failed',
      reason: expect.stringContaining('has not added the Teams for Confluence app'),
    });
    expect(deps.bot.sent()).toHaveLength(0);
  });

  it('sends nothing about content the recipient cannot view (invariant 3)', async () => {
    const deps = { ...withApp(), ...fakeConfluence({ getContentAs: async () => null }) };
    const personal = plannedDelivery({}, [myRule()]);
    expect(await deliverNotification(deps, personal, attemptNo(1))).toMatchObject({ kind: 'skipped' });
    expect(deps.bot.sent()).toHaveLength(0);
  });

  it('gives one card for every reason at once: a rule of one’s own and a watched page', async () => {
    const deps = withApp();
    const event = aContentEvent({ actorAccountId: 'editor-1' });
    const rule = myRule();
    const [delivery] = planPersonalDeliveries(event, new Map([[OWNER, ['rule', 'watching'] as const]]), [
      {
        ruleId: rule.id,
        ruleVersion: rule.version,
        ownerAccountId: OWNER,
        cql: '',
        restrictedContent: 'skip',
      },
    ]);
    if (!delivery) throw new Error('no delivery');
    plannedDelivery({}, [rule]); // the consumer finds the rule as planned
    await deliverNotification(deps, delivery, attemptNo(1));
    expect(deps.bot.sent()).toHaveLength(1);
    expect(JSON.stringify(deps.bot.sent()[0]?.outgoing)).toContain(
      'You get this because one of your rules sends it to you and you watch this page or its space.',
    );
  });

  it('drops a reason the recipient switched off after the event was queued', async () => {
    const deps = withApp();
    await deps.preferences.put(OWNER, { ...DEFAULT_PREFERENCES, watchedContentUpdated: false });
    const [delivery] = planPersonalDeliveries(aContentEvent(), new Map([[OWNER, ['watching'] as const]]), []);
    if (!delivery) throw new Error('no delivery');
    expect(delivery.senders.map((s) => s.ruleId)).toEqual([PREFERENCES_SENDER]);
    expect(await deliverNotification(deps, delivery, attemptNo(1))).toMatchObject({
      kind: 'skipped',
      reason: expect.stringContaining('turned these personal notifications off'),
    });
    expect(deps.bot.sent()).toHaveLength(0);
  });
});
