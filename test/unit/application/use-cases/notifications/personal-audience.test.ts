import type { NotificationAudience } from '../../../../../src/application/ports/confluence';
import { planPersonalAudience } from '../../../../../src/application/use-cases/notifications/personal-audience';
import type { Connection } from '../../../../../src/domain/connection';
import type { ContentEvent } from '../../../../../src/domain/content-event';
import { DEFAULT_PREFERENCES } from '../../../../../src/domain/preferences';
import { aConversation, fakeConversations } from '../../../../support/bot-fakes';
import { aCommentEvent, aContentEvent } from '../../../../support/builders';
import { fakeConnections, fakePreferenceStore, fakeQueue } from '../../../../support/fakes';
import { aConnection } from '../../../../support/settings-builders';

const mention = (accountId: string) => `<ac:link><ri:user ri:account-id="${accountId}" /></ac:link>`;

/** A Confluence that says who watches, who created, who wrote which comment and version. */
const confluenceSays = (
  facts: Partial<{
    watchers: string[];
    spaceWatchers: string[];
    creator: string;
    bodies: Record<number, string>;
    comments: Record<string, { body: string; author: string }>;
  }>,
): NotificationAudience => ({
  contentWatchers: async () => facts.watchers ?? [],
  spaceWatchers: async () => facts.spaceWatchers ?? [],
  creatorOf: async () => facts.creator ?? null,
  versionBody: async (_id, version) => facts.bodies?.[version] ?? null,
  comment: async (id) => {
    const c = facts.comments?.[id];
    return c ? { id, body: c.body, authorAccountId: c.author } : null;
  },
});

/** People who logged in and added the app; `without` lack the app. */
const people = (ids: string[], without: string[] = []) => {
  const connections: Connection[] = ids.map((id) =>
    aConnection({ accountId: id, tenantId: 't', oid: `oid-${id}` }),
  );
  const conversations = fakeConversations(
    ids
      .filter((id) => !without.includes(id))
      .map((id) => aConversation({ microsoftUser: `t:oid-${id}`, tenantId: 't', oid: `oid-${id}` })),
  );
  return { connections: fakeConnections(connections), conversations };
};

const setup = (audience: NotificationAudience, everyone: string[], without: string[] = []) => {
  const queue = fakeQueue();
  const preferences = fakePreferenceStore();
  const deps = { audience, ...people(everyone, without), preferences, queue };
  return { deps, queue, preferences };
};

const recipients = (queue: ReturnType<typeof fakeQueue>) =>
  Object.fromEntries(queue.enqueued().map((d) => [d.senders[0]?.ownerAccountId, d.personalReasons]));

const update = (extra: Partial<ContentEvent> = {}) =>
  aContentEvent({ kind: 'page_updated', version: 4, actorAccountId: 'sam', ...extra });

describe('who an event gives a personal card, and why', () => {
  it('sends to the page’s and the space’s watchers, never to the person who made the change', async () => {
    const { deps, queue } = setup(confluenceSays({ watchers: ['mia', 'sam'], spaceWatchers: ['rex'] }), [
      'mia',
      'rex',
      'sam',
    ]);
    await planPersonalAudience(deps, { event: update(), ruleSenders: [] });
    expect(recipients(queue)).toEqual({ mia: ['watching'], rex: ['watching'] });
  });

  it('tells a person mentioned in this version, not one already mentioned before', async () => {
    const bodies = { 3: `<p>${mention('rex')}</p>`, 4: `<p>${mention('rex')} and ${mention('mia')}</p>` };
    const { deps, queue } = setup(confluenceSays({ bodies }), ['mia', 'rex']);
    await planPersonalAudience(deps, { event: update(), ruleSenders: [] });
    expect(recipients(queue)).toEqual({ mia: ['mentioned'] });
  });

  it('tells the page’s creator about a comment, the parent comment’s author about a reply, and whom it mentions', async () => {
    const comments = {
      '65700': { body: `<p>Agreed, ${mention('vic')}</p>`, author: 'sam' },
      '65699': { body: '<p>First!</p>', author: 'rex' },
    };
    const { deps, queue } = setup(confluenceSays({ creator: 'mia', comments }), ['mia', 'rex', 'vic']);
    const reply = aCommentEvent({
      actorAccountId: 'sam',
      comment: { id: '65700', location: 'footer', parentCommentId: '65699', version: 1 },
    });
    await planPersonalAudience(deps, { event: reply, ruleSenders: [] });
    expect(recipients(queue)).toEqual({
      mia: ['comment-on-your-content'],
      rex: ['reply-to-your-comment'],
      vic: ['mentioned'],
    });
  });

  it('merges every reason of one person into one delivery, rules included', async () => {
    const { deps, queue } = setup(confluenceSays({ watchers: ['mia'], bodies: { 4: mention('mia') } }), [
      'mia',
    ]);
    const rule = { ruleId: 'rule-1', ownerAccountId: 'mia', cql: '', restrictedContent: 'skip' as const };
    await planPersonalAudience(deps, { event: update(), ruleSenders: [rule] });
    expect(queue.enqueued()).toHaveLength(1);
    expect(recipients(queue)).toEqual({ mia: ['rule', 'watching', 'mentioned'] });
    expect(queue.enqueued()[0]?.senders.map((s) => s.ruleId)).toEqual(['rule-1', 'personal-preferences']);
  });

  it('follows each person’s preferences, and skips people who have not logged in or added the app', async () => {
    const { deps, queue, preferences } = setup(
      confluenceSays({ watchers: ['mia', 'rex', 'vic', 'ada'] }),
      ['mia', 'rex', 'vic'],
      ['vic'],
    );
    await preferences.put('rex', { ...DEFAULT_PREFERENCES, watchedContentUpdated: false });
    await planPersonalAudience(deps, { event: update(), ruleSenders: [] });
    // ada never logged in; vic has not added the app; rex does not want watched pages.
    expect(recipients(queue)).toEqual({ mia: ['watching'] });
  });

  it('keeps a rule’s own reason for someone without the app, so the log says why nothing arrived', async () => {
    const { deps, queue } = setup(confluenceSays({ watchers: ['vic'] }), ['vic'], ['vic']);
    const rule = { ruleId: 'rule-2', ownerAccountId: 'vic', cql: '', restrictedContent: 'skip' as const };
    await planPersonalAudience(deps, { event: update(), ruleSenders: [rule] });
    expect(recipients(queue)).toEqual({ vic: ['rule'] });
  });

  it('gives nothing for a minor edit but the rules’ own cards', async () => {
    const { deps, queue } = setup(confluenceSays({ watchers: ['mia'] }), ['mia']);
    await planPersonalAudience(deps, { event: update({ minorEdit: true }), ruleSenders: [] });
    expect(queue.enqueued()).toEqual([]);
  });
});
