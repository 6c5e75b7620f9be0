import { deliverNotification } from '../../../../../src/application/use-cases/notifications/deliver-notification';
import { MicrosoftRequestError } from '../../../../../src/application/ports/microsoft';
import type { ContentEvent } from '../../../../../src/domain/content-event';
import { emptyActivity } from '../../../../../src/domain/destination-activity';
import { DEFAULT_FLOOD_SETTINGS } from '../../../../../src/domain/send-plan';
import { aRule } from '../../../../support/builders';
import {
  aConnection,
  cardIn,
  deliveryDeps,
  OWNER,
  plannedDelivery,
  type DeliveryTestDeps,
  attemptNo,
} from '../../../../support/delivery-harness';
import { fakeConfluence, scriptedTeams } from '../../../../support/fakes';

const T0 = Date.parse('2026-11-22T10:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const CHAT = aRule({
  ownerAccountId: OWNER,
  destination: { type: 'chat', chatId: '19:chat@thread.v2', chatName: 'Docs' },
});

const edit = (version: number, minutes: number, extra: Partial<ContentEvent> = {}) =>
  plannedDelivery({ kind: 'page_updated', version, occurredAt: at(minutes), ...extra });

const base = fakeConfluence();
const bodiesByVersion = fakeConfluence({
  getContentAs: async (account, id) => {
    const content = await base.content.getContentAs(account, id);
    return content && { ...content, baseUrl: 'https://site.example/wiki' };
  },
  getVersionBodyAs: async (_a, _id, version) => `<p>text of version ${version}</p>`,
});

describe('no flood: repeated edits of one page update the card already posted', () => {
  it('PATCHes the card, as its sender, with the changes since it was posted', async () => {
    const deps = { ...deliveryDeps(), ...bodiesByVersion };
    expect(await deliverNotification(deps, edit(3, 0), attemptNo(1))).toMatchObject({
      kind: 'sent',
      via: 'post',
      messageId: 'm-1',
    });
    expect(await deliverNotification(deps, edit(4, 4), attemptNo(1))).toMatchObject({
      kind: 'sent',
      via: 'update',
      messageId: 'm-1',
    });
    expect(await deliverNotification(deps, edit(5, 9), attemptNo(1))).toMatchObject({
      kind: 'sent',
      via: 'update',
    });
    expect(deps.teams.postedCards()).toHaveLength(1);
    expect(deps.teams.updatedCards().map((u) => u.messageId)).toEqual(['m-1', 'm-1']);
    const card = JSON.stringify(cardIn(deps.teams.updatedCards()[1]?.message));
    expect(card).toContain('Page updated · 3 edits');
    expect(card).toContain('selectedPageVersions=2&selectedPageVersions=5');
    expect(deps.deliveries.recordFor(edit(4, 4).deliveryKey)).toMatchObject({
      status: 'sent',
      messageId: 'm-1',
    });
  });

  it('posts a new card once the window has passed', async () => {
    const deps = deliveryDeps();
    await deliverNotification(deps, edit(3, 0), attemptNo(1));
    expect(await deliverNotification(deps, edit(4, 10), attemptNo(1))).toMatchObject({ via: 'post' });
    expect(deps.teams.postedCards()).toHaveLength(2);
  });

  it('sends nothing for an older version arriving after a newer one', async () => {
    const deps = deliveryDeps();
    await deliverNotification(deps, edit(5, 1), attemptNo(1));
    expect(await deliverNotification(deps, edit(4, 0), attemptNo(1))).toMatchObject({
      via: 'already-shown',
      messageId: 'm-1',
    });
    expect(deps.teams.postedCards()).toHaveLength(1);
    expect(deps.teams.updatedCards()).toHaveLength(0);
  });

  it('replies in the thread when the sign-in cannot edit messages', async () => {
    const deps = deliveryDeps();
    deps.connections.add(aConnection(OWNER, ['ChannelMessage.Send']));
    await deliverNotification(deps, edit(3, 0), attemptNo(1));
    expect(await deliverNotification(deps, edit(4, 2), attemptNo(1))).toMatchObject({
      via: 'reply',
      messageId: 'r-1',
    });
    expect(deps.teams.repliedCards()).toEqual([expect.objectContaining({ messageId: 'm-1' })]);
    expect(deps.teams.updatedCards()).toHaveLength(0);
  });

  it.each([
    [403, 'forbidden'],
    [405, 'invalid'],
  ] as const)('replies in the thread when Teams refuses the edit (%s)', async (status, kind) => {
    const deps = {
      ...deliveryDeps(),
      teams: scriptedTeams([], { updates: [new MicrosoftRequestError(kind, status, 'Forbidden', 'no')] }),
    };
    await deliverNotification(deps, edit(3, 0), attemptNo(1));
    expect(await deliverNotification(deps, edit(4, 2), attemptNo(1))).toMatchObject({ via: 'reply' });
    expect(deps.teams.updatedCards()).toHaveLength(1);
  });

  it('posts a new card when the old one is gone (404)', async () => {
    const deps = {
      ...deliveryDeps(),
      teams: scriptedTeams([], { updates: [new MicrosoftRequestError('gone', 404, 'NotFound', 'gone')] }),
    };
    await deliverNotification(deps, edit(3, 0), attemptNo(1));
    expect(await deliverNotification(deps, edit(4, 2), attemptNo(1))).toMatchObject({
      via: 'post',
      messageId: 'm-2',
    });
  });

  it('hands a throttled edit back to the queue instead of falling back', async () => {
    const throttled = new MicrosoftRequestError('throttled', 429, 'TooManyRequests', 'slow', 3);
    const deps = { ...deliveryDeps(), teams: scriptedTeams([], { updates: [throttled] }) };
    await deliverNotification(deps, edit(3, 0), attemptNo(1));
    expect(await deliverNotification(deps, edit(4, 2), attemptNo(1))).toMatchObject({
      kind: 'retry',
      retryAfterSeconds: 3,
    });
    expect(deps.teams.repliedCards()).toHaveLength(0);
  });

  it('in a chat, posts a new card when the sign-in has no Chat.ReadWrite', async () => {
    const deps = deliveryDeps();
    await deliverNotification(deps, plannedDelivery({ version: 3, occurredAt: at(0) }, [CHAT]), attemptNo(1));
    expect(
      await deliverNotification(
        deps,
        plannedDelivery({ version: 4, occurredAt: at(1) }, [CHAT]),
        attemptNo(1),
      ),
    ).toMatchObject({ via: 'post' });
    expect(deps.teams.updatedCards()).toHaveLength(0);
    expect(deps.teams.repliedCards()).toHaveLength(0);
  });

  it('in a chat, edits the card when the sign-in has Chat.ReadWrite', async () => {
    const deps = deliveryDeps();
    deps.connections.add(aConnection(OWNER, ['ChatMessage.Send', 'Chat.ReadWrite']));
    await deliverNotification(deps, plannedDelivery({ version: 3, occurredAt: at(0) }, [CHAT]), attemptNo(1));
    expect(
      await deliverNotification(
        deps,
        plannedDelivery({ version: 4, occurredAt: at(1) }, [CHAT]),
        attemptNo(1),
      ),
    ).toMatchObject({ via: 'update' });
  });

  it('does not edit a card another rule owner posted', async () => {
    const deps = deliveryDeps();
    const other = {
      ...emptyActivity(),
      cards: {
        '65601': {
          messageId: 'theirs',
          postedAt: T0,
          senderAccountId: 'someone-else',
          kind: 'page_updated' as const,
          baseVersion: 2,
          version: 3,
          edits: 1,
        },
      },
    };
    await deps.activity.put(edit(4, 1).concurrencyKey, other);
    expect(await deliverNotification(deps, edit(4, 1), attemptNo(1))).toMatchObject({ via: 'reply' });
    expect(deps.teams.repliedCards()[0]?.messageId).toBe('theirs');
  });
});

describe('no flood: comments and labels go under the page’s card', () => {
  const comment = (minutes: number) =>
    plannedDelivery({
      kind: 'comment_created',
      occurredAt: at(minutes),
      comment: { id: '777', location: 'footer', parentCommentId: null, version: 1 },
    });

  it('replies under the card in a channel, with the comment’s text and author', async () => {
    const confluence = fakeConfluence({
      getCommentAs: async (_a, id) => ({
        id,
        body: '<p>Ship it <em>now</em></p>',
        authorAccountId: 'editor-1',
      }),
    });
    const deps = { ...deliveryDeps(), ...confluence };
    await deliverNotification(deps, edit(3, 0), attemptNo(1));
    expect(await deliverNotification(deps, comment(90), attemptNo(1))).toMatchObject({ via: 'reply' });
    const card = JSON.stringify(cardIn(deps.teams.repliedCards()[0]?.message));
    expect(card).toContain('Ship it now');
    expect(card).toContain('focusedCommentId=777');
  });

  it('posts a comment card when no card exists for the page', async () => {
    const deps = deliveryDeps();
    expect(await deliverNotification(deps, comment(0), attemptNo(1))).toMatchObject({ via: 'post' });
  });

  it('threads a label under the card too', async () => {
    const deps = deliveryDeps();
    await deliverNotification(deps, edit(3, 0), attemptNo(1));
    const label = plannedDelivery({ kind: 'label_added', label: 'launch', occurredAt: at(1) });
    expect(await deliverNotification(deps, label, attemptNo(1))).toMatchObject({ via: 'reply' });
    expect(JSON.stringify(cardIn(deps.teams.repliedCards()[0]?.message))).toContain(
      'Label added: **launch**',
    );
  });
});

describe('no flood: bursts wait for one digest', () => {
  const page = (n: number, minutes: number) =>
    edit(2, minutes, { contentId: String(70000 + n), title: `Page ${n}` });
  const burst = async (deps: DeliveryTestDeps, count: number) => {
    const outcomes = [];
    for (let n = 0; n < count; n += 1)
      outcomes.push(await deliverNotification(deps, page(n, n), attemptNo(1)));
    return outcomes;
  };

  it('posts the first five new cards, then holds the rest and schedules one digest at the window’s end', async () => {
    const deps = deliveryDeps();
    const outcomes = await burst(deps, 8);
    expect(outcomes.map((o) => o.kind)).toEqual([
      'sent',
      'sent',
      'sent',
      'sent',
      'sent',
      'held',
      'held',
      'held',
    ]);
    expect(deps.teams.postedCards()).toHaveLength(5);
    expect(deps.digests.scheduledDigests()).toEqual([
      {
        request: { concurrencyKey: page(0, 0).concurrencyKey, destination: page(0, 0).destination },
        delaySeconds: 5 * 60,
      },
    ]);
    expect(deps.deliveries.recordFor(page(6, 6).deliveryKey)).toMatchObject({
      status: 'held',
      reason: expect.stringContaining('one digest'),
    });
    const activity = deps.activity.activityFor(page(0, 0).concurrencyKey);
    expect(activity?.held.map((h) => h.deliveryKey)).toEqual([5, 6, 7].map((n) => page(n, n).deliveryKey));
    expect(await deliverNotification(deps, page(6, 6), attemptNo(2))).toEqual({
      kind: 'already-done',
      status: 'held',
    });
  });

  it('holds everything past the daily card budget of a channel', async () => {
    const deps = deliveryDeps();
    const key = page(0, 0).concurrencyKey;
    await deps.activity.put(key, {
      ...emptyActivity(),
      day: { date: '2026-11-22', messages: DEFAULT_FLOOD_SETTINGS.dailyCardLimit },
    });
    expect(await deliverNotification(deps, page(0, 0), attemptNo(1))).toEqual({ kind: 'held' });
    expect(deps.deliveries.recordFor(page(0, 0).deliveryKey)?.reason).toContain('daily message limit');
  });
});
