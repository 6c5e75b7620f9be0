import { join } from 'node:path';
import { startConfluenceSimulator, type ConfluenceSimulator } from '../confluence-sim';
import { startForgeEmulator, type ForgeEmulator } from '../forge-emulator';
import { startMicrosoftSimulator, type MicrosoftSimulator } from '../ms-sim';
import { APP_ACCOUNT_ID, CLOUD_ID, MICROSOFT_ORIGINS } from '../seed';
import { APP_DIR, readUiModules } from './app-manifest';

export interface SandboxOptions {
  /** Where state persists between runs; absent keeps everything in memory (tests). */
  dataDir?: string;
  reset?: boolean;
  ports?: { forge?: number; confluence?: number; microsoft?: number };
  quiet?: boolean;
  /** Multiplies every queue wait (retries, delays); tests shrink it. */
  delayScale?: number;
  clock?: () => number;
  /** Platform faults: redelivered and reordered events and queue messages. */
  forgeFaults?: { duplicateRate?: number; reorder?: boolean };
}

export interface Sandbox {
  forge: ForgeEmulator;
  confluence: ConfluenceSimulator;
  microsoft: MicrosoftSimulator;
  /** Maps real Microsoft origins to the simulator, as the browser in the sandbox sees them. */
  browserRoutes: Record<string, string>;
  oauthCallbackUrl: string;
  stop(): Promise<void>;
}

/**
 * The app paces its Teams requests by queue delays, which the emulator multiplies by `delayScale`
 * while the app reads the real clock: Teams' per-second windows must shrink as much, or a send
 * the queue held back for its turn would meet a 429 that Teams itself would not send.
 */
export const throttleClockFor = (delayScale = 1): (() => number) | undefined => {
  if (delayScale >= 1) return undefined;
  const start = Date.now();
  return () => start + (Date.now() - start) / delayScale;
};

/**
 * The whole local sandbox in one process: the Microsoft simulator, the Confluence simulator
 * and the Forge emulator running the app's real `src/` with the real Forge SDKs.
 */
export const startSandbox = async (options: SandboxOptions = {}): Promise<Sandbox> => {
  const dir = (name: string) => (options.dataDir ? join(options.dataDir, name) : undefined);
  const microsoft = await startMicrosoftSimulator({
    port: options.ports?.microsoft ?? 0,
    dataDir: dir('microsoft'),
    reset: options.reset,
    clock: options.clock,
    throttleClock: options.clock ? undefined : throttleClockFor(options.delayScale),
  });
  const routes = {
    [MICROSOFT_ORIGINS.login]: microsoft.routes.login,
    [MICROSOFT_ORIGINS.graph]: microsoft.routes.graph,
    [MICROSOFT_ORIGINS.connector]: microsoft.routes.connector,
    [MICROSOFT_ORIGINS.botFrameworkLogin]: microsoft.routes.botFrameworkLogin,
  };

  // The Confluence pages embed the emulator's host script, and the emulator forwards product
  // requests to Confluence: the emulator's URL is read lazily, once it is listening.
  const late: { forge?: ForgeEmulator } = {};
  const confluence = await startConfluenceSimulator({
    port: options.ports?.confluence ?? 0,
    dataDir: dir('confluence'),
    reset: options.reset,
    clock: options.clock,
    emitEvent: async (eventType, payload) => {
      if (!late.forge) throw new Error('The Forge emulator is not running yet');
      await late.forge.emitProductEvent(eventType, payload);
    },
    forge: {
      get hostScriptUrl() {
        return `${late.forge?.url ?? ''}/__forge/host.js`;
      },
      modules: readUiModules(),
      browserRoutes: routes,
      get appId() {
        return late.forge?.identity.appId;
      },
      get environmentId() {
        return late.forge?.identity.environmentId;
      },
    },
    teamsViewUrl: microsoft.teamsViewUrl,
  });
  const forge = await startForgeEmulator({
    appDir: APP_DIR,
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loadApp: () => require('../../src/index') as Record<string, unknown>,
    dataDir: dir('forge'),
    reset: options.reset,
    productBaseUrls: { confluence: confluence.url },
    egressRoutes: routes,
    siteUrl: confluence.url,
    cloudId: CLOUD_ID,
    appAccountId: APP_ACCOUNT_ID,
    port: options.ports?.forge ?? 0,
    quiet: options.quiet,
    delayScale: options.delayScale,
    clock: options.clock,
    faults: options.forgeFaults,
  });
  const oauthCallbackUrl = forge.webTriggerUrl('oauth-callback');
  microsoft.registerRedirectUri(oauthCallbackUrl);
  microsoft.botChannel.registerEndpoint(forge.webTriggerUrl('bot-messages'));
  // The app's package claims the site's exact host for link previews (teams-app-manifest.ts).
  microsoft.teams.configureApp({ linkDomains: [new URL(confluence.url).host] });
  late.forge = forge;
  return {
    forge,
    confluence,
    microsoft,
    browserRoutes: routes,
    oauthCallbackUrl,
    stop: async () => {
      await forge.stop();
      await confluence.stop();
      await microsoft.stop();
    },
  };
};
