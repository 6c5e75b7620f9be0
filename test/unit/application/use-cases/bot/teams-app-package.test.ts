import { strFromU8, unzipSync } from 'fflate';
import { teamsAppPackager } from '../../../../../src/adapters/teams-app-package.adapter';
import type { TeamsPackageVersionStore } from '../../../../../src/application/ports/teams-app-package';
import type { TenantStore } from '../../../../../src/application/ports/stores';
import {
  downloadTeamsAppPackage,
  type TeamsAppPackageDeps,
} from '../../../../../src/application/use-cases/bot/teams-app-package';
import type { TeamsPackageRecord } from '../../../../../src/domain/teams-app-manifest';
import type { TenantMapping } from '../../../../../src/domain/tenant-mapping';

const ADMIN = 'admin-account';
const CLIENT = 'a7c9e1f3-2b4d-4c6e-8f0a-1b3d5f7a9c2e';
const OTHER_CLIENT = 'c1c1c1c1-2b4d-4c6e-8f0a-1b3d5f7a9c2e';
const BOT = 'b0b0b0b0-1111-4222-8333-444455556666';

const mapping = (clientId = CLIENT): TenantMapping => ({
  schemaVersion: 1,
  tenantId: '8b2a4c1e-3f5d-4e6a-9b7c-0d1e2f3a4b5c',
  clientId,
  secretExpiresOn: '2027-06-30',
  consent: { status: 'not-granted' },
  updatedAt: '2026-11-01T00:00:00Z',
  updatedBy: ADMIN,
});

/** One site's KVS, as far as this use case reads and writes it. */
const site = (tenant: TenantMapping | null = mapping()) => {
  const state = {
    tenant,
    record: null as TeamsPackageRecord | null,
    writes: 0,
    separateBotId: null as string | null,
  };
  const tenants: TenantStore = {
    get: () => Promise.resolve(state.tenant),
    put: () => Promise.reject(new Error('not used')),
    getClientSecret: () => Promise.resolve('secret'),
    setClientSecret: () => Promise.reject(new Error('not used')),
  };
  const packageVersions: TeamsPackageVersionStore = {
    get: () => Promise.resolve(state.record),
    put: (record) => {
      state.record = record;
      state.writes++;
      return Promise.resolve();
    },
  };
  const deps: TeamsAppPackageDeps = {
    permissions: { isSiteAdmin: (accountId) => Promise.resolve(accountId === ADMIN) },
    tenants,
    urls: { personalPageUrl: (siteUrl) => `${siteUrl}/wiki/apps/app/env/microsoft-teams` },
    teamsPackager: teamsAppPackager,
    teamsPackageVersions: packageVersions,
    botStore: { getBotId: () => Promise.resolve(state.separateBotId) },
  };
  return { state, deps };
};

const caller = (siteUrl = 'https://acme.atlassian.net', accountId = ADMIN) => ({ accountId, siteUrl });

const manifestIn = (base64: string) =>
  JSON.parse(strFromU8(unzipSync(Buffer.from(base64, 'base64'))['manifest.json'])) as {
    id: string;
    version: string;
    validDomains: string[];
    bots: { botId: string }[];
    webApplicationInfo: { id: string };
    developer: { websiteUrl: string };
  };

describe('downloading the Teams app package', () => {
  it('refuses anyone but a site admin, and writes nothing', async () => {
    const { state, deps } = site();
    await expect(downloadTeamsAppPackage(deps, caller(undefined, 'someone'))).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(state.writes).toBe(0);
  });

  it('asks for the tenant mapping first: the package names its Entra app', async () => {
    const { deps } = site(null);
    await expect(downloadTeamsAppPackage(deps, caller())).rejects.toMatchObject({
      code: 'tenant_not_configured',
    });
  });

  it("gives the site's package: its host, the mapping's app as bot and SSO app, the personal page", async () => {
    const { deps } = site();
    const download = await downloadTeamsAppPackage(deps, caller());
    expect(download.fileName).toBe('teams-for-confluence-acme.atlassian.net-1.0.0.zip');
    expect(download.version).toBe('1.0.0');
    const manifest = manifestIn(download.base64);
    expect(manifest.id).toBe(download.appId);
    expect(manifest.validDomains).toEqual(['acme.atlassian.net']);
    expect(manifest.bots[0]?.botId).toBe(CLIENT);
    expect(manifest.webApplicationInfo.id).toBe(CLIENT);
    expect(manifest.developer.websiteUrl).toBe(
      'https://acme.atlassian.net/wiki/apps/app/env/microsoft-teams',
    );
  });

  it('keeps the version while nothing changes and bumps it when the content does, with the same app id', async () => {
    const { state, deps } = site();
    const first = await downloadTeamsAppPackage(deps, caller());
    const again = await downloadTeamsAppPackage(deps, caller());
    expect(again.version).toBe('1.0.0');
    expect(again.base64).toBe(first.base64);
    expect(state.writes).toBe(1);

    state.tenant = mapping(OTHER_CLIENT);
    const changed = await downloadTeamsAppPackage(deps, caller());
    expect(changed.version).toBe('1.0.1');
    expect(changed.appId).toBe(first.appId);
    expect(manifestIn(changed.base64)).toMatchObject({ id: first.appId, version: '1.0.1' });
    expect(state.record?.version).toBe('1.0.1');
  });

  it('names a bot registered apart (Developer Portal) as the bot, and keeps the mapping’s app for sign-in', async () => {
    const { state, deps } = site();
    state.separateBotId = BOT;
    const manifest = manifestIn((await downloadTeamsAppPackage(deps, caller())).base64);
    expect(manifest.bots[0]?.botId).toBe(BOT);
    expect(manifest.webApplicationInfo.id).toBe(CLIENT);
  });

  it('gives another site another app id', async () => {
    const acme = await downloadTeamsAppPackage(site().deps, caller('https://acme.atlassian.net'));
    const globex = await downloadTeamsAppPackage(site().deps, caller('https://globex.atlassian.net'));
    const shouting = await downloadTeamsAppPackage(site().deps, caller('https://ACME.atlassian.net/'));
    expect(globex.appId).not.toBe(acme.appId);
    expect(shouting.appId).toBe(acme.appId);
  });

  it('names a file that any system can save, even for a host with a port', async () => {
    const download = await downloadTeamsAppPackage(site().deps, caller('http://127.0.0.1:5200'));
    expect(download.fileName).toBe('teams-for-confluence-127.0.0.1-5200-1.0.0.zip');
  });
});
