/**
 * What the simulator's Teams knows of the companion app's package: its catalog id (Graph shows it
 * as `teamsAppId` on cards a person posts through the app) and the link domains of its
 * `messageHandlers` (the Confluence site's exact host). The sandbox sets the domains from the
 * Confluence simulator's address, as the app's generated package does from the site URL.
 */
export interface TeamsAppSettings {
  appId: string;
  /** Hosts as in the package: lower case, with a port when the site has one. */
  linkDomains: string[];
}

/** A fixed catalog id: the simulator has one app catalog entry for the companion app. */
export const SIM_TEAMS_APP_ID = '3c9e2d4f-6a1b-4c8d-9e0f-7a6b5c4d3e2f';

export const defaultTeamsAppSettings = (): TeamsAppSettings => ({
  appId: SIM_TEAMS_APP_ID,
  linkDomains: [],
});

/**
 * The host Teams compares with the app's link domains: lower case, default ports dropped (the
 * URL parser does both). Teams unfurls https links; the sandbox's Confluence is served over http
 * on a local port, so http is accepted too.
 * @see https://learn.microsoft.com/microsoftteams/platform/messaging-extensions/how-to/link-unfurling
 */
export function appLinkHost(settings: TeamsAppSettings, text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  return settings.linkDomains.includes(url.host.toLowerCase()) ? url.host.toLowerCase() : null;
}

/** The first http(s) link in a text whose host is one of the app's link domains. */
export function firstAppLink(settings: TeamsAppSettings, text: string): string | null {
  for (const match of text.matchAll(/https?:\/\/[^\s<>"']+/gi)) {
    const candidate = match[0].replace(/[),.;:!?]+$/, '');
    if (appLinkHost(settings, candidate)) return candidate;
  }
  return null;
}
