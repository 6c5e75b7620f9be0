import { scopeRefOf, type Rule } from './rule';

/**
 * Site-relative links to the app's settings pages, shaped after the routes in manifest.yml
 * (`confluence:spaceSettings` and `confluence:globalPage` both use `microsoft-teams`); the UI
 * opens them with `router.navigate`, which takes site-relative URLs.
 */
const APP_ROUTE = 'microsoft-teams';
const GLOBAL_SETTINGS_MODULE = 'teams-global-settings';

const globalSettingsPath = (): string => `/wiki/admin/${GLOBAL_SETTINGS_MODULE}`;
const personalSettingsPath = (): string => `/wiki/apps/${APP_ROUTE}`;
const spaceSettingsPath = (spaceKey: string): string =>
  `/wiki/spaces/${encodeURIComponent(spaceKey)}/settings/apps/${APP_ROUTE}`;

/** The global settings page on `siteUrl` (no trailing `/wiki`), for links from Teams. */
export const globalSettingsUrl = (siteUrl: string): string =>
  `${siteUrl.replace(/\/$/, '')}${globalSettingsPath()}`;

interface RuleLocation {
  label: string;
  url: string;
}

/** Where a rule lives, as a link; a page the reader cannot view (`page` null) is never named. */
export const ruleLocation = (
  rule: Pick<Rule, 'scope' | 'scopeKey'>,
  page: { title: string; url: string } | null,
): RuleLocation => {
  if (rule.scope === 'personal') return { label: 'Personal', url: personalSettingsPath() };
  const scope = scopeRefOf(rule);
  if (scope.scope === 'global') return { label: 'Global', url: globalSettingsPath() };
  if (scope.scope === 'space') {
    return { label: `Space ${scope.spaceKey ?? ''}`, url: spaceSettingsPath(scope.spaceKey ?? '') };
  }
  if (!page) return { label: 'A page you cannot view', url: '' };
  return { label: `Page ${page.title}`, url: page.url };
};
