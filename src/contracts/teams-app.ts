/**
 * The companion Teams app's package, as the global settings page downloads it: save `base64` as
 * `fileName` (a zip: manifest.json, color.png, outline.png) and upload it in Teams admin center.
 */
export interface TeamsAppPackageDownload {
  fileName: string;
  /** The zip's bytes in base64. */
  base64: string;
  /** The app id Teams knows this site's app by: the same for every version. */
  appId: string;
  /** The package's version: it moves only when the content changes. */
  version: string;
  /** The Teams manifest schema version the package follows. */
  manifestVersion: string;
}
