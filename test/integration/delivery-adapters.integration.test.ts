import { CHATS, TEAMS, person } from '../../dev/seed';
import type { CommentSummary, ContentSummary } from '../../src/application/ports/confluence';
import { activityKey } from '../../src/adapters/kvs-destination-activity.adapter';
import { emptyActivity } from '../../src/domain/destination-activity';
import type { GraphDestination } from '../../src/domain/rule';
import { startAdapterHarness, type AdapterHarness } from './support/adapter-harness';
import { consentAndSignIn } from './support/microsoft-sign-in';

/** What the Teams messenger takes: a card and its send id. */
const card = (text: string) => ({
  card: { type: 'AdaptiveCard', version: '1.4', body: [{ type: 'TextBlock', text }] },
  sendId: 'a1',
});

describe('the queue consumer’s adapters against the simulators', () => {
  let h: AdapterHarness;
  const mia = person('mia').accountId;
  const rex = person('rex').accountId;
  beforeAll(async () => {
    h = await startAdapterHarness();
  });
  afterAll(() => h.stop());

  describe('Confluence, read as a rule’s owner', () => {
    it('reads content with its ancestors’ titles, labels and the site base', async () => {
      const page = h.confluence.findContent('Release plan 2027');
      const seen = await h.value<ContentSummary>('content', 'getContentAs', mia, page.id);
      expect(seen).toMatchObject({
        ancestors: [{ title: 'Engineering home' }],
        labels: ['release', 'planning'],
        baseUrl: `${h.confluence.url}/wiki`,
      });
    });

    it('evaluates `id = <id> AND (<cql>)` as the owner', async () => {
      const page = h.confluence.findContent('Release plan 2027').id;
      const secret = h.confluence.findContent('Security incident review').id;
      expect(await h.value('search', 'matchesCqlAs', mia, page, 'label = release')).toBe(true);
      expect(await h.value('search', 'matchesCqlAs', mia, page, 'label = adr OR space = MKT')).toBe(false);
      expect(await h.value('search', 'matchesCqlAs', mia, secret, 'space = ENG')).toBe(true);
      expect(await h.value('search', 'matchesCqlAs', rex, secret, 'space = ENG')).toBe(false);
      expect(await h.value('search', 'matchesCqlAs', mia, page, 'label = (')).toBe(false);
    });

    it('invariant 3: a filter that closes `id = <id> AND (…)` early matches nothing', async () => {
      const page = h.confluence.findContent('Release plan 2027').id;
      // Stored before save-time checks existed: without a guard this finds every page Mia can see.
      const breakout = 'label = no-such-label) OR (type = page';
      expect(await h.value('search', 'matchesCqlAs', mia, page, breakout)).toBe(false);
    });

    it('reads the body of an earlier version, and nothing the owner may not view', async () => {
      const page = h.confluence.findContent('Release plan 2027');
      expect(await h.value('content', 'getVersionBodyAs', mia, page.id, 1)).toBe(
        '<p>Quarterly release train for 2027.</p>',
      );
      expect(await h.value('content', 'getVersionBodyAs', mia, page.id, 2)).toContain(
        'Q1: Teams integration beta',
      );
      const secret = h.confluence.findContent('Security incident review').id;
      expect(await h.value('content', 'getVersionBodyAs', rex, secret, 1)).toBeNull();
    });

    it('reads a comment with its author, and not a comment on a page the owner may not view', async () => {
      const page = h.confluence.findContent('Release plan 2027');
      const comment = await h.confluence.addComment(mia, page.id, { body: '<p>Looks <b>good</b></p>' });
      expect(await h.value<CommentSummary>('content', 'getCommentAs', rex, comment.id)).toEqual({
        id: comment.id,
        body: '<p>Looks <b>good</b></p>',
        authorAccountId: mia,
      });
      const secret = h.confluence.findContent('Security incident review');
      const hidden = await h.confluence.addComment(mia, secret.id, { body: '<p>root cause</p>' });
      expect(await h.value('content', 'getCommentAs', rex, hidden.id)).toBeNull();
    });
  });

  describe('Graph: edits and replies as the sender', () => {
    const general: GraphDestination = {
      type: 'channel',
      teamId: TEAMS[0].id,
      channelId: TEAMS[0].channels[0].id,
      teamName: 'Engineering',
      channelName: 'General',
    };
    const chat: GraphDestination = { type: 'chat', chatId: CHATS[0].id, chatName: 'Docs crew' };

    it('updates its own card, replies in its thread, and reports what Teams refuses', async () => {
      const token = (await consentAndSignIn(h, 'ada')).accessToken;
      const { messageId } = await h.value<{ messageId: string }>(
        'graph',
        'postMessage',
        token,
        general,
        card('v1'),
      );
      await h.value('graph', 'updateMessage', token, general, messageId, card('v2'));
      const reply = await h.value<{ messageId: string }>(
        'graph',
        'replyToMessage',
        token,
        general,
        messageId,
        card('r'),
      );
      const posted = h.microsoft.messages().find((m) => m.id === messageId);
      expect(JSON.stringify(posted?.attachments[0]?.card)).toContain('v2');
      expect(posted?.replies.map((r) => r.id)).toEqual([reply.messageId]);

      const samToken = (await consentAndSignIn(h, 'sam')).accessToken;
      expect(
        await h.call('graph', 'updateMessage', samToken, general, messageId, card('hijack')),
      ).toMatchObject({
        ok: false,
        name: 'MicrosoftRequestError',
        status: 403,
      });
      const inChat = await h.value<{ messageId: string }>('graph', 'postMessage', token, chat, card('c1'));
      expect(await h.call('graph', 'updateMessage', token, chat, inChat.messageId, card('c2'))).toMatchObject(
        {
          ok: false,
          status: 403,
        },
      );
    });
  });

  describe('KVS and the queue', () => {
    it('keeps a destination’s activity', async () => {
      const activity = { ...emptyActivity(), burst: { startedAt: 1, count: 2 } };
      await h.value('activity', 'put', 'dest-abc/def', activity);
      expect(await h.value('activity', 'get', 'dest-abc/def')).toEqual(activity);
      expect(await h.value('activity', 'get', 'dest-other')).toBeNull();
    });

    it('keeps each page’s card apart: a delivery reads and writes its page’s card only', async () => {
      const cardFor = (messageId: string, version: number) => ({
        messageId,
        postedAt: 1_000,
        senderAccountId: mia,
        kind: 'page_updated',
        baseVersion: 1,
        version,
        edits: 1,
      });
      const [a, b] = [cardFor('m-a', 2), cardFor('m-b', 5)];
      await h.value('activity', 'put', 'dest-cards', { ...emptyActivity(), cards: { '100': a, '200': b } });
      h.forge.stats.reset();
      expect(await h.value('activity', 'get', 'dest-cards', ['100'])).toEqual({
        ...emptyActivity(),
        cards: { '100': a },
      });
      // A later write with page 100's card alone leaves page 200's where it was.
      const a2 = { ...a, version: 3, edits: 2 };
      await h.value('activity', 'put', 'dest-cards', {
        ...emptyActivity(),
        lastRequestAt: 9,
        cards: { '100': a2 },
      });
      expect(await h.value('activity', 'get', 'dest-cards', ['100', '200'])).toEqual({
        ...emptyActivity(),
        lastRequestAt: 9,
        cards: { '100': a2, '200': b },
      });
      expect(h.forge.stats.snapshot().kvs.ops).toEqual({ batchGet: 2, batchSet: 1 });
      // The record itself holds no card: its size does not grow with the pages a channel follows.
      expect(await h.value('activity', 'get', 'dest-cards')).toEqual({
        ...emptyActivity(),
        lastRequestAt: 9,
      });
    });

    it('reads the cards a record kept inside it before they had their own keys, and moves them out', async () => {
      const legacyCard = {
        messageId: 'm-old',
        postedAt: 1_000,
        senderAccountId: mia,
        kind: 'page_created',
        baseVersion: 0,
        version: 1,
        edits: 1,
      };
      const legacy = {
        ...emptyActivity(),
        cards: { '300': legacyCard, '400': { ...legacyCard, messageId: 'm-400' } },
      };
      await h.value('rawKvs', 'set', activityKey('dest-legacy'), legacy);
      const read = await h.value<{ cards: Record<string, unknown> }>('activity', 'get', 'dest-legacy', [
        '300',
      ]);
      expect(read.cards).toEqual(legacy.cards);
      await h.value('activity', 'put', 'dest-legacy', read);
      expect(await h.value('rawKvs', 'get', activityKey('dest-legacy'))).toMatchObject({ cards: {} });
      expect(await h.value('activity', 'get', 'dest-legacy', ['400'])).toEqual({
        ...emptyActivity(),
        cards: { '400': legacy.cards['400'] },
      });
    });

    it('schedules a digest on the delivery queue under the destination’s concurrency key', async () => {
      const request = {
        concurrencyKey: 'dest-abc',
        destination: { type: 'chat', chatId: '19:x@thread.v2', chatName: 'x' },
      };
      await h.value('digests', 'schedule', request, 2);
      await h.forge.idle({ timeoutMs: 10_000 });
      const received = (await h.received()) as Array<{ body: unknown }>;
      expect(received.map((e) => e.body)).toContainEqual({ digest: request });
    });
  });
});
