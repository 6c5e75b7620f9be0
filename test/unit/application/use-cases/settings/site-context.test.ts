import { getSiteContext } from '../../../../../src/application/use-cases/settings/site-context';
import { fakeConfluence, fakeTenants } from '../../../../support/fakes';
import { refusal } from '../../../../support/refusal';
import { aTenantMapping } from '../../../../support/settings-builders';
import { fakeBotHealth } from '../../../../support/bot-fakes';

const page = {
  id: '65539',
  type: 'page' as const,
  title: 'Architecture decisions',
  spaceKey: 'ENG',
  spaceName: 'Engineering',
  version: 1,
  versionMessage: '',
  url: 'https://site.example/wiki/spaces/ENG/pages/65539',
};

describe('getSiteContext', () => {
  it('tells a space admin about the site, the space and the page, read as them', async () => {
    const readAs: string[] = [];
    const confluence = fakeConfluence({
      isSpaceAdmin: async (_a, key) => key === 'ENG',
      canEditContent: async () => true,
      getContentAs: async (accountId) => (readAs.push(accountId), page),
      getSpaceAs: async (_a, key) => ({ key, name: 'Engineering' }),
    });
    const view = await getSiteContext(
      { tenants: fakeTenants(aTenantMapping(), 'secret'), botStore: fakeBotHealth(), ...confluence },
      { accountId: 'sam' },
      { contentId: '65539' },
    );
    expect(view).toEqual({
      accountId: 'sam',
      tenantConfigured: true,
      botConfigured: false,
      isSiteAdmin: false,
      space: { key: 'ENG', name: 'Engineering', canManage: true },
      content: { id: '65539', type: 'page', title: 'Architecture decisions', spaceKey: 'ENG', canEdit: true },
    });
    expect(readAs).toEqual(['sam']);
  });

  it('says the tenant is not configured until both mapping and secret are stored', async () => {
    const view = await getSiteContext(
      { tenants: fakeTenants(aTenantMapping(), null), botStore: fakeBotHealth(), ...fakeConfluence() },
      { accountId: 'mia' },
      {},
    );
    expect(view).toMatchObject({ tenantConfigured: false, space: null, content: null });
  });

  it('answers not_found, never the title, for content the caller cannot view', async () => {
    const answer = await refusal(
      getSiteContext(
        {
          tenants: fakeTenants(null, null),
          botStore: fakeBotHealth(),
          ...fakeConfluence({ getContentAs: async () => null }),
        },
        { accountId: 'rex' },
        { contentId: '65541' },
      ),
    );
    expect(answer.code).toBe('not_found');
    expect(answer.message).not.toContain('Security');
  });

  it('answers not_found for a space the caller cannot see', async () => {
    const answer = await refusal(
      getSiteContext(
        {
          tenants: fakeTenants(null, null),
          botStore: fakeBotHealth(),
          ...fakeConfluence({ getSpaceAs: async () => null }),
        },
        { accountId: 'rex' },
        { spaceKey: 'HR' },
      ),
    );
    expect(answer.code).toBe('not_found');
  });
});

describe('whether the companion bot works on this site', () => {
  it('says so once Teams has reached the bot with a valid token', async () => {
    const deps = { tenants: fakeTenants(aTenantMapping(), 'secret'), ...fakeConfluence() };
    const before = await getSiteContext({ ...deps, botStore: fakeBotHealth() }, { accountId: 'sam' }, {});
    const after = await getSiteContext(
      { ...deps, botStore: fakeBotHealth('2026-12-03T10:00:00.000Z') },
      { accountId: 'sam' },
      {},
    );
    expect([before.botConfigured, after.botConfigured]).toEqual([false, true]);
  });
});
