import type { TeamsAppManifest, TeamsPackageRecord } from '../../domain/teams-app-manifest';

/** Turns a site's manifest into the zip Teams admin center takes. */
export interface TeamsAppPackager {
  /** The site's Teams app id: the same for one host every time, different for another (UUIDv5). */
  appIdFor(siteHost: string): string;
  /** A hash of the package's content (manifest and icons) without its version. */
  contentHash(manifest: TeamsAppManifest): string;
  /** manifest.json and the two icons, zipped; the same manifest gives the same bytes. */
  zip(manifest: TeamsAppManifest): Uint8Array;
}

/** The version and content hash last packaged for this site (KVS key `teams-package`). */
export interface TeamsPackageVersionStore {
  get(): Promise<TeamsPackageRecord | null>;
  put(record: TeamsPackageRecord): Promise<void>;
}
