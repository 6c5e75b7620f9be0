import { finishSignIn } from '../../../../../src/application/use-cases/sign-in/finish-sign-in';
import { fakeConfluence, fakeConnections } from '../../../../support/fakes';
import { memoryStates, recordingIdentity, signInDeps, tokensFor } from './sign-in-deps';

/*
 * Issue 13, item 20: a finished sign-in says which Microsoft account was linked, and warns when
 * its e-mail is not the person's Confluence e-mail (or Confluence hides that e-mail). Nothing is
 * refused: the link is made either way.
 */
const mia = { accountId: 'mia', siteUrl: 'https://site.example' };
const CODE = 'c'.repeat(43);

const finishAs = async (claims: Record<string, unknown>, confluenceEmail: string | null | Error) => {
  const connections = fakeConnections();
  const asked: string[] = [];
  const deps = signInDeps({
    connections,
    identity: recordingIdentity(tokensFor(claims)),
    states: memoryStates({
      [CODE]: { kind: 'login', accountId: 'mia', codeVerifier: 'v', code: 'ms-code', createdAt: '' },
    }),
    ...fakeConfluence({
      emailOf: async (accountId) => {
        asked.push(accountId);
        if (confluenceEmail instanceof Error) throw confluenceEmail;
        return confluenceEmail;
      },
    }),
  });
  const finished = await finishSignIn(deps, mia, CODE);
  return { finished, asked, linked: connections.connectionOf('mia') };
};

describe('finishSignIn: which Microsoft account was linked', () => {
  it('names the account and finds the same e-mail, whatever its case', async () => {
    const { finished, asked } = await finishAs(
      { name: 'Mia Member', preferred_username: 'Mia@Contoso.example', email: 'mia@contoso.example' },
      'MIA@contoso.example',
    );
    expect(finished).toEqual({
      kind: 'connected',
      displayName: 'Mia Member',
      upn: 'Mia@Contoso.example',
      microsoftEmail: 'mia@contoso.example',
      confluenceEmail: 'MIA@contoso.example',
      accountMatch: 'same-email',
    });
    // Confluence's e-mail is read as the caller, about the caller only.
    expect(asked).toEqual(['mia']);
  });

  it('matches on the sign-in name when the ID token carries no e-mail', async () => {
    const { finished } = await finishAs({ preferred_username: 'mia@contoso.example' }, 'mia@contoso.example');
    expect(finished).toMatchObject({ accountMatch: 'same-email', microsoftEmail: 'mia@contoso.example' });
  });

  it('warns when the e-mails differ, and links the account all the same', async () => {
    const { finished, linked } = await finishAs(
      {
        oid: 'rex-oid',
        name: 'Rex Restricted',
        preferred_username: 'rex@contoso.example',
        email: 'rex@contoso.example',
      },
      'mia@contoso.example',
    );
    expect(finished).toMatchObject({
      kind: 'connected',
      displayName: 'Rex Restricted',
      microsoftEmail: 'rex@contoso.example',
      confluenceEmail: 'mia@contoso.example',
      accountMatch: 'different-email',
    });
    expect(linked).toMatchObject({ oid: 'rex-oid', upn: 'rex@contoso.example', status: 'ok' });
  });

  it('says it could not compare when Confluence hides the e-mail', async () => {
    const { finished, linked } = await finishAs({ preferred_username: 'mia@contoso.example' }, null);
    expect(finished).toMatchObject({ confluenceEmail: null, accountMatch: 'confluence-email-hidden' });
    expect(linked?.status).toBe('ok');
  });

  it('still links when Confluence does not answer, and says it could not compare', async () => {
    const { finished, linked } = await finishAs(
      { preferred_username: 'mia@contoso.example' },
      new Error('Confluence did not answer'),
    );
    expect(finished).toMatchObject({ confluenceEmail: null, accountMatch: 'confluence-email-hidden' });
    expect(linked?.status).toBe('ok');
  });
});
