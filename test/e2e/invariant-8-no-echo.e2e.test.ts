import { PRINCIPAL_HEADER } from '../../dev/confluence-sim';
import { runFirstSlice, SLICE_PAGE_TITLE } from '../../dev/sandbox/first-slice';
import { SURFACES, invokeOk } from '../../dev/sandbox/sandbox-driver';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { person } from '../../dev/seed';
import { APP_COMMENT_MARKER_KEY, appCommentMarker } from '../../src/domain/echo-guard';
import { startTestSandbox } from '../support/sandbox-fixture';

/**
 * Invariant 8: events the app itself caused do not echo back to Teams. The app's own changes
 * (asApp) arrive `selfGenerated`, with the app's account as actor; comments it posts for a Teams
 * user (asUser) carry the app's marker property.
 */
describe('invariant 8: events the app itself caused do not come back to Teams', () => {
  let sandbox: Sandbox;
  let pageId: string;
  const mia = person('mia');

  /** Calls the Confluence REST API as the app or a user, as the app's product requests do. */
  const rest = async (principal: string, method: string, path: string, body: unknown) => {
    const response = await fetch(`${sandbox.confluence.url}${path}`, {
      method,
      headers: { [PRINCIPAL_HEADER]: principal, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as { id: string };
  };
  /** What Teams shows: posts, replies and edits of cards (the consumer may update a card in place). */
  const teamsView = () => JSON.stringify(sandbox.microsoft.messages());
  // A send paced by a queue delay goes back to the queue: that push is not a new delivery.
  const queued = () =>
    sandbox.forge.stats.snapshot().queue.eventsPushed -
    sandbox.forge.logs.filter((l) => l.message.startsWith('Delivery paced')).length;
  const settle = () => sandbox.forge.idle({ timeoutMs: 10_000 });
  const lastEvent = () => {
    const event = sandbox.confluence.events.at(-1);
    if (!event) throw new Error('no event was emitted');
    return event;
  };
  /** The event as Confluence would send it if it did not flag the change as the app's own. */
  const unflagged = (payload: object) => {
    const { selfGenerated: _flag, ...rest } = payload as { selfGenerated?: boolean };
    return rest;
  };

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    const { channel, team } = await runFirstSlice(sandbox);
    pageId = sandbox.confluence.findContent(SLICE_PAGE_TITLE).id;
    await invokeOk(sandbox, person('ada'), SURFACES.space('ENG'), 'rules/create', {
      scope: 'space',
      spaceKey: 'ENG',
      events: ['comment_created', 'comment_updated'],
      destination: {
        type: 'channel',
        teamId: team.id,
        channelId: channel?.id ?? '',
        teamName: team.displayName,
        channelName: channel?.displayName ?? '',
      },
      enabled: true,
    });
  }, 60_000);
  afterAll(() => sandbox.stop());

  it('a page edit the app makes as itself gives no message, even when the platform does not flag it', async () => {
    const before = { teams: teamsView(), queued: queued() };
    const page = sandbox.confluence.findContent(SLICE_PAGE_TITLE);
    await rest('app', 'PUT', `/wiki/api/v2/pages/${pageId}`, {
      id: pageId,
      status: 'current',
      title: page.title,
      body: { representation: 'storage', value: '<p>Edited by the app</p>' },
      version: { number: page.version + 1 },
    });
    await settle();
    const { eventType, payload } = lastEvent();
    expect(payload).toMatchObject({ selfGenerated: true });
    await sandbox.forge.emitProductEvent(eventType, unflagged(payload));
    await settle();
    expect([teamsView(), queued()]).toEqual([before.teams, before.queued]);
    expect(
      sandbox.forge.logs.filter((l) => /Content event echo: caused by the app/.test(l.message)),
    ).toHaveLength(2);
  });

  it('a comment the app makes as itself gives no message', async () => {
    const before = { teams: teamsView(), queued: queued() };
    await rest('app', 'POST', '/wiki/api/v2/footer-comments', {
      pageId,
      body: { representation: 'storage', value: '<p>A comment by the app</p>' },
    });
    await settle();
    expect(lastEvent().eventType).toBe('avi:confluence:created:comment');
    expect([teamsView(), queued()]).toEqual([before.teams, before.queued]);
  });

  it('a comment the app posts for a Teams user gives no message, by its marker alone', async () => {
    const before = { teams: teamsView(), queued: queued() };
    await rest(`user:${mia.accountId}`, 'POST', '/wiki/rest/api/content', {
      type: 'comment',
      container: { id: pageId, type: 'page' },
      body: { storage: { representation: 'storage', value: '<p>Replied from Teams</p>' } },
      metadata: {
        properties: { [APP_COMMENT_MARKER_KEY]: { key: APP_COMMENT_MARKER_KEY, value: appCommentMarker(1) } },
      },
    });
    await settle();
    const { eventType, payload } = lastEvent();
    expect(payload).toMatchObject({ atlassianId: mia.accountId });
    // Whether Confluence flags changes an app makes as a user is not documented: drop the flag.
    await sandbox.forge.emitProductEvent(eventType, unflagged(payload));
    await settle();
    // The trigger reads nothing from Confluence; the consumer finds the marker before sending.
    expect(teamsView()).toEqual(before.teams);
    expect(
      sandbox.forge.logs.some((l) =>
        /Delivery skipped .*: A comment the app posted from Teams/.test(l.message),
      ),
    ).toBe(true);
  });

  it('a person’s page edit and comment each give a message', async () => {
    const before = { teams: teamsView(), queued: queued() };
    await sandbox.confluence.editPage(mia.accountId, pageId, { body: '<p>Edited by Mia</p>' });
    await settle();
    const afterEdit = teamsView();
    expect(afterEdit).not.toBe(before.teams);
    await sandbox.confluence.addComment(mia.accountId, pageId, { body: '<p>Typed in Confluence</p>' });
    await settle();
    expect(teamsView()).not.toBe(afterEdit);
    // Each gives a delivery and its personal side (watchers, mentions, authors).
    expect(queued()).toBe(before.queued + 4);
  });
});
