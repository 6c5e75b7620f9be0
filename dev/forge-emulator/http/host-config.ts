import type { EmulatorCore } from '../core/emulator-core';

/**
 * The facts `host.js` needs about this app (UI modules and their resources, site, environment), put in
 * front of the script as `window.__FORGE_EMULATOR__` so the product page needs no extra request.
 */
export function hostConfigPrelude(core: EmulatorCore): string {
  const { identity, options } = core;
  const modules = Object.fromEntries(
    [...core.manifest.uiModules.values()]
      .filter((module) => module.resourceKey)
      .map((module) => [
        module.key,
        { type: module.type, resourceKey: module.resourceKey, title: module.title },
      ]),
  );
  const config = {
    baseUrl: core.url,
    cloudId: options.cloudId,
    siteUrl: options.siteUrl,
    appId: identity.appId,
    environmentId: identity.environmentId,
    environmentType: 'DEVELOPMENT',
    modules,
  };
  // `<` escaped so the JSON cannot close a script element.
  return `window.__FORGE_EMULATOR__ = ${JSON.stringify(config).replace(/</g, '\\u003c')};\n`;
}
