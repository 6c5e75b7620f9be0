import type { TeamsAppPackageDownload } from '../../../contracts/teams-app';
import { AppError } from '../../../domain/app-error';
import {
  buildTeamsAppManifest,
  FIRST_TEAMS_APP_VERSION,
  nextTeamsAppVersion,
  TEAMS_MANIFEST_VERSION,
  teamsSiteHost,
  type TeamsAppManifest,
} from '../../../domain/teams-app-manifest';
import { requireSiteAdmin, type Caller } from '../../services/authority';
import type { BotStore } from '../../ports/bot';
import type { ConfluencePermissions } from '../../ports/confluence';
import type { AppUrls } from '../../ports/platform';
import type { TenantStore } from '../../ports/stores';
import type { TeamsAppPackager, TeamsPackageVersionStore } from '../../ports/teams-app-package';

export interface TeamsPackageBuildDeps {
  teamsPackager: TeamsAppPackager;
  teamsPackageVersions: TeamsPackageVersionStore;
}

export interface TeamsAppPackageDeps extends TeamsPackageBuildDeps {
  permissions: Pick<ConfluencePermissions, 'isSiteAdmin'>;
  tenants: TenantStore;
  urls: Pick<AppUrls, 'personalPageUrl'>;
  botStore: Pick<BotStore, 'getBotId'>;
}

export interface SitePackageInput {
  siteUrl: string;
  botId: string;
  clientId: string;
  websiteUrl?: string;
}

export interface BuiltTeamsPackage {
  manifest: TeamsAppManifest;
  zip: Uint8Array;
  fileName: string;
}

/**
 * The site's package: the app id comes from the site's host, so every version updates the same
 * Teams app; the version moves only when the content (manifest and icons) changes. Shared by the
 * resolver and the command line.
 */
export const buildTeamsPackage = async (
  deps: TeamsPackageBuildDeps,
  site: SitePackageInput,
): Promise<BuiltTeamsPackage> => {
  const host = teamsSiteHost(site.siteUrl);
  const draft = buildTeamsAppManifest({
    ...site,
    appId: deps.teamsPackager.appIdFor(host),
    version: FIRST_TEAMS_APP_VERSION,
  });
  const previous = await deps.teamsPackageVersions.get();
  const record = nextTeamsAppVersion(previous, deps.teamsPackager.contentHash(draft));
  if (record !== previous) await deps.teamsPackageVersions.put(record);
  const manifest = { ...draft, version: record.version };
  return {
    manifest,
    zip: deps.teamsPackager.zip(manifest),
    // A port's colon is not allowed in a Windows file name.
    fileName: `teams-for-confluence-${host.replace(/[^a-z0-9.-]/g, '-')}-${record.version}.zip`,
  };
};

/**
 * `teams-app/package`: a site admin downloads the Teams app package for this site. The bot is the
 * tenant mapping's Entra app (D10's default) unless the admin registered one apart.
 */
export const downloadTeamsAppPackage = async (
  deps: TeamsAppPackageDeps,
  caller: Caller,
): Promise<TeamsAppPackageDownload> => {
  await requireSiteAdmin(deps.permissions, caller);
  const mapping = await deps.tenants.get();
  if (!mapping) {
    throw new AppError(
      'tenant_not_configured',
      'Save the Microsoft tenant mapping first: the Teams app package names its Entra app.',
    );
  }
  if (!caller.siteUrl) throw new Error('The Forge context has no siteUrl');
  const built = await buildTeamsPackage(deps, {
    siteUrl: caller.siteUrl,
    botId: (await deps.botStore.getBotId()) ?? mapping.clientId,
    clientId: mapping.clientId,
    websiteUrl: deps.urls.personalPageUrl(caller.siteUrl),
  });
  return {
    fileName: built.fileName,
    base64: Buffer.from(built.zip).toString('base64'),
    appId: built.manifest.id,
    version: built.manifest.version,
    manifestVersion: TEAMS_MANIFEST_VERSION,
  };
};
