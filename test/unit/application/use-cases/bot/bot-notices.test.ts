import { doBotWork, type BotWorkDeps } from '../../../../../src/application/use-cases/bot/bot-work';
import type { Connection } from '../../../../../src/domain/connection';
import {
  aBotRegistration,
  aConversation,
  countingIdentity,
  fakeConversations,
  memoryBotRegistrations,
  memoryBotTokens,
  memoryNotices,
  scriptedBot,
} from '../../../../support/bot-fakes';
import {
  fakeConfluence,
  fakeConnections,
  fakePreferenceStore,
  fakeRuleStore,
  fakeTenants,
  fixedClock,
} from '../../../../support/fakes';
import { aConnection, aTenantMapping } from '../../../../support/settings-builders';

const SITE = 'https://acme.atlassian.net';
const ADA = aConnection({
  accountId: 'ada',
  oid: 'oid-1',
  tenantId: 'tenant-1',
  connectedAt: '2026-11-01T09:00:00.000Z',
});

const setup = (connections: Connection[] = [ADA], registration = memoryBotRegistrations()) => {
  const bot = scriptedBot();
  const people = fakeConnections(connections);
  const deps: BotWorkDeps = {
    tenants: fakeTenants(aTenantMapping({ siteUrl: SITE, secretExpiresOn: '2026-12-10' }), 'secret'),
    identity: countingIdentity(),
    botTokens: memoryBotTokens(),
    botRegistrations: registration,
    clock: fixedClock('2026-12-03T10:00:00Z'),
    conversations: fakeConversations([aConversation()]),
    connections: people,
    rules: fakeRuleStore([]),
    people: fakeConfluence().people,
    bot,
    urls: { personalPageUrl: (site) => `${site}/wiki/apps/app/env/microsoft-teams` },
    preferences: fakePreferenceStore(),
    notices: memoryNotices(),
  };
  return { deps, bot, people };
};

const warning = {
  kind: 'expiry-warning',
  accountId: 'ada',
  secret: 'client-secret',
  expiresOn: '2026-12-10',
  threshold: 7,
} as const;

describe('the bot’s one-time notices', () => {
  it('warns a site admin once per secret, date and threshold, with the days left and a link to the settings', async () => {
    const { deps, bot } = setup();
    expect(await doBotWork(deps, warning, 1)).toEqual({ kind: 'sent', what: 'expiry-warning-7' });
    expect(await doBotWork(deps, warning, 1)).toEqual({ kind: 'nothing', why: 'already told' });
    expect(await doBotWork(deps, { ...warning, threshold: 1 }, 1)).toMatchObject({ kind: 'sent' });
    expect(bot.texts()).toHaveLength(2);
    expect(bot.texts()[0]).toContain('The Microsoft Entra client secret expires in 7 days');
    expect(bot.texts()[0]).toContain(`${SITE}/wiki/admin/teams-global-settings`);
  });

  it('says nothing about a secret renewed since the warning was queued', async () => {
    const { deps, bot } = setup();
    expect(await doBotWork(deps, { ...warning, expiresOn: '2026-12-05' }, 1)).toEqual({
      kind: 'nothing',
      why: 'the secret was renewed',
    });
    // A separate bot's secret is read from its own registration.
    const separate = setup(
      [ADA],
      memoryBotRegistrations(aBotRegistration({ secretExpiresOn: '2026-12-04' }), 'bot-secret'),
    );
    expect(
      await doBotWork(
        separate.deps,
        { ...warning, secret: 'bot-secret', expiresOn: '2026-12-04', threshold: 1 },
        1,
      ),
    ).toMatchObject({ kind: 'sent' });
    expect(separate.bot.texts()[0]).toContain("The companion bot's client secret expires in 1 day");
    expect(bot.texts()).toEqual([]);
  });

  it('tells a person to log in again once per login, and not when the sign-in works', async () => {
    const job = { kind: 'needs-login', accountId: 'ada' } as const;
    const working = setup();
    expect(await doBotWork(working.deps, job, 1)).toEqual({ kind: 'nothing', why: 'the sign-in works' });

    const { deps, bot, people } = setup([{ ...ADA, status: 'needs-login' }]);
    expect(await doBotWork(deps, job, 1)).toEqual({ kind: 'sent', what: 'needs-login' });
    expect(await doBotWork(deps, job, 1)).toEqual({ kind: 'nothing', why: 'already told' });
    expect(bot.texts()[0]).toContain('Log in to Microsoft Teams again');
    // A new login that Microsoft later refuses too is a new notice.
    await people.put({ ...ADA, status: 'needs-login', connectedAt: '2026-12-02T09:00:00.000Z' });
    expect(await doBotWork(deps, job, 1)).toMatchObject({ kind: 'sent' });
  });

  it('waits, without marking, for someone who has not added the app', async () => {
    const { deps, bot } = setup();
    await deps.conversations.put(aConversation({ installed: false }));
    expect(await doBotWork(deps, warning, 1)).toEqual({ kind: 'not-installed' });
    expect(bot.texts()).toEqual([]);
    expect((deps.notices as ReturnType<typeof memoryNotices>).sent()).toEqual([]);
  });
});
