import {
  deliverNotification,
  MAX_ATTEMPTS,
} from '../../../../../src/application/use-cases/notifications/deliver-notification';
import { aRule } from '../../../../support/builders';
import { deliveryDeps, OWNER, plannedDelivery, attemptNo } from '../../../../support/delivery-harness';
import { fakeConfluence } from '../../../../support/fakes';

const delivery = plannedDelivery();

/** What the owner cannot view is not sent, and its title stays out of the delivery log (invariant 3). */
describe('deliverNotification', () => {
  it('sends nothing for content the owner cannot view, and keeps its title out of the log', async () => {
    const deps = { ...deliveryDeps(), ...fakeConfluence({ getContentAs: async () => null }) };
    expect(await deliverNotification(deps, delivery, attemptNo(1))).toEqual({
      kind: 'skipped',
      reason: 'The rule owner cannot view this content',
    });
    expect(deps.teams.postedCards()).toHaveLength(0);
    expect(deps.deliveries.recordFor(delivery.deliveryKey)).toMatchObject({ status: 'skipped' });
    expect(deps.deliveries.recordFor(delivery.deliveryKey)).not.toHaveProperty('title');
  });

  describe('a row keeps only ids until the owner’s view check passed (invariant 3)', () => {
    const SECRET_TITLE = 'Merger plan: acquire Contoso';

    it('records a personal destination’s failure without the title', async () => {
      const personal = plannedDelivery({ title: SECRET_TITLE }, [
        aRule({ ownerAccountId: OWNER, destination: { type: 'personal' } }),
      ]);
      const deps = deliveryDeps();
      await deliverNotification(deps, personal, attemptNo(1));
      const row = deps.deliveries.recordFor(personal.deliveryKey);
      expect(row).toMatchObject({ status: 'failed', contentId: personal.event.contentId });
      expect(JSON.stringify(row)).not.toContain(SECRET_TITLE);
    });

    it('records a failure before the view check (Confluence down) without the title', async () => {
      const confluence = fakeConfluence({
        getContentAs: async () => {
          throw Object.assign(new Error('down'), { name: 'ConfluenceReadError', status: 503 });
        },
      });
      const secret = plannedDelivery({ title: SECRET_TITLE });
      const deps = { ...deliveryDeps(), ...confluence };
      await deliverNotification(deps, secret, attemptNo(MAX_ATTEMPTS));
      const row = deps.deliveries.recordFor(secret.deliveryKey);
      expect(row).toMatchObject({ status: 'failed' });
      expect(JSON.stringify(row)).not.toContain(SECRET_TITLE);
    });

    it('records a skip for content the owner cannot view without the title', async () => {
      const secret = plannedDelivery({ title: SECRET_TITLE });
      const deps = { ...deliveryDeps(), ...fakeConfluence({ getContentAs: async () => null }) };
      await deliverNotification(deps, secret, attemptNo(1));
      const row = deps.deliveries.recordFor(secret.deliveryKey);
      expect(row).toMatchObject({ status: 'skipped' });
      expect(JSON.stringify(row)).not.toContain(SECRET_TITLE);
    });

    it('records the title the owner read once the check passed', async () => {
      const deps = deliveryDeps();
      const sent = plannedDelivery({ title: 'Old title from the event' });
      await deliverNotification(deps, sent, attemptNo(1));
      const row = deps.deliveries.recordFor(sent.deliveryKey);
      expect(row).toMatchObject({ status: 'sent', title: 'Release plan 2027' });
      expect(JSON.stringify(row)).not.toContain('Old title from the event');
    });
  });
});
