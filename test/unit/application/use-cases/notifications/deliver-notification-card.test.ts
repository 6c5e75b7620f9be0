import { deliverNotification } from '../../../../../src/application/use-cases/notifications/deliver-notification';
import {
  cardIn,
  deliveryDeps,
  OWNER,
  plannedDelivery,
  attemptNo,
} from '../../../../support/delivery-harness';
import { aContentSummary } from '../../../../support/builders';
import { fakeConfluence } from '../../../../support/fakes';

const delivery = plannedDelivery();

/** The card a delivery posts: what changed and where, read as the rule's owner. */
describe('deliverNotification', () => {
  it('sends a card with the change, breadcrumb, labels and both buttons, read as the owner', async () => {
    const reads: string[] = [];
    const confluence = fakeConfluence({
      getContentAs: async (_account, id) =>
        aContentSummary(id, {
          versionMessage: 'Moved the launch',
          url: `https://site.example/wiki/spaces/ENG/pages/${id}`,
          baseUrl: 'https://site.example/wiki',
          ancestors: [{ id: '1', title: 'Engineering home' }],
          labels: ['release'],
        }),
      getVersionBodyAs: async (account, _id, version) => {
        reads.push(`${account}:v${version}`);
        return version === 2 ? '<p>Launch in February.</p>' : '<p>Launch in <strong>March</strong>.</p>';
      },
    });
    const deps = { ...deliveryDeps(), ...confluence };
    await deliverNotification(deps, delivery, attemptNo(1));
    expect(reads.sort()).toEqual([`${OWNER}:v2`, `${OWNER}:v3`]);
    const text = JSON.stringify(cardIn(deps.teams.postedCards()[0]?.message));
    for (const expected of [
      'Engineering home',
      'release',
      'Moved the launch',
      'Updated by Name of editor',
      '**March.**',
      'February.',
    ])
      expect(text).toContain(expected);
    expect(text).toContain(
      'https://site.example/wiki/pages/diffpagesbyversion.action?pageId=65601&selectedPageVersions=2&selectedPageVersions=3',
    );
  });
});
