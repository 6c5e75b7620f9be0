import { getDeliveryHealth } from '../../../../../src/application/use-cases/delivery-log/delivery-health';
import {
  destinationLabel,
  listDeliveries,
} from '../../../../../src/application/use-cases/delivery-log/delivery-log';
import { retryDelivery } from '../../../../../src/application/use-cases/delivery-log/retry-delivery';
import type { ContentSummary } from '../../../../../src/application/ports/confluence';
import { fakeConfluence, fakeDeliveryStore, fakeQueue, fixedClock } from '../../../../support/fakes';
import { refusal } from '../../../../support/refusal';
import { aDeliveryRecord } from '../../../../support/settings-builders';

const ADMIN = 'ada';
const confluence = fakeConfluence({ isSiteAdmin: async (id) => id === ADMIN });
const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-11-22T10:00:00Z');

describe('delivery log', () => {
  const records = [
    aDeliveryRecord({ key: 'k-sent-mia', ownerAccountId: 'mia', status: 'sent', updatedAt: NOW - 1000 }),
    aDeliveryRecord({ key: 'k-failed-mia', ownerAccountId: 'mia', status: 'failed', updatedAt: NOW - 500 }),
    aDeliveryRecord({ key: 'k-failed-sam', ownerAccountId: 'sam', status: 'failed', updatedAt: NOW - 2000 }),
  ];

  it('shows a site admin every delivery, newest first, with retry offered on failures', async () => {
    const entries = await listDeliveries(
      { deliveries: fakeDeliveryStore(records), ...confluence },
      { accountId: ADMIN },
      {},
    );
    expect(entries.map((e) => e.key)).toEqual(['k-failed-mia', 'k-sent-mia', 'k-failed-sam']);
    expect(entries.map((e) => e.canRetry)).toEqual([true, false, true]);
    expect(entries[0]).toMatchObject({
      ownerName: 'Name of mia',
      destinationLabel: 'Eng › General',
      updatedAt: new Date(NOW - 500).toISOString(),
    });
  });

  it('shows anyone else only deliveries of rules they own, optionally by status', async () => {
    const deps = { deliveries: fakeDeliveryStore(records), ...confluence };
    expect((await listDeliveries(deps, { accountId: 'mia' }, {})).map((e) => e.key)).toEqual([
      'k-failed-mia',
      'k-sent-mia',
    ]);
    expect((await listDeliveries(deps, { accountId: 'mia' }, { status: 'sent' })).map((e) => e.key)).toEqual([
      'k-sent-mia',
    ]);
    expect(await listDeliveries(deps, { accountId: 'rex' }, {})).toEqual([]);
  });

  it('labels destinations', () => {
    expect(destinationLabel({ type: 'chat', chatId: 'c', chatName: 'Docs crew' }, 'Mia')).toBe('Docs crew');
    expect(destinationLabel({ type: 'personal' }, 'Mia Member')).toBe('Personal (Mia Member)');
  });
});

describe('delivery health', () => {
  it('counts the last 7 days for a site admin, with the 10 newest failures', async () => {
    const old = aDeliveryRecord({ status: 'failed', updatedAt: NOW - 8 * DAY });
    const failures = Array.from({ length: 12 }, (_, i) =>
      aDeliveryRecord({ key: `f-${i}`, status: 'failed', updatedAt: NOW - i * 60_000 }),
    );
    const deliveries = fakeDeliveryStore([
      old,
      ...failures,
      aDeliveryRecord({ status: 'sent', attempts: 3, updatedAt: NOW - DAY }),
      aDeliveryRecord({ status: 'sent', updatedAt: NOW - DAY }),
      aDeliveryRecord({ status: 'skipped', updatedAt: NOW - DAY }),
      aDeliveryRecord({ status: 'retrying', updatedAt: NOW - DAY }),
    ]);
    const health = await getDeliveryHealth(
      { deliveries, ...confluence, clock: fixedClock('2026-11-22T10:00:00Z') },
      { accountId: ADMIN },
    );
    expect(health).toMatchObject({ windowDays: 7, sent: 2, failed: 12, skipped: 1, retried: 2 });
    expect(health.latestFailures.map((f) => f.key)).toEqual(failures.slice(0, 10).map((f) => f.key));
  });

  it('is for site admins only', async () => {
    const answer = await refusal(
      getDeliveryHealth(
        { deliveries: fakeDeliveryStore(), ...confluence, clock: fixedClock() },
        { accountId: 'sam' },
      ),
    );
    expect(answer.code).toBe('forbidden');
  });
});

describe('retryDelivery', () => {
  const setup = (
    record = aDeliveryRecord({ key: 'k-1', ownerAccountId: 'mia', status: 'failed', attempts: 5 }),
  ) => {
    const deliveries = fakeDeliveryStore([record]);
    const queue = fakeQueue();
    return { record, deliveries, queue, deps: { deliveries, queue, ...confluence, clock: fixedClock() } };
  };

  it.each([
    ['the owner', 'mia'],
    ['a site admin', ADMIN],
  ])('lets %s put a failed delivery back on the queue as retrying', async (_who, accountId) => {
    const { record, deliveries, queue, deps } = setup();
    const entry = await retryDelivery(deps, { accountId }, 'k-1');
    expect(entry).toMatchObject({ key: 'k-1', status: 'retrying', attempts: 5, canRetry: false });
    expect(deliveries.recordFor('k-1')).toMatchObject({ status: 'retrying', attempts: 5, updatedAt: NOW });
    expect(queue.enqueued()).toEqual([record.request]);
  });

  it('refuses anyone else, naming who may, and changes nothing', async () => {
    const { record, deliveries, queue, deps } = setup();
    const answer = await refusal(retryDelivery(deps, { accountId: 'rex' }, 'k-1'));
    expect(answer.code).toBe('forbidden');
    expect(answer.message).toContain('Name of mia');
    expect(deliveries.recordFor('k-1')).toEqual(record);
    expect(queue.enqueued()).toEqual([]);
  });

  it('retries only failed deliveries that kept their queue message', async () => {
    const sent = setup(aDeliveryRecord({ key: 'k-1', ownerAccountId: 'mia', status: 'sent' }));
    expect((await refusal(retryDelivery(sent.deps, { accountId: 'mia' }, 'k-1'))).code).toBe('conflict');
    const bare = setup(
      aDeliveryRecord({ key: 'k-1', ownerAccountId: 'mia', status: 'failed', request: undefined }),
    );
    expect((await refusal(retryDelivery(bare.deps, { accountId: 'mia' }, 'k-1'))).code).toBe('conflict');
    expect(bare.queue.enqueued()).toEqual([]);
    expect((await refusal(retryDelivery(bare.deps, { accountId: 'mia' }, 'nope'))).code).toBe('not_found');
  });

  it('leaves the row failed when the queue refuses the message', async () => {
    const record = aDeliveryRecord({ key: 'k-1', ownerAccountId: 'mia', status: 'failed' });
    const deliveries = fakeDeliveryStore([record]);
    const deps = {
      deliveries,
      queue: fakeQueue(new Error('queue down')),
      ...confluence,
      clock: fixedClock(),
    };
    await expect(retryDelivery(deps, { accountId: 'mia' }, 'k-1')).rejects.toThrow('queue down');
    expect(deliveries.recordFor('k-1')).toEqual(record);
  });
});

/**
 * Invariant 3: the log shows a title only to someone who can view the content. A site admin
 * administers the app, not every page: Confluence restrictions bind them too.
 */
describe('titles in the delivery log (invariant 3)', () => {
  const OPEN = '65601';
  const HIDDEN = '65602';
  /** Ada and Mia may view OPEN; only Mia may view HIDDEN (its stored title must not reach Ada). */
  const restricted = fakeConfluence({
    isSiteAdmin: async (id) => id === ADMIN,
    getContentAs: async (accountId, id): Promise<ContentSummary | null> =>
      id === HIDDEN && accountId !== 'mia'
        ? null
        : {
            id,
            type: 'page',
            title: id === HIDDEN ? 'Merger plan' : 'Release plan 2027',
            spaceKey: 'ENG',
            spaceName: 'Engineering',
            version: 3,
            versionMessage: '',
            url: `https://site.example/wiki/pages/${id}`,
          },
  });
  const rows = () => [
    aDeliveryRecord({ key: 'k-open', contentId: OPEN, ownerAccountId: 'mia', status: 'failed' }),
    aDeliveryRecord({
      key: 'k-hidden',
      contentId: HIDDEN,
      title: 'Merger plan',
      ownerAccountId: 'mia',
      status: 'failed',
      updatedAt: NOW - 10,
    }),
  ];
  const titles = (entries: Array<{ key: string; title: string }>) =>
    Object.fromEntries(entries.map((e) => [e.key, e.title]));

  it('shows a site admin the title only of content they can view in the delivery log', async () => {
    const entries = await listDeliveries(
      { deliveries: fakeDeliveryStore(rows()), ...restricted },
      { accountId: ADMIN },
      {},
    );
    expect(titles(entries)).toEqual({ 'k-open': 'Release plan 2027', 'k-hidden': 'Restricted content' });
    expect(JSON.stringify(entries)).not.toContain('Merger plan');
  });

  it('shows the rule owner the title of content they can view', async () => {
    const entries = await listDeliveries(
      { deliveries: fakeDeliveryStore(rows()), ...restricted },
      { accountId: 'mia' },
      {},
    );
    expect(titles(entries)).toEqual({ 'k-open': 'Release plan 2027', 'k-hidden': 'Merger plan' });
  });

  it('hides the title of content the site admin cannot view in delivery health', async () => {
    const health = await getDeliveryHealth(
      { deliveries: fakeDeliveryStore(rows()), ...restricted, clock: fixedClock() },
      { accountId: ADMIN },
    );
    expect(titles(health.latestFailures)).toEqual({
      'k-open': 'Release plan 2027',
      'k-hidden': 'Restricted content',
    });
    expect(JSON.stringify(health)).not.toContain('Merger plan');
  });

  it('hides the title in the answer to a site admin’s retry', async () => {
    const deps = {
      deliveries: fakeDeliveryStore(rows()),
      queue: fakeQueue(),
      ...restricted,
      clock: fixedClock(),
    };
    const entry = await retryDelivery(deps, { accountId: ADMIN }, 'k-hidden');
    expect(entry).toMatchObject({ status: 'retrying', title: 'Restricted content' });
  });
});
