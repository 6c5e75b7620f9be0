import { MicrosoftRequestError } from '../../../../../src/application/ports/microsoft';
import {
  shareContent,
  type ShareDeps,
} from '../../../../../src/application/use-cases/notifications/share-content';
import {
  countingRandom,
  fakeConfluence,
  fakeConnections,
  fakeTenants,
  fakeTokenVault,
  fixedClock,
  scriptedIdentity,
  scriptedTeams,
} from '../../../../support/fakes';
import { refusal } from '../../../../support/refusal';
import { aConnection, aTenantMapping } from '../../../../support/settings-builders';

const ME = 'mia-1';
const chat = { type: 'chat', chatId: '19:docs@thread.v2', chatName: 'Docs crew' } as const;

const setup = (overrides: Partial<ShareDeps> = {}, script: Parameters<typeof scriptedTeams>[0] = []) => {
  const teams = scriptedTeams(script);
  const deps = {
    tenants: fakeTenants(aTenantMapping(), 'secret'),
    connections: fakeConnections([aConnection({ accountId: ME })]),
    tokens: fakeTokenVault({
      [ME]: { accessToken: 'access-mia', refreshToken: 'r', accessTokenExpiresAt: Date.parse('2027-01-01') },
    }),
    identity: scriptedIdentity([]),
    clock: fixedClock(),
    ...fakeConfluence({ displayNameOf: async () => 'Mia Member' }),
    random: countingRandom(),
    teams,
    ...overrides,
  };
  return { deps, teams };
};

describe('shareContent', () => {
  it('posts the card now, as the caller, and answers the message link', async () => {
    const { deps, teams } = setup({}, [{ messageId: 'm-1', webUrl: 'https://teams.example/m-1' }]);
    const answer = await shareContent(
      deps,
      { accountId: ME },
      {
        contentId: '65538',
        destination: chat,
        note: 'Please read before Monday',
      },
    );
    expect(answer).toEqual({ sent: true, webUrl: 'https://teams.example/m-1' });
    expect(teams.postedCards()).toHaveLength(1);
    expect(teams.postedCards()[0]).toMatchObject({ token: 'access-mia', destination: chat });
    const posted = JSON.stringify(teams.postedCards()[0].message);
    expect(posted).toContain('Release plan 2027');
    expect(posted).toContain('Please read before Monday');
    expect(posted).toContain('Mia Member shared this page');
  });

  it('answers webUrl null when Graph gives none', async () => {
    const { deps } = setup({}, [{ messageId: 'm-1' }]);
    expect(await shareContent(deps, { accountId: ME }, { contentId: '1', destination: chat })).toEqual({
      sent: true,
      webUrl: null,
    });
  });

  it('refuses content the caller cannot view with not_found, sending nothing', async () => {
    const { deps, teams } = setup({ ...fakeConfluence({ getContentAs: async () => null }) });
    const answer = await refusal(
      shareContent(deps, { accountId: ME }, { contentId: '65541', destination: chat }),
    );
    expect(answer.code).toBe('not_found');
    expect(teams.postedCards()).toHaveLength(0);
  });

  it('needs the caller to be connected', async () => {
    const { deps, teams } = setup({ connections: fakeConnections([]) });
    const answer = await refusal(
      shareContent(deps, { accountId: ME }, { contentId: '1', destination: chat }),
    );
    expect(answer.code).toBe('not_connected');
    expect(teams.postedCards()).toHaveLength(0);
  });

  it("reports Microsoft's refusal as microsoft_error", async () => {
    const { deps } = setup({}, [new MicrosoftRequestError('forbidden', 403, 'Forbidden', 'no')]);
    const answer = await refusal(
      shareContent(deps, { accountId: ME }, { contentId: '1', destination: chat }),
    );
    expect(answer.code).toBe('microsoft_error');
  });
});
