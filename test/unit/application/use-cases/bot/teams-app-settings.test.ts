import {
  getTeamsAppSettings,
  saveBotRegistration,
  sendTestMessage,
  setLinkPreviews,
  type TeamsAppSettingsDeps,
} from '../../../../../src/application/use-cases/bot/teams-app-settings';
import type { BotHealth } from '../../../../../src/domain/bot-health';
import type { Connection } from '../../../../../src/domain/connection';
import type { Conversation } from '../../../../../src/domain/conversation';
import type { TenantMapping } from '../../../../../src/domain/tenant-mapping';
import {
  aBotRegistration,
  aConversation,
  fakeBotWork,
  fakeConversations,
  memoryBotRegistrations,
} from '../../../../support/bot-fakes';
import { fakeConfluence, fakeConnections, fakeTenants, fixedClock } from '../../../../support/fakes';
import { aConnection, aTenantMapping } from '../../../../support/settings-builders';

const ADA = { accountId: 'ada', siteUrl: 'https://acme.atlassian.net' };
const MIA = { accountId: 'mia', siteUrl: 'https://acme.atlassian.net' };
const ENDPOINT = 'https://example.invalid/x1/bot-messages';
const BOT_ID = 'b0b0b0b0-1111-4222-8333-444455556666';
const TODAY = '2026-12-03T10:00:00Z';

const setup = (
  options: {
    mapping?: TenantMapping | null;
    registrations?: ReturnType<typeof memoryBotRegistrations>;
    health?: BotHealth | null;
    connections?: Connection[];
    conversations?: Conversation[];
  } = {},
) => {
  const registrations = options.registrations ?? memoryBotRegistrations();
  const botWork = fakeBotWork();
  const mapping = options.mapping === undefined ? aTenantMapping() : options.mapping;
  const deps: TeamsAppSettingsDeps = {
    permissions: fakeConfluence({ isSiteAdmin: async (id) => id === 'ada' }).permissions,
    tenants: fakeTenants(mapping, mapping ? 'client-secret' : null),
    botRegistrations: registrations,
    botStore: { getHealth: async () => options.health ?? null },
    urls: { botMessagingEndpoint: async () => ENDPOINT },
    clock: fixedClock(TODAY),
    connections: fakeConnections(options.connections ?? []),
    conversations: fakeConversations(options.conversations ?? []),
    botWork,
  };
  return { deps, registrations, botWork };
};

const separate = (overrides: Record<string, string> = {}) => ({
  kind: 'separate' as const,
  botId: BOT_ID,
  botSecret: 'bot-secret-value',
  secretExpiresOn: '2027-09-30',
  ...overrides,
});

describe('the Teams app section of the global settings', () => {
  describe('getTeamsAppSettings', () => {
    it('shows the messaging endpoint and, by default, the mapping’s app as the bot with its secret’s expiry', async () => {
      const { deps } = setup();
      expect(await getTeamsAppSettings(deps, ADA)).toEqual({
        messagingEndpoint: ENDPOINT,
        tenantConfigured: true,
        bot: {
          kind: 'tenant-app',
          botId: aTenantMapping().clientId,
          secretStored: true,
          secretExpiresOn: '2027-06-30',
          secretExpiry: { daysLeft: 209, state: 'ok' },
        },
        health: { lastRequestAt: null, lastAuthFailureAt: null, lastAuthFailure: null },
        linkPreviews: true,
      });
    });

    it('shows a separate bot with its own secret’s expiry, never the secret', async () => {
      const registrations = memoryBotRegistrations(
        aBotRegistration({ botId: BOT_ID, secretExpiresOn: '2026-12-20' }),
        'bot-secret-value',
      );
      const view = await getTeamsAppSettings(setup({ registrations }).deps, ADA);
      expect(view.bot).toEqual({
        kind: 'separate',
        botId: BOT_ID,
        secretStored: true,
        secretExpiresOn: '2026-12-20',
        secretExpiry: { daysLeft: 17, state: 'expiring' },
      });
      expect(JSON.stringify(view)).not.toContain('bot-secret-value');
      expect(JSON.stringify(view)).not.toContain('client-secret');
    });

    it('says why the last request was refused, in words', async () => {
      const health: BotHealth = {
        schemaVersion: 1,
        lastRequestAt: '2026-12-03T09:00:00.000Z',
        lastAuthFailureAt: '2026-12-03T09:30:00.000Z',
        lastAuthFailureReason: 'wrong-audience',
      };
      const view = await getTeamsAppSettings(setup({ health }).deps, ADA);
      expect(view.health).toEqual({
        lastRequestAt: '2026-12-03T09:00:00.000Z',
        lastAuthFailureAt: '2026-12-03T09:30:00.000Z',
        lastAuthFailure: expect.stringMatching(/another bot.*bot id/i),
      });
    });

    it('works before the tenant mapping, with no bot id yet', async () => {
      const view = await getTeamsAppSettings(setup({ mapping: null }).deps, ADA);
      expect(view.tenantConfigured).toBe(false);
      expect(view.bot).toMatchObject({ kind: 'tenant-app', botId: '', secretStored: false });
    });

    it('refuses anyone but a site admin', async () => {
      await expect(getTeamsAppSettings(setup().deps, MIA)).rejects.toMatchObject({ code: 'forbidden' });
    });
  });

  describe('saveBotRegistration', () => {
    it('stores a separate bot id (lower case) and its secret write-only', async () => {
      const { deps, registrations } = setup();
      const view = await saveBotRegistration(deps, ADA, separate({ botId: BOT_ID.toUpperCase() }));
      expect(registrations.registration()).toEqual({
        botId: BOT_ID,
        secretExpiresOn: '2027-09-30',
        updatedAt: new Date(TODAY).toISOString(),
        updatedBy: 'ada',
      });
      expect(registrations.secret()).toBe('bot-secret-value');
      expect(view.bot).toMatchObject({ kind: 'separate', botId: BOT_ID, secretStored: true });
      expect(JSON.stringify(view)).not.toContain('bot-secret-value');
    });

    it('keeps the stored secret when the same bot is saved without one', async () => {
      const registrations = memoryBotRegistrations(aBotRegistration({ botId: BOT_ID }), 'old-secret');
      const { deps } = setup({ registrations });
      await saveBotRegistration(deps, ADA, separate({ botSecret: '', secretExpiresOn: '2028-01-31' }));
      expect(registrations.secret()).toBe('old-secret');
      expect(registrations.registration()?.secretExpiresOn).toBe('2028-01-31');
    });

    it('asks for the secret of a new bot id: a stored secret belongs to the previous bot', async () => {
      const registrations = memoryBotRegistrations(aBotRegistration({ botId: BOT_ID }), 'old-secret');
      const { deps } = setup({ registrations });
      const other = 'c0c0c0c0-1111-4222-8333-444455556666';
      await expect(
        saveBotRegistration(deps, ADA, separate({ botId: other, botSecret: '' })),
      ).rejects.toMatchObject({
        code: 'invalid_input',
        fieldErrors: { botSecret: expect.stringMatching(/secret/i) },
      });
      expect(registrations.registration()?.botId).toBe(BOT_ID);
    });

    it('refuses an expiry date that has passed, per field, and stores nothing', async () => {
      const { deps, registrations } = setup();
      await expect(
        saveBotRegistration(deps, ADA, separate({ secretExpiresOn: '2026-12-03' })),
      ).rejects.toMatchObject({
        code: 'invalid_input',
        message: expect.stringMatching(/expired.*not saved/i),
        fieldErrors: { secretExpiresOn: expect.stringMatching(/passed/) },
      });
      expect(registrations.registration()).toBeNull();
      expect(registrations.secret()).toBeNull();
    });

    it('refuses the mapping’s own client id as a separate bot', async () => {
      const { deps } = setup();
      await expect(
        saveBotRegistration(deps, ADA, separate({ botId: aTenantMapping().clientId })),
      ).rejects.toMatchObject({ code: 'invalid_input', fieldErrors: { botId: expect.any(String) } });
    });

    it('asks for the tenant mapping first: the bot signs in in the mapped tenant', async () => {
      const { deps, registrations } = setup({ mapping: null });
      await expect(saveBotRegistration(deps, ADA, separate())).rejects.toMatchObject({
        code: 'tenant_not_configured',
      });
      expect(registrations.registration()).toBeNull();
    });

    it('goes back to the mapping’s app: the registration and the bot secret are removed', async () => {
      const registrations = memoryBotRegistrations(aBotRegistration(), 'old-secret');
      const { deps } = setup({ registrations });
      const view = await saveBotRegistration(deps, ADA, { kind: 'tenant-app' });
      expect(registrations.registration()).toBeNull();
      expect(registrations.secret()).toBeNull();
      expect(view.bot).toMatchObject({ kind: 'tenant-app', botId: aTenantMapping().clientId });
    });

    it('refuses anyone but a site admin, and stores nothing', async () => {
      const { deps, registrations } = setup();
      await expect(saveBotRegistration(deps, MIA, separate())).rejects.toMatchObject({ code: 'forbidden' });
      expect(registrations.registration()).toBeNull();
      expect(registrations.secret()).toBeNull();
    });
  });

  describe('sendTestMessage', () => {
    const ada = aConnection({
      accountId: 'ada',
      tenantId: 'tenant-1',
      oid: 'oid-1',
      upn: 'ada@contoso.example',
    });

    it('queues the test message for the admin’s own 1:1 chat', async () => {
      const { deps, botWork } = setup({ connections: [ada], conversations: [aConversation()] });
      expect(await sendTestMessage(deps, ADA)).toEqual({ queued: true, to: 'ada@contoso.example' });
      expect(botWork.jobs()).toEqual([
        { kind: 'test-message', accountId: 'ada', siteUrl: 'https://acme.atlassian.net' },
      ]);
    });

    it('asks the admin to log in first when they are not connected', async () => {
      const { deps, botWork } = setup({ conversations: [aConversation()] });
      await expect(sendTestMessage(deps, ADA)).rejects.toMatchObject({
        code: 'not_connected',
        message: expect.stringMatching(/log in to Microsoft Teams first/i),
      });
      expect(botWork.jobs()).toEqual([]);
    });

    it.each([
      ['never added', []],
      ['removed', [aConversation({ installed: false })]],
    ])('asks the admin to add the app in Teams first when it was %s', async (_what, conversations) => {
      const { deps, botWork } = setup({ connections: [ada], conversations });
      await expect(sendTestMessage(deps, ADA)).rejects.toMatchObject({
        code: 'not_connected',
        message: expect.stringMatching(/add the app in Microsoft Teams first/i),
      });
      expect(botWork.jobs()).toEqual([]);
    });

    it('refuses anyone but a site admin, and queues nothing', async () => {
      const mia = aConnection({ accountId: 'mia' });
      const { deps, botWork } = setup({ connections: [mia], conversations: [aConversation()] });
      await expect(sendTestMessage(deps, MIA)).rejects.toMatchObject({ code: 'forbidden' });
      expect(botWork.jobs()).toEqual([]);
    });
  });

  describe('setLinkPreviews', () => {
    it('turns previews off for the site and on again, keeping the rest of the mapping', async () => {
      const { deps } = setup();
      expect((await setLinkPreviews(deps, ADA, false)).linkPreviews).toBe(false);
      expect(await deps.tenants.get()).toEqual({ ...aTenantMapping(), linkPreviews: false });
      expect((await setLinkPreviews(deps, ADA, true)).linkPreviews).toBe(true);
      expect(await deps.tenants.get()).toEqual(aTenantMapping());
    });

    it('refuses anyone but a site admin, and changes nothing', async () => {
      const { deps } = setup();
      await expect(setLinkPreviews(deps, MIA, false)).rejects.toMatchObject({ code: 'forbidden' });
      expect(await deps.tenants.get()).toEqual(aTenantMapping());
    });

    it('asks for the Microsoft connection first', async () => {
      const { deps } = setup({ mapping: null });
      await expect(setLinkPreviews(deps, ADA, false)).rejects.toMatchObject({
        code: 'tenant_not_configured',
      });
    });
  });
});
