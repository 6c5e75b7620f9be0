import { getTenantSettings } from '../../../../../src/application/use-cases/settings/tenant-settings';
import {
  startAdminConsent,
  startLogin,
} from '../../../../../src/application/use-cases/sign-in/start-sign-in';
import { MICROSOFT_PERMISSIONS } from '../../../../../src/domain/microsoft-permissions';
import { recordingIdentity, signInDeps } from './sign-in-deps';

/*
 * Issue 13, item 12: one list of Microsoft permissions. The settings page (through the tenant
 * view), a person's sign-in and an admin's consent all ask for exactly that list.
 */
const ONE_LIST = MICROSOFT_PERMISSIONS.map((p) => p.name);
const ada = { accountId: 'ada', siteUrl: 'https://site.example' };

describe('the one list of Microsoft permissions', () => {
  it('gives each permission a reason and names each once', () => {
    expect(new Set(ONE_LIST).size).toBe(ONE_LIST.length);
    for (const permission of MICROSOFT_PERMISSIONS) expect(permission.why.length).toBeGreaterThan(10);
  });

  it('asks for least privilege: nothing the code does not use', () => {
    expect(ONE_LIST).not.toContain('User.Read');
    expect(ONE_LIST).not.toContain('Chat.ReadWrite');
    expect(ONE_LIST.some((name) => name.startsWith('TeamsAppInstallation.'))).toBe(false);
  });

  it('is what the settings page lists, with the reasons, from the tenant view', async () => {
    const view = await getTenantSettings(signInDeps(), ada);
    expect(view.permissions).toEqual(MICROSOFT_PERMISSIONS.map(({ name, why }) => ({ name, why })));
  });

  it('is what "Log in to Microsoft Teams" asks for', async () => {
    const identity = recordingIdentity();
    await startLogin(signInDeps({ identity }), { accountId: 'mia', siteUrl: 'https://site.example' });
    expect(identity.addresses()).toEqual([{ kind: 'authorize', scopes: ONE_LIST }]);
  });

  it('is what admin consent asks for, for the whole organization', async () => {
    const identity = recordingIdentity();
    await startAdminConsent(signInDeps({ identity }), ada);
    expect(identity.addresses()).toEqual([{ kind: 'admin-consent', scopes: ONE_LIST }]);
  });
});
