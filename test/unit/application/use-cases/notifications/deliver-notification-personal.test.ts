import { deliverNotification } from '../../../../../src/application/use-cases/notifications/deliver-notification';
import { aRule } from '../../../../support/builders';
import { deliveryDeps, OWNER, plannedDelivery, attemptNo } from '../../../../support/delivery-harness';

/** Deliveries to a rule owner's personal chat with the app, which needs the companion bot. */
describe('deliverNotification', () => {
  it('records a personal destination as failed until the bot exists', async () => {
    const personal = plannedDelivery({}, [
      aRule({ ownerAccountId: OWNER, destination: { type: 'personal' } }),
    ]);
    const deps = deliveryDeps();
    expect(await deliverNotification(deps, personal, attemptNo(1))).toMatchObject({
      kind: 'failed',
      reason: expect.stringContaining('companion bot'),
    });
    expect(deps.teams.postedCards()).toHaveLength(0);
  });
});
