/** A Forge UI module of the app, as `manifest.yml` declares it. */
export interface ForgeUiModule {
  key: string;
  type:
    | 'confluence:globalSettings'
    | 'confluence:spaceSettings'
    | 'confluence:contentAction'
    | 'confluence:globalPage';
  title: string;
  /** Required for spaceSettings and globalPage; globalSettings pages use the module key when absent. */
  route?: string;
}

/** Where the Forge emulator's host script is and which UI modules the app declares. */
export interface ForgeUiConfig {
  hostScriptUrl: string;
  modules: ForgeUiModule[];
  /** Passed to `ForgeHost.mount`: real origins the host rewrites to local simulators. */
  browserRoutes?: Record<string, string>;
  /** The installation's ids: a global page lives at `/wiki/apps/:appId/:environmentId/:route`. */
  appId?: string;
  environmentId?: string;
}

/** What the web UI needs besides the site. */
export interface SimulatorUiOptions {
  forge?: ForgeUiConfig;
  teamsViewUrl?: string;
}

/** The URL segment of a module's page. */
export function moduleRoute(module: ForgeUiModule): string {
  return module.route ?? module.key;
}

/** A global page's address, as Confluence builds it (confluence:globalPage docs); short without ids. */
export function globalPagePath(forge: ForgeUiConfig, module: ForgeUiModule): string {
  const ids = forge.appId && forge.environmentId ? `${forge.appId}/${forge.environmentId}/` : '';
  return `/wiki/apps/${ids}${moduleRoute(module)}`;
}

export function modulesOfType(ui: SimulatorUiOptions, type: ForgeUiModule['type']): ForgeUiModule[] {
  return ui.forge?.modules.filter((m) => m.type === type) ?? [];
}
