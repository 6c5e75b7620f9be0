import { SURFACES, invokeOk, signInAtMicrosoft } from '../../dev/sandbox/sandbox-driver';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { person, type SeedPerson } from '../../dev/seed';
import { DEFAULT_PREFERENCES } from '../../src/domain/preferences';
import { startSandboxAfterFirstSlice } from '../support/sandbox-fixture';

/**
 * The companion bot end to end in the sandbox: Teams (the simulator) signs activities to the
 * app's bot endpoint, the app answers through the Bot Connector into each person's 1:1 chat.
 */
describe('the companion bot in each person’s 1:1 chat', () => {
  const mia = person('mia');
  const sam = person('sam');
  let sandbox: Sandbox;

  const settle = () => sandbox.forge.idle({ timeoutMs: 20_000 });
  /** What the bot said to a person, oldest first: each card's JSON, or the text. */
  const chatOf = (who: SeedPerson) =>
    sandbox.microsoft.bot.activities(who.oid).map((a) => (a.card ? JSON.stringify(a.card) : (a.text ?? '')));
  const addApp = async (who: SeedPerson) => {
    const answer = await sandbox.microsoft.botChannel.send({
      from: who.oid,
      activity: { type: 'installationUpdate', action: 'add' },
    });
    expect(answer.status).toBe(200);
    await settle();
  };
  const logIn = async (who: SeedPerson) => {
    const login = await invokeOk(sandbox, who, SURFACES.personal, 'connection/start-login', {});
    expect((await signInAtMicrosoft(sandbox, login.url, who)).status).toBe(200);
    await settle();
  };
  const editPage = async (title: string, body: string) => {
    await sandbox.confluence.editPage(mia.accountId, sandbox.confluence.findContent(title).id, { body });
    await settle();
  };

  beforeAll(async () => {
    sandbox = await startSandboxAfterFirstSlice();
  });
  afterAll(() => sandbox.stop());

  it('app first: a welcome, then the confirmation once the login is done in Confluence', async () => {
    await addApp(mia);
    expect(chatOf(mia)).toEqual([expect.stringContaining('Welcome to Teams for Confluence')]);
    await logIn(mia);
    expect(chatOf(mia)).toEqual([
      expect.stringContaining('Welcome to Teams for Confluence'),
      expect.stringContaining('Your Confluence account **Mia Member** is connected'),
    ]);
  });

  it('login first: nothing to write to yet, then the confirmation (not a welcome) when the app is added', async () => {
    await logIn(sam);
    expect(chatOf(sam)).toEqual([]);
    await addApp(sam);
    expect(chatOf(sam)).toEqual([
      expect.stringContaining('Your Confluence account **Sam Spaceadmin** is connected'),
    ]);
  });

  it('answers commands typed in the chat', async () => {
    await sandbox.microsoft.botChannel.send({ from: sam.oid, activity: { text: 'status' } });
    await settle();
    expect(chatOf(sam).at(-1)).toContain('Connected as Sam Spaceadmin');
  });

  it('acts once on a replayed activity (the same id within the token’s lifetime)', async () => {
    const before = chatOf(sam).length;
    for (let i = 0; i < 2; i += 1) {
      const answer = await sandbox.microsoft.botChannel.send({
        from: sam.oid,
        activity: { id: 'replayed-activity-1', text: 'help' },
      });
      expect(answer.status).toBe(200);
    }
    await settle();
    expect(chatOf(sam)).toHaveLength(before + 1);
  });

  it('sends a "me personally" rule’s card into its owner’s chat, checked as the owner, saying why', async () => {
    await invokeOk(sandbox, sam, SURFACES.space('ENG'), 'rules/create', {
      scope: 'space',
      spaceKey: 'ENG',
      events: ['page_updated'],
      destination: { type: 'personal' },
      enabled: true,
    });
    await editPage('Release plan 2027', '<p>Personal card, please.</p>');
    const card = chatOf(sam).at(-1) ?? '';
    expect(card).toContain('Release plan 2027');
    // Sam also watches the page (its author): one card, naming both reasons.
    expect(card).toContain('You get this because one of your rules sends it to you and you watch this page');
    expect(chatOf(sam).filter((c) => c.includes('Personal card, please'))).toHaveLength(1);
    const rows = Object.values(sandbox.forge.kvsDump().entities['delivery'] ?? {});
    expect(JSON.stringify(rows)).toContain('one of your rules sends it to you');
  });

  it('tells a person about a new @mention of them and a reply to their comment', async () => {
    const page = sandbox.confluence.findContent('Release plan 2027');
    await editPage(
      'Release plan 2027',
      `<p>Over to <ac:link><ri:user ri:account-id="${sam.accountId}" /></ac:link>.</p>`,
    );
    expect(chatOf(sam).at(-1)).toContain('you were mentioned');
    // The card's text keeps the mention, by name.
    expect(chatOf(sam).at(-1)).toContain('Over to @Sam Spaceadmin');
    const question = await sandbox.confluence.addComment(sam.accountId, page.id, {
      body: '<p>Who signs off?</p>',
    });
    await settle();
    const before = chatOf(sam).length;
    await sandbox.confluence.addComment(mia.accountId, page.id, {
      body: '<p>Ada does.</p>',
      parentCommentId: question.id,
    });
    await settle();
    expect(chatOf(sam)).toHaveLength(before + 1);
    expect(chatOf(sam).at(-1)).toContain('it replies to your comment');
  });

  it('holds personal cards during quiet hours and sends them in one card when they end', async () => {
    const now = new Date();
    const hhmm = (d: Date) => d.toISOString().slice(11, 16);
    // Quiet hours around the app's own clock (the real one), in UTC.
    const quiet = {
      ...DEFAULT_PREFERENCES,
      quietHours: {
        enabled: true,
        start: hhmm(new Date(now.getTime() - 60 * 60_000)),
        end: hhmm(new Date(now.getTime() + 60 * 60_000)),
        timeZone: 'UTC',
      },
    };
    await invokeOk(sandbox, sam, SURFACES.personal, 'preferences/save', quiet);
    const before = chatOf(sam).length;
    await editPage('Release plan 2027', '<p>During quiet hours.</p>');
    expect(chatOf(sam)).toHaveLength(before);
    const rows = JSON.stringify(Object.values(sandbox.forge.kvsDump().entities['delivery'] ?? {}));
    expect(rows).toContain('Held for your quiet hours');
    // Quiet hours end (here: Sam turns them off); the next scheduled run sends what waited.
    await invokeOk(sandbox, sam, SURFACES.personal, 'preferences/save', {
      ...quiet,
      quietHours: { ...quiet.quietHours, enabled: false },
    });
    expect(await sandbox.forge.runScheduledTrigger('personal-digests')).toMatchObject({ ok: true });
    await settle();
    expect(chatOf(sam)).toHaveLength(before + 1);
    expect(chatOf(sam).at(-1)).toContain('1 update for you');
  });

  it('says so in the chat when the person disconnects in Confluence', async () => {
    await invokeOk(sandbox, mia, SURFACES.personal, 'connection/disconnect', {});
    await settle();
    expect(chatOf(mia).at(-1)).toContain('Your Confluence account is no longer connected');
  });
});
