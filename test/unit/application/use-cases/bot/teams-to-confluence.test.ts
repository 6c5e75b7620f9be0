import { authenticateActivity } from '../../../../../src/application/use-cases/bot/authenticate-activity';
import { receiveActivity } from '../../../../../src/application/use-cases/bot/receive-activity';
import type { TenantMapping } from '../../../../../src/domain/tenant-mapping';
import { activity, botEndpointHarness, mapping, TENANT } from '../../../../support/bot-endpoint-harness';
import { aConnection } from '../../../../support/settings-builders';
import {
  aFoundPage,
  fakeCommentWriter,
  fakeContentFinder,
} from '../../../../support/teams-to-confluence-fakes';

const OID = '0f6a3b1c-3333-4a1b-9c1d-000000000003';
const SITE = 'https://acme.atlassian.net';
const restricted = aFoundPage({ id: '666', title: 'Security incident review', viewers: ['mia'] });

/** The endpoint with Mia linked (or nobody), a site of two pages, and comments Confluence may refuse. */
const setup = (options: { linked?: string | null; mapping?: TenantMapping; refuse?: string } = {}) => {
  const linked = options.linked === undefined ? 'mia' : options.linked;
  const h = botEndpointHarness({
    mapping: options.mapping ?? mapping,
    connections: linked ? [aConnection({ accountId: linked, tenantId: TENANT, oid: OID })] : [],
  });
  const finder = fakeContentFinder([aFoundPage(), restricted]);
  const comments = fakeCommentWriter(() => options.refuse ?? null);
  const deps = { ...h.deps, finder, comments };
  const invoke = async (name: string, value: unknown, overrides: Record<string, unknown> = {}) => {
    const authenticated = await authenticateActivity(deps, {
      authorization: 'Bearer x',
      body: JSON.stringify(activity({ type: 'invoke', name, value, ...overrides })),
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Teams' JSON, read field by field
    return (await receiveActivity(deps, authenticated)).body as Record<string, any>;
  };
  return { h, finder, comments, invoke };
};

const search = (query: string, space?: string) => ({
  commandId: 'searchConfluence',
  parameters: [{ name: 'query', value: query }, ...(space ? [{ name: 'space', value: space }] : [])],
  queryOptions: { skip: 0, count: 25 },
});

describe('search from Teams', () => {
  it('runs the search as the person’s linked account and answers with result cards to share', async () => {
    const { invoke, finder } = setup({ linked: 'rex' });
    const answer = await invoke('composeExtension/query', search('launch'));
    expect(finder.searches).toEqual([expect.objectContaining({ accountId: 'rex', start: 0, limit: 25 })]);
    expect(answer.composeExtension.type).toBe('result');
    const titles = answer.composeExtension.attachments.map(
      (a: { preview: { content: { title: string } } }) => a.preview.content.title,
    );
    // Invariant 3: Rex cannot view the restricted page, so it is not among his results.
    expect(titles).toEqual(['Launch checklist']);
    expect(JSON.stringify(answer)).not.toContain('Security incident review');
    expect(answer.composeExtension.attachments[0].content.actions).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'Action.ShowCard', title: 'Comment' })]),
    );
  });

  it('asks an unconnected person to connect, with a link to Confluence’s personal page', async () => {
    const { invoke, finder } = setup({ linked: null });
    const answer = await invoke('composeExtension/query', search('launch'));
    expect(answer.composeExtension).toEqual({
      type: 'auth',
      suggestedActions: {
        actions: [
          {
            type: 'openUrl',
            value: `${SITE}/wiki/apps/app/env/microsoft-teams`,
            title: 'Connect your Confluence account',
          },
        ],
      },
    });
    expect(finder.searches).toEqual([]);
  });

  it.each([
    ['a space key with CQL in it', search('plan', 'ENG" OR space != "X'), 'Type a space key'],
    ['an unknown command', { ...search('plan'), commandId: 'dropTables' }, 'no search command called'],
    ['a value that is not a search', { parameters: 'nope' }, 'does not understand'],
  ])('answers %s with a clear message and searches nothing', async (_, value, text) => {
    const { invoke, finder } = setup();
    const answer = await invoke('composeExtension/query', value);
    expect(answer.composeExtension.type).toBe('message');
    expect(answer.composeExtension.text).toContain(text);
    expect(finder.searches).toEqual([]);
  });

  it('stores nothing while the person types (no replay record for a search)', async () => {
    const { invoke, h } = setup();
    const twice = { id: 'same-id' };
    await invoke('composeExtension/query', search('la'), twice);
    const again = await invoke('composeExtension/query', search('la'), twice);
    expect(again.composeExtension.type).toBe('result');
    // No replay record was written for it: the key is still new.
    expect(await h.deps.activities.firstSeen('a:1xyz|invoke|same-id', 60)).toBe(true);
  });
});

describe('link previews', () => {
  const paste = (url: string) => ({ url });

  it('previews a page the person can view, and tells Teams not to cache it for others', async () => {
    const { invoke } = setup();
    const answer = await invoke(
      'composeExtension/queryLink',
      paste(`${SITE}/wiki/spaces/MKT/pages/101/Launch`),
    );
    expect(answer.composeExtension.attachments).toHaveLength(1);
    expect(answer.composeExtension.attachments[0].content.version).toBe('1.3');
    expect(answer.composeExtension.suggestedActions.actions[0].type).toBe('setCachePolicy');
  });

  it.each([
    ['content the person cannot view (invariant 3)', 'rex', `${SITE}/wiki/spaces/SEC/pages/666/Security`],
    ['a link to another site', 'mia', 'https://evil.atlassian.net/wiki/spaces/MKT/pages/101/Launch'],
    ['a link that names no content', 'mia', `${SITE}/wiki/people/123`],
  ])('gives no preview at all for %s', async (_, linked, url) => {
    const { invoke } = setup({ linked });
    expect(await invoke('composeExtension/queryLink', paste(url))).toEqual({});
  });

  it('gives none when the site admin turned previews off', async () => {
    const { invoke } = setup({ mapping: { ...mapping, linkPreviews: false } });
    expect(await invoke('composeExtension/queryLink', paste(`${SITE}/wiki/spaces/MKT/pages/101/L`))).toEqual(
      {},
    );
  });
});

describe('comments from Teams', () => {
  const comment = (data: Record<string, unknown>) => ({
    action: { type: 'Action.Execute', verb: 'comment', data },
    trigger: 'manual',
  });

  it('posts the comment as the person and replaces their 1:1 card with “You commented”', async () => {
    const { invoke, comments } = setup();
    const answer = await invoke('adaptiveCard/action', comment({ contentId: '101', comment: 'Ship it' }));
    expect(comments.posted).toEqual([
      { accountId: 'mia', target: { contentId: '101' }, body: '<p>Ship it</p>' },
    ]);
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(answer.value)).toContain('You commented');
    expect(JSON.stringify(answer.value)).toContain('Open the comment');
  });

  it('posts a reply to the comment a card is about', async () => {
    const { invoke, comments } = setup();
    await invoke(
      'adaptiveCard/action',
      comment({ contentId: '101', parentCommentId: '55', comment: 'Agreed' }),
    );
    expect(comments.posted[0]?.target).toEqual({ contentId: '101', parentCommentId: '55' });
  });

  it('leaves a shared card in a channel as everyone sees it and tells only the person', async () => {
    const { invoke } = setup();
    const answer = await invoke('adaptiveCard/action', comment({ contentId: '101', comment: 'Ship it' }), {
      conversation: { id: '19:abc@thread.tacv2', tenantId: TENANT, conversationType: 'channel' },
    });
    expect(answer).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'Your comment is on “Launch checklist” in Confluence.',
    });
  });

  it.each([
    ['an empty comment', { contentId: '101', comment: '  ' }, 'Write a comment first.'],
    ['an oversized comment', { contentId: '101', comment: 'x'.repeat(4001) }, 'at most 4000 characters'],
    ['a forged target', { contentId: '101 OR 1=1', comment: 'hi' }, 'not a comment form this app made'],
  ])('refuses %s with a clear error and writes nothing', async (_, data, message) => {
    const { invoke, comments } = setup();
    const answer = await invoke('adaptiveCard/action', comment(data));
    expect(answer).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error' });
    expect(answer.value.message).toContain(message);
    expect(comments.posted).toEqual([]);
  });

  it('gives Confluence’s reason when it refuses, and writes nothing', async () => {
    const { invoke, comments } = setup({ refuse: 'You cannot comment on this in Confluence.' });
    const answer = await invoke('adaptiveCard/action', comment({ contentId: '101', comment: 'hi' }));
    expect(answer.value.message).toBe('You cannot comment on this in Confluence.');
    expect(comments.posted).toEqual([]);
  });

  it('prompts an unconnected person to connect, with the button to Confluence, and writes nothing', async () => {
    const { invoke, comments } = setup({ linked: null });
    const answer = await invoke('adaptiveCard/action', comment({ contentId: '101', comment: 'hi' }));
    expect(JSON.stringify(answer.value)).toContain('Connect your Confluence account first');
    expect(answer.value.actions).toEqual([
      expect.objectContaining({ type: 'Action.OpenUrl', title: 'Open Confluence' }),
    ]);
    expect(comments.posted).toEqual([]);
  });

  it('acts once on a replayed comment invoke', async () => {
    const { invoke, comments } = setup();
    const same = { id: 'captured-invoke' };
    await invoke('adaptiveCard/action', comment({ contentId: '101', comment: 'once' }), same);
    expect(await invoke('adaptiveCard/action', comment({ contentId: '101', comment: 'once' }), same)).toEqual(
      {},
    );
    expect(comments.posted).toHaveLength(1);
  });
});

describe('“Comment in Confluence” on a channel message', () => {
  const message = (html: string) => ({
    commandId: 'commentOnMessage',
    commandContext: 'message',
    messagePayload: { id: '1700000000000', body: { contentType: 'html', content: html } },
  });
  const channel = {
    conversation: { id: '19:abc@thread.tacv2', tenantId: TENANT, conversationType: 'channel' },
  };

  it('asks for the text for the page the message links to, then posts it as the person', async () => {
    const { invoke, comments } = setup();
    const asked = await invoke(
      'composeExtension/fetchTask',
      message(`<p>Read <a href="${SITE}/wiki/spaces/MKT/pages/101/Launch">this</a></p>`),
      channel,
    );
    expect(asked.task.type).toBe('continue');
    expect(JSON.stringify(asked.task.value.card.content)).toContain('Launch checklist');
    const done = await invoke(
      'composeExtension/submitAction',
      {
        ...message(''),
        data: { contentId: '101', contentType: 'page', title: 'Launch checklist', comment: 'Noted' },
      },
      channel,
    );
    expect(done).toEqual({
      task: { type: 'message', value: 'Your comment is on “Launch checklist” in Confluence.' },
    });
    expect(comments.posted).toEqual([
      { accountId: 'mia', target: { contentId: '101', contentType: 'page' }, body: '<p>Noted</p>' },
    ]);
  });

  it.each([
    ['no link to this site', '<p>https://evil.atlassian.net/wiki/spaces/MKT/pages/101</p>', 'no link'],
    ['a page the person cannot view', `<p>${SITE}/wiki/spaces/SEC/pages/404</p>`, 'cannot view'],
  ])('says so for a message with %s', async (_, html, text) => {
    const { invoke } = setup();
    const answer = await invoke('composeExtension/fetchTask', message(html), channel);
    expect(answer.task.type).toBe('message');
    expect(answer.task.value).toContain(text);
  });

  it('asks again with the reason when the text is empty, and writes nothing', async () => {
    const { invoke, comments } = setup();
    const answer = await invoke(
      'composeExtension/submitAction',
      { ...message(''), data: { contentId: '101', title: 'Launch checklist', comment: '' } },
      channel,
    );
    expect(answer.task.type).toBe('continue');
    expect(JSON.stringify(answer.task.value.card.content)).toContain('Write a comment first.');
    expect(comments.posted).toEqual([]);
  });

  it('answers an action the app does not have with a clear message', async () => {
    const { invoke } = setup();
    const answer = await invoke(
      'composeExtension/fetchTask',
      { ...message(''), commandId: 'other' },
      channel,
    );
    expect(answer).toEqual({ task: { type: 'message', value: 'This app has no action called “other”.' } });
  });
});
