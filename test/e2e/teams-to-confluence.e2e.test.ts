import { PRINCIPAL_HEADER } from '../../dev/confluence-sim';
import { runFirstSlice, SLICE_PAGE_TITLE } from '../../dev/sandbox/first-slice';
import { SURFACES, invokeOk, signInAtMicrosoft } from '../../dev/sandbox/sandbox-driver';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { TENANT, person, type SeedPerson } from '../../dev/seed';
import { startTestSandbox } from '../support/sandbox-fixture';

/**
 * From Teams to Confluence, end to end in the sandbox: the simulator's Teams signs each invoke
 * as Teams does, the app's bot endpoint answers it in the response body, acting as the person's
 * linked Confluence account: search, link previews, comments from cards and from a message.
 */
describe('from Teams to Confluence: search, previews and comments as the person', () => {
  let sandbox: Sandbox;
  let pageId: string;
  let pageUrl: string;
  const [mia, rex, vic] = [person('mia'), person('rex'), person('vic')];
  const channel = (teamId: string, channelId: string) => ({
    conversation: { id: `19:${channelId}@thread.tacv2`, tenantId: TENANT.id, conversationType: 'channel' },
    channelData: { team: { id: teamId }, channel: { id: channelId } },
  });
  let inChannel: Record<string, unknown> = {};

  const settle = () => sandbox.forge.idle({ timeoutMs: 20_000 });
  const invoke = async (
    who: SeedPerson,
    name: string,
    value: unknown,
    extra: Record<string, unknown> = {},
  ) => {
    const answer = await sandbox.microsoft.botChannel.send({
      from: who.oid,
      activity: { type: 'invoke', name, value, ...extra },
    });
    expect(answer.status).toBe(200);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Teams' JSON, read field by field
    return answer.body as Record<string, any>;
  };
  const search = (who: SeedPerson, query: string, space?: string) =>
    invoke(who, 'composeExtension/query', {
      commandId: 'searchConfluence',
      parameters: [{ name: 'query', value: query }, ...(space ? [{ name: 'space', value: space }] : [])],
      queryOptions: { skip: 0, count: 25 },
    });
  const titlesOf = (answer: Awaited<ReturnType<typeof invoke>>): string[] =>
    answer.composeExtension.attachments.map(
      (a: { preview: { content: { title: string } } }) => a.preview.content.title,
    );
  const logIn = async (who: SeedPerson) => {
    const login = await invokeOk(sandbox, who, SURFACES.personal, 'connection/start-login', {});
    expect((await signInAtMicrosoft(sandbox, login.url, who)).status).toBe(200);
  };
  /** The page's footer comments as Confluence keeps them (read as Ada, who sees everything). */
  const commentsOn = async (id: string) => {
    const response = await fetch(
      `${sandbox.confluence.url}/wiki/api/v2/pages/${id}/footer-comments?body-format=storage`,
      {
        headers: { [PRINCIPAL_HEADER]: `user:${person('ada').accountId}` },
      },
    );
    const body = (await response.json()) as {
      results: Array<{ id: string; body: { storage: { value: string } }; version: { authorId: string } }>;
    };
    return body.results.map((c) => ({ id: c.id, text: c.body.storage.value, by: c.version.authorId }));
  };
  const channelCards = () => JSON.stringify(sandbox.microsoft.messages());

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    const { team, channel: general } = await runFirstSlice(sandbox);
    inChannel = channel(team.id, general?.id ?? '');
    // Comments on ENG pages go to the same channel, so an echo of a comment from Teams would show.
    await invokeOk(sandbox, person('ada'), SURFACES.space('ENG'), 'rules/create', {
      scope: 'space',
      spaceKey: 'ENG',
      events: ['comment_created'],
      destination: {
        type: 'channel',
        teamId: team.id,
        channelId: general?.id ?? '',
        teamName: team.displayName,
        channelName: general?.displayName ?? '',
      },
      enabled: true,
    });
    for (const who of [mia, rex]) {
      await sandbox.microsoft.botChannel.send({
        from: who.oid,
        activity: { type: 'installationUpdate', action: 'add' },
      });
      await logIn(who);
    }
    await settle();
    const page = sandbox.confluence.findContent(SLICE_PAGE_TITLE);
    pageId = page.id;
    pageUrl = `${sandbox.confluence.url}/wiki/spaces/ENG/pages/${pageId}/Release+plan+2027`;
  });
  afterAll(() => sandbox.stop());

  describe('search and share', () => {
    it('finds pages by title and text as the person, and each result is a card to share', async () => {
      const answer = await search(mia, 'release plan');
      expect(answer.composeExtension.type).toBe('result');
      expect(titlesOf(answer)).toContain(SLICE_PAGE_TITLE);
      const card = answer.composeExtension.attachments[titlesOf(answer).indexOf(SLICE_PAGE_TITLE)].content;
      expect(JSON.stringify(card)).toContain(`/pages/${pageId}/`);
      expect(card.actions.map((a: { title: string }) => a.title)).toEqual(['Open in Confluence', 'Comment']);
    });

    it('stores nothing while the person types: no KVS write for a search', async () => {
      await search(mia, 'rel');
      sandbox.forge.stats.reset();
      await search(mia, 'release');
      const { ops } = sandbox.forge.stats.snapshot().kvs;
      const writes = Object.entries(ops).filter(([op, n]) => !/get|query/i.test(op) && n > 0);
      expect(writes).toEqual([]);
      expect(Object.values(ops).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    });

    it('narrows to one space', async () => {
      const answer = await search(mia, '', 'MKT');
      expect(titlesOf(answer).length).toBeGreaterThan(0);
      expect(titlesOf(answer)).not.toContain(SLICE_PAGE_TITLE);
    });

    it('invariant 3: Rex never sees “Security incident review” in a result; Mia, who may view it, does', async () => {
      for (const query of ['security incident review', 'incident', '']) {
        expect(JSON.stringify(await search(rex, query))).not.toContain('Security incident review');
      }
      expect(titlesOf(await search(mia, 'security incident'))).toContain('Security incident review');
    });

    it('treats CQL in the query as words: no error, no way out of the person’s view', async () => {
      const answer = await search(rex, 'review" OR title ~ "Security');
      expect(answer.composeExtension.type).toBe('result');
      expect(JSON.stringify(answer)).not.toContain('Security incident review');
    });

    it('asks someone who has not connected to connect, with Confluence’s personal page', async () => {
      const answer = await search(vic, 'plan');
      expect(answer.composeExtension.type).toBe('auth');
      expect(answer.composeExtension.suggestedActions.actions[0].value).toContain('/wiki/apps/');
    });
  });

  describe('link previews', () => {
    const paste = (who: SeedPerson, url: string) => invoke(who, 'composeExtension/queryLink', { url });

    it('previews a page with its space, author, last update and an excerpt', async () => {
      const answer = await paste(mia, pageUrl);
      const card = JSON.stringify(answer.composeExtension.attachments[0].content);
      expect(card).toContain(SLICE_PAGE_TITLE);
      expect(card).toContain('Engineering');
      expect(card).toContain('Launch moves to the second week of March');
      expect(card).toMatch(/By .+ · updated/);
    });

    it('previews a space', async () => {
      const answer = await paste(mia, `${sandbox.confluence.url}/wiki/spaces/ENG/overview`);
      expect(answer.composeExtension.attachments[0].preview.content.title).toBe('Engineering');
    });

    it('invariant 3: no preview at all for content the person cannot view', async () => {
      const secret = sandbox.confluence.findContent('Security incident review');
      const url = `${sandbox.confluence.url}/wiki/spaces/${secret.spaceKey}/pages/${secret.id}`;
      expect(await paste(rex, url)).toEqual({});
      expect(JSON.stringify(await paste(mia, url))).toContain('Security incident review');
    });

    it('gives none for a link to another site', async () => {
      expect(await paste(mia, `https://elsewhere.atlassian.net/wiki/spaces/ENG/pages/${pageId}`)).toEqual({});
    });

    it('gives none once a site admin turns previews off, and again once turned on', async () => {
      const ada = person('ada');
      await invokeOk(sandbox, ada, SURFACES.global, 'teams-app/link-previews', { enabled: false });
      expect(await paste(mia, pageUrl)).toEqual({});
      await invokeOk(sandbox, ada, SURFACES.global, 'teams-app/link-previews', { enabled: true });
      expect((await paste(mia, pageUrl)).composeExtension.attachments).toHaveLength(1);
    });
  });

  describe('comments', () => {
    const commentAction = (data: Record<string, unknown>) => ({
      action: { type: 'Action.Execute', verb: 'comment', data },
      trigger: 'manual',
    });

    it('posts from the Comment box as the person, and it does not come back to Teams (invariant 8)', async () => {
      const before = channelCards();
      const answer = await invoke(
        mia,
        'adaptiveCard/action',
        commentAction({ contentId: pageId, comment: 'Ship it <b>now</b>' }),
      );
      expect(JSON.stringify(answer.value)).toContain('You commented');
      const comments = await commentsOn(pageId);
      expect(comments.at(-1)).toMatchObject({
        text: '<p>Ship it &lt;b&gt;now&lt;/b&gt;</p>',
        by: mia.accountId,
      });
      await settle();
      expect(channelCards()).toBe(before);
      // The control: the same comment written in Confluence does reach the channel.
      await sandbox.confluence.addComment(mia.accountId, pageId, { body: '<p>Written in Confluence</p>' });
      await settle();
      expect(channelCards()).toContain('Written in Confluence');
    });

    it('posts a reply to the comment a card is about', async () => {
      const [first] = await commentsOn(pageId);
      await invoke(
        mia,
        'adaptiveCard/action',
        commentAction({ contentId: pageId, parentCommentId: first?.id, comment: 'Replying' }),
      );
      const replies = await fetch(
        `${sandbox.confluence.url}/wiki/api/v2/footer-comments/${first?.id}/children?body-format=storage`,
        {
          headers: { [PRINCIPAL_HEADER]: `user:${mia.accountId}` },
        },
      );
      expect(JSON.stringify(await replies.json())).toContain('Replying');
    });

    it.each([
      ['an empty comment', { comment: ' ' }, 'Write a comment first.'],
      ['an oversized comment', { comment: 'x'.repeat(5000) }, 'at most 4000 characters'],
    ])('refuses %s with a clear error and writes nothing', async (_, data, message) => {
      const before = (await commentsOn(pageId)).length;
      const answer = await invoke(mia, 'adaptiveCard/action', commentAction({ contentId: pageId, ...data }));
      expect(answer).toMatchObject({ statusCode: 400, value: { message: expect.stringContaining(message) } });
      expect(await commentsOn(pageId)).toHaveLength(before);
    });

    it('gives Confluence’s reason when the person may not comment, and writes nothing', async () => {
      const secret = sandbox.confluence.findContent('Security incident review');
      const answer = await invoke(
        rex,
        'adaptiveCard/action',
        commentAction({ contentId: secret.id, comment: 'hi' }),
      );
      expect(answer).toMatchObject({ statusCode: 400 });
      expect(answer.value.message).toMatch(/cannot view it|cannot comment/);
    });

    it('“Comment in Confluence” on a channel message that links to the page asks for text and posts it', async () => {
      const payload = {
        id: '1701000000000',
        body: { contentType: 'html', content: `<p>Have a look: <a href="${pageUrl}">${pageUrl}</a></p>` },
      };
      const asked = await invoke(
        mia,
        'composeExtension/fetchTask',
        {
          commandId: 'commentOnMessage',
          commandContext: 'message',
          messagePayload: payload,
        },
        inChannel,
      );
      expect(JSON.stringify(asked.task.value.card.content)).toContain(SLICE_PAGE_TITLE);
      const submit = asked.task.value.card.content.actions[0].data;
      const done = await invoke(
        mia,
        'composeExtension/submitAction',
        {
          commandId: 'commentOnMessage',
          commandContext: 'message',
          messagePayload: payload,
          data: { ...submit, comment: 'From the channel' },
        },
        inChannel,
      );
      expect(done.task.value).toContain('Your comment is on');
      expect((await commentsOn(pageId)).at(-1)).toMatchObject({
        text: '<p>From the channel</p>',
        by: mia.accountId,
      });
    });
  });
});
