import type { NotificationAudience } from '../../../../../src/application/ports/confluence';
import type { PeopleFactsReader } from '../../../../../src/application/ports/people-facts';
import { planPersonalAudience } from '../../../../../src/application/use-cases/notifications/personal-audience';
import { microsoftUserKey } from '../../../../../src/domain/conversation';
import { DEFAULT_PREFERENCES } from '../../../../../src/domain/preferences';
import { aConversation, fakeConversations } from '../../../../support/bot-fakes';
import { aContentEvent } from '../../../../support/builders';
import { fakeConnections, fakePreferenceStore, fakeQueue } from '../../../../support/fakes';
import { aConnection } from '../../../../support/settings-builders';

/**
 * Issue 15: the people an event may give a personal card are judged from facts read several
 * at a time (`PeopleFactsReader`), with the same outcome as reading them one by one.
 */
describe('the personal audience, its people read together', () => {
  const watchers = Array.from({ length: 20 }, (_, i) => `watcher-${i}`);
  const withoutApp = ['watcher-3', 'watcher-11'];
  const audience: NotificationAudience = {
    contentWatchers: async () => watchers,
    spaceWatchers: async () => ['stranger'],
    creatorOf: async () => null,
    versionBody: async () => null,
    comment: async () => null,
  };
  const setup = async () => {
    const connections = fakeConnections(
      watchers.map((id) => aConnection({ accountId: id, tenantId: 't', oid: `oid-${id}` })),
    );
    const conversations = fakeConversations(
      watchers
        .filter((id) => !withoutApp.includes(id))
        .map((id) => aConversation({ microsoftUser: `t:oid-${id}`, tenantId: 't', oid: `oid-${id}` })),
    );
    const preferences = fakePreferenceStore();
    await preferences.put('watcher-5', { ...DEFAULT_PREFERENCES, watchedContentUpdated: false });
    return { audience, connections, conversations, preferences, queue: fakeQueue() };
  };
  const event = aContentEvent({ kind: 'page_updated', version: 4, actorAccountId: 'sam' });
  const recipientsOf = (queue: ReturnType<typeof fakeQueue>) =>
    queue
      .enqueued()
      .map((d) => d.senders[0]?.ownerAccountId)
      .sort();

  it('plans the same cards as one by one, reading a hundred people per round', async () => {
    const oneByOne = await setup();
    await planPersonalAudience(oneByOne, { event, ruleSenders: [] });

    const together = await setup();
    const rounds: string[][] = [];
    const peopleFacts: PeopleFactsReader = {
      read: async (ids) => {
        rounds.push([...ids]);
        const entries = await Promise.all(
          ids.map(async (id) => {
            const connection = await together.connections.get(id);
            const conversation = connection
              ? await together.conversations.get(microsoftUserKey(connection.tenantId, connection.oid))
              : null;
            return [
              id,
              {
                connection,
                appAdded: conversation?.installed ?? false,
                preferences: await together.preferences.get(id),
              },
            ] as const;
          }),
        );
        return new Map(entries);
      },
    };
    await planPersonalAudience({ ...together, peopleFacts }, { event, ruleSenders: [] });

    const expected = watchers.filter((id) => !withoutApp.includes(id) && id !== 'watcher-5').sort();
    expect(recipientsOf(oneByOne.queue)).toEqual(expected);
    expect(recipientsOf(together.queue)).toEqual(expected);
    expect(rounds.map((r) => r.length)).toEqual([21]);
  });
});
