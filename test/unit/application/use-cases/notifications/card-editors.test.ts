import { deliverNotification } from '../../../../../src/application/use-cases/notifications/deliver-notification';
import type { ContentEvent } from '../../../../../src/domain/content-event';
import { attemptNo, cardIn, deliveryDeps, plannedDelivery } from '../../../../support/delivery-harness';

const T0 = Date.parse('2026-11-22T10:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const edit = (version: number, minutes: number, extra: Partial<ContentEvent> = {}) =>
  plannedDelivery({ kind: 'page_updated', version, occurredAt: at(minutes), ...extra });

describe('a card updated in place names everyone who edited it (issue 13, item 21)', () => {
  it('names each editor once, in the order they first edited, and counts edits only', async () => {
    const deps = deliveryDeps();
    await deliverNotification(deps, edit(3, 0, { actorAccountId: 'mia' }), attemptNo(1));
    await deliverNotification(deps, edit(4, 2, { actorAccountId: 'rex' }), attemptNo(1));
    await deliverNotification(deps, edit(5, 4, { actorAccountId: 'mia' }), attemptNo(1));
    const card = JSON.stringify(cardIn(deps.teams.updatedCards().at(-1)?.message));
    expect(card).toContain('Name of mia and Name of rex');
    expect(card).toContain('3 edits');
  });

  it('names only the editor while one person edits', async () => {
    const deps = deliveryDeps();
    await deliverNotification(deps, edit(3, 0, { actorAccountId: 'mia' }), attemptNo(1));
    await deliverNotification(deps, edit(4, 2, { actorAccountId: 'mia' }), attemptNo(1));
    const card = JSON.stringify(cardIn(deps.teams.updatedCards().at(-1)?.message));
    expect(card).toContain('Name of mia');
    expect(card).not.toContain(' and ');
  });
});
