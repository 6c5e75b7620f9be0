import { PRINCIPAL_HEADER } from '../../dev/confluence-sim';
import type { SearchItem } from '../../dev/ms-sim';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { person } from '../../dev/seed';
import { logInToTeams, mapTenant } from '../support/notification-fixture';
import { startTestSandbox } from '../support/sandbox-fixture';

/**
 * The simulator's Teams client (`sandbox.microsoft.teams`) against the app's bot endpoint: the
 * invokes exactly as the Teams view sends them (initialRun first, a channel conversation with
 * `;messageid=`, the whole Graph message as `messagePayload`) get the app's real answers.
 */
describe('the Teams view’s invokes, answered by the app', () => {
  let sandbox: Sandbox;
  const [mia, rex] = [person('mia'), person('rex')];
  const GENERAL = '19:eng-general@thread.tacv2';
  const SECRET = 'Security incident review';
  const urlOf = (title: string) => {
    const content = sandbox.confluence.findContent(title);
    return `${sandbox.confluence.url}/wiki/spaces/${content.spaceKey}/pages/${content.id}`;
  };
  const commentsOn = async (title: string): Promise<string> => {
    const id = sandbox.confluence.findContent(title).id;
    const answer = await fetch(
      `${sandbox.confluence.url}/wiki/api/v2/pages/${id}/footer-comments?body-format=storage`,
      {
        headers: { [PRINCIPAL_HEADER]: `user:${person('ada').accountId}` },
      },
    );
    return JSON.stringify(await answer.json());
  };
  const resultsOf = async (who: typeof mia, query?: string): Promise<SearchItem[]> => {
    const { outcome } = await sandbox.microsoft.teams.search({ from: who.oid, conversation: GENERAL, query });
    if (outcome.kind !== 'results') throw new Error(`Expected results, got ${JSON.stringify(outcome)}`);
    return outcome.items;
  };
  /** The Comment box's Action.Execute inside a card's Action.ShowCard. */
  const commentActionOf = (card: Record<string, unknown>) => {
    const showCard = (card.actions as Array<{ type: string; card?: { actions: unknown[] } }>).find(
      (a) => a.type === 'Action.ShowCard',
    );
    return showCard?.card?.actions[0] as { verb: string; data: Record<string, unknown> };
  };

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    await mapTenant(sandbox);
    for (const who of [mia, rex]) {
      sandbox.microsoft.bot.install(who.oid);
      await logInToTeams(sandbox, who);
    }
  });
  afterAll(() => sandbox.stop());

  it('opening the search (initialRun) lists content as the person; typing narrows it', async () => {
    expect((await resultsOf(mia)).length).toBeGreaterThan(0);
    expect((await resultsOf(mia, 'release plan')).map((i) => i.title)).toContain('Release plan 2027');
  });

  it('invariant 3: Rex never sees “Security incident review” in a result or a preview; Mia does', async () => {
    for (const query of [undefined, 'security incident review', 'incident']) {
      expect(JSON.stringify(await resultsOf(rex, query))).not.toContain(SECRET);
    }
    const rexPaste = await sandbox.microsoft.teams.pasteLink({
      from: rex.oid,
      conversation: GENERAL,
      url: urlOf(SECRET),
    });
    expect(rexPaste.outcome).toEqual({ kind: 'none' });
    const miaPaste = await sandbox.microsoft.teams.pasteLink({
      from: mia.oid,
      conversation: GENERAL,
      url: urlOf(SECRET),
    });
    expect(JSON.stringify(miaPaste.outcome)).toContain(SECRET);
  });

  it('a shared search result’s Comment box posts on the page as the person, from the channel', async () => {
    const [found] = (await resultsOf(mia, 'release plan')).filter((i) => i.title === 'Release plan 2027');
    if (!found) throw new Error('No result for the page');
    const shared = sandbox.microsoft.teams.postComposed({
      from: mia.oid,
      conversation: GENERAL,
      cards: [found.card],
    });
    const action = commentActionOf(found.card);
    const { outcome } = await sandbox.microsoft.teams.executeOnMessage({
      from: mia.oid,
      conversation: GENERAL,
      messageId: shared.id,
      verb: action.verb,
      data: { ...action.data, comment: 'From a shared card' },
    });
    expect(outcome).toEqual({ kind: 'message', text: expect.stringContaining('Your comment is on') });
    expect(await commentsOn('Release plan 2027')).toContain('From a shared card');
    // The message holds no link but its card: Teams hands the card over as Graph keeps it (a JSON string).
    const asked = await sandbox.microsoft.teams.messageAction({
      from: rex.oid,
      conversation: GENERAL,
      messageId: shared.id,
    });
    expect(asked.outcome).toMatchObject({ kind: 'card', card: expect.anything() });
    expect(JSON.stringify(asked.outcome)).toContain('Release plan 2027');
  });

  it('the message action on a channel message with a link asks for text and posts it; its submit carries the inputs', async () => {
    const message = sandbox.microsoft.teams.postComposed({
      from: rex.oid,
      conversation: GENERAL,
      text: `Notes: ${urlOf('Release plan 2027')}`,
    });
    const asked = await sandbox.microsoft.teams.messageAction({
      from: mia.oid,
      conversation: GENERAL,
      messageId: message.id,
    });
    if (asked.outcome.kind !== 'card')
      throw new Error(`Expected a dialog card, got ${JSON.stringify(asked.outcome)}`);
    const submit = (asked.outcome.card.actions as Array<{ data?: Record<string, unknown> }>)[0]?.data ?? {};
    const done = await sandbox.microsoft.teams.submitAction({
      from: mia.oid,
      conversation: GENERAL,
      messageId: message.id,
      data: { ...submit, comment: 'From the message action' },
    });
    expect(done.outcome).toEqual({ kind: 'message', text: expect.stringContaining('Your comment is on') });
    expect(await commentsOn('Release plan 2027')).toContain('From the message action');
  });

  it('bad input gets a clear answer and writes nothing: unknown commands, an empty comment', async () => {
    const before = await commentsOn('Release plan 2027');
    const message = sandbox.microsoft.teams.postComposed({
      from: mia.oid,
      conversation: GENERAL,
      text: urlOf('Release plan 2027'),
    });
    const unknown = await sandbox.microsoft.teams.submitAction({
      from: mia.oid,
      conversation: GENERAL,
      messageId: message.id,
      commandId: 'deleteEverything',
      data: { comment: 'nope' },
    });
    expect(unknown.answer.status).toBe(200);
    expect(unknown.outcome.kind).not.toBe('close');
    const unknownSearch = await sandbox.microsoft.teams.search({
      from: mia.oid,
      query: 'x',
      commandId: 'nope',
    });
    expect(unknownSearch.outcome).toEqual({
      kind: 'message',
      text: expect.stringContaining('no search command'),
    });
    const empty = await sandbox.microsoft.teams.submitAction({
      from: mia.oid,
      conversation: GENERAL,
      messageId: message.id,
      data: { comment: '   ' },
    });
    expect(JSON.stringify(empty.outcome)).toMatch(/comment/i);
    expect(await commentsOn('Release plan 2027')).toBe(before);
  });
});
