import type { ForgeUiConfig, ForgeUiModule } from '../../../../dev/confluence-sim';

/** The app's four UI modules as manifest.yml declares them. */
export const MODULES: ForgeUiModule[] = [
  { key: 'teams-global-settings', type: 'confluence:globalSettings', title: 'Microsoft Teams' },
  {
    key: 'teams-space-settings',
    type: 'confluence:spaceSettings',
    title: 'Microsoft Teams',
    route: 'microsoft-teams',
  },
  { key: 'teams-content-action', type: 'confluence:contentAction', title: 'Microsoft Teams' },
  {
    key: 'teams-personal-settings',
    type: 'confluence:globalPage',
    title: 'Microsoft Teams',
    route: 'microsoft-teams',
  },
];
/** Port 9 (discard): nothing is fetched from it; the tests only read the rendered HTML. */
export const HOST_SCRIPT = 'http://127.0.0.1:9/__forge/host.js';
export const ROUTES = { 'https://login.microsoftonline.com': 'http://127.0.0.1:9/login' };
export const FORGE_UI: ForgeUiConfig = {
  hostScriptUrl: HOST_SCRIPT,
  modules: MODULES,
  browserRoutes: ROUTES,
};

/** The options object each `ForgeHost.mount(container, {...})` call in a page receives. */
export function mountCalls(html: string): Array<Record<string, unknown>> {
  // The JSON is on one line; the call around it may be wrapped by the formatter.
  return [...html.matchAll(/ForgeHost\.mount\(\s*container,\s*(\{.*\})\s*,?\s*\)/g)].map(
    (m) => JSON.parse(m[1]) as Record<string, unknown>,
  );
}
