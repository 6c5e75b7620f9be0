import { invokeAs, invokeOk, SURFACES } from '../../dev/sandbox/sandbox-driver';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { person } from '../../dev/seed';
import type { RuleInput } from '../../src/contracts/rules';
import { dayInWords } from '../../src/domain/catch-up-card';
import {
  cardText,
  channel,
  deliveryRows,
  logInToTeams,
  mapTenant,
  messagesIn,
} from '../support/notification-fixture';
import { manualClock, startTestSandbox } from '../support/sandbox-fixture';

const DAY = 24 * 3600 * 1000;
/** The app judges the day by the real clock; the simulators' clock dates the edits. */
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const SINCE = dayOf(Date.now() - 3 * DAY);
const SINCE_WORDS = dayInWords(SINCE);

/**
 * Issue 14, part 2: a new rule's "also send what changed since …". Every queue message is
 * delivered twice here (the platform's at-least-once), so "sent once" is tested on each send.
 */
describe('catch-up from a start date', () => {
  let sandbox: Sandbox;
  const clock = manualClock(Date.now() - 10 * DAY);
  const ada = person('ada');
  const sam = person('sam');
  const mia = person('mia');
  const general = channel('Engineering', 'General');
  const eng = SURFACES.space('ENG');
  const id = (title: string) => sandbox.confluence.findContent(title).id;
  const spaceRule = (extra: Partial<RuleInput>): RuleInput => ({
    scope: 'space',
    spaceKey: 'ENG',
    events: ['page_created', 'page_updated'],
    destination: general,
    ...extra,
  });

  beforeAll(async () => {
    sandbox = await startTestSandbox({ clock: clock.now, forgeFaults: { duplicateRate: 1 } });
    await mapTenant(sandbox);
    await logInToTeams(sandbox, sam);
    // Sam (ENG's space admin) may not view this one: the catch-up runs as him, so it must never
    // list it (invariant 3).
    await sandbox.confluence.restrictContent(ada.accountId, id('Release plan 2027'), {
      read: [ada, mia].map((p) => p.accountId),
    });
    // Changed before the chosen day: not listed.
    await sandbox.confluence.editPage(mia.accountId, id('Engineering home'), { body: '<p>Old news.</p>' });
    clock.advance(7 * DAY);
    await sandbox.confluence.editPage(mia.accountId, id('Release plan 2027'), {
      body: '<p>Secret date.</p>',
    });
    await sandbox.confluence.editPage(mia.accountId, id('Architecture decisions'), {
      body: '<p>ADR index.</p>',
    });
    await sandbox.confluence.editPage(mia.accountId, id('Launch checklist'), { body: '<p>Other space.</p>' });
    clock.advance(3 * DAY);
    await sandbox.forge.idle({ timeoutMs: 15_000 });
  }, 60_000);
  afterAll(() => sandbox.stop());

  it.each([
    [dayOf(Date.now() + 2 * DAY), 'The date is in the future'],
    [dayOf(Date.now() - 92 * DAY), 'at most 90 days back'],
    ['yesterday', 'Enter the date as YYYY-MM-DD'],
  ])(
    'refuses %j with a clear message and creates nothing',
    async (since, message) => {
      const answer = await invokeAs(sandbox, sam, eng, 'rules/create', spaceRule({ catchUpSince: since }));
      expect(answer).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', fieldErrors: { catchUpSince: expect.stringContaining(message) } },
      });
      expect(await invokeOk(sandbox, sam, eng, 'rules/list', { scope: 'space', spaceKey: 'ENG' })).toEqual(
        [],
      );
    },
    30_000,
  );

  it('sends one card of what changed where the rule looks, as its owner sees it, once', async () => {
    const rule = await invokeOk(sandbox, sam, eng, 'rules/create', spaceRule({ catchUpSince: SINCE }));
    await sandbox.forge.idle({ timeoutMs: 15_000 });

    const messages = messagesIn(sandbox, general);
    expect(messages).toHaveLength(1);
    const text = cardText(messages[0]);
    expect(text).toContain(`1 change since ${SINCE_WORDS}`);
    expect(text).toContain('Architecture decisions');
    expect(text).not.toContain('Release plan 2027'); // restricted from Sam
    expect(text).not.toContain('Engineering home'); // changed before the day
    expect(text).not.toContain('Launch checklist'); // another space
    expect(deliveryRows(sandbox).filter((row) => row.key === `catch-up:${rule.id}`)).toMatchObject([
      { status: 'sent', ownerAccountId: sam.accountId, summary: `Catch-up since ${SINCE_WORDS}` },
    ]);
    const log = await invokeOk(sandbox, sam, SURFACES.personal, 'deliveries/list', {});
    expect(log.find((entry) => entry.key === `catch-up:${rule.id}`)).toMatchObject({
      status: 'sent',
      title: `Catch-up since ${SINCE_WORDS}`,
      destinationLabel: 'Engineering › General',
    });

    // An edit of the rule never sends the catch-up again: it cannot even ask for one.
    const update = await invokeAs(sandbox, sam, eng, 'rules/update', {
      id: rule.id,
      version: rule.version,
      enabled: true,
      catchUpSince: SINCE,
    } as never);
    expect(update).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await invokeOk(sandbox, sam, eng, 'rules/update', { id: rule.id, version: rule.version, enabled: true });
    await sandbox.forge.idle({ timeoutMs: 15_000 });
    expect(messagesIn(sandbox, general)).toHaveLength(1);
  }, 60_000);

  it('records a catch-up with nothing to send in the delivery log, and posts nothing', async () => {
    const before = messagesIn(sandbox, general).length;
    const rule = await invokeOk(
      sandbox,
      sam,
      eng,
      'rules/create',
      spaceRule({ catchUpSince: SINCE, filters: { labelsAny: ['no-such-label'] } }),
    );
    await sandbox.forge.idle({ timeoutMs: 15_000 });
    expect(messagesIn(sandbox, general)).toHaveLength(before);
    expect(deliveryRows(sandbox).find((row) => row.key === `catch-up:${rule.id}`)).toMatchObject({
      status: 'skipped',
      reason: `Nothing matching the rule changed since ${SINCE_WORDS}.`,
    });
  }, 60_000);
});
