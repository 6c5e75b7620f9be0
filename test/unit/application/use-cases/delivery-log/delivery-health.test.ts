import { getDeliveryHealth } from '../../../../../src/application/use-cases/delivery-log/delivery-health';
import { fakeConfluence, fakeDeliveryStore, fixedClock } from '../../../../support/fakes';
import { aDeliveryRecord } from '../../../../support/settings-builders';

const ADMIN = 'ada';
const confluence = fakeConfluence({ isSiteAdmin: async (id) => id === ADMIN });
const NOW = Date.parse('2026-11-22T10:00:00Z');
const health = (records: Parameters<typeof fakeDeliveryStore>[0], follow?: string[]) =>
  getDeliveryHealth(
    { deliveries: fakeDeliveryStore(records), ...confluence, clock: fixedClock('2026-11-22T10:00:00Z') },
    { accountId: ADMIN },
    follow ? { follow } : {},
  );

describe('delivery health follows a retry to its end', () => {
  it('lists a delivery being retried among the latest failures, marked retrying', async () => {
    const view = await health([
      aDeliveryRecord({ key: 'failed', status: 'failed', updatedAt: NOW - 60_000 }),
      aDeliveryRecord({ key: 'again', status: 'retrying', attempts: 5, updatedAt: NOW - 1000 }),
    ]);
    expect(view.latestFailures.map((f) => [f.key, f.status])).toEqual([
      ['again', 'retrying'],
      ['failed', 'failed'],
    ]);
  });

  it('answers the rows the page follows as they are now, sent or failed again, newest first', async () => {
    const view = await health(
      [
        aDeliveryRecord({ key: 'failed', status: 'failed', updatedAt: NOW - 60_000 }),
        aDeliveryRecord({ key: 'now-sent', status: 'sent', attempts: 6, updatedAt: NOW - 1000 }),
        aDeliveryRecord({ key: 'other-sent', status: 'sent', updatedAt: NOW - 500 }),
      ],
      ['now-sent', 'gone'],
    );
    expect(view.latestFailures.map((f) => [f.key, f.status])).toEqual([
      ['now-sent', 'sent'],
      ['failed', 'failed'],
    ]);
  });
});
