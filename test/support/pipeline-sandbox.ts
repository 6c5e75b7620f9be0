import { startConfluenceSimulator } from '../../dev/confluence-sim';
import { startForgeEmulator } from '../../dev/forge-emulator';
import { startMicrosoftSimulator } from '../../dev/ms-sim';
import { APP_DIR } from '../../dev/sandbox/app-manifest';
import { throttleClockFor, type Sandbox } from '../../dev/sandbox/start-sandbox';
import { APP_ACCOUNT_ID, CLOUD_ID, MICROSOFT_ORIGINS } from '../../dev/seed';

/** Something that stands between the app and a simulator (a fault-injecting proxy). */
export interface Interposer {
  url: string;
  stop(): Promise<void>;
}

export interface PipelineSandboxOptions {
  /** Folder with the manifest.yml to run; default the app's own. */
  appDir?: string;
  /** The app's entry; default src/index.ts. */
  loadApp?: () => Record<string, unknown>;
  /** Clock of the Forge emulator and the Microsoft simulator (KVS TTLs, tokens, throttling). */
  clock?: () => number;
  /**
   * Clock of the Confluence simulator alone: it dates every change and so every product event,
   * and the "no flood" windows run on event time. A scenario can move it past the windows while
   * tokens and Teams' per-second limits keep running on real time.
   */
  confluenceClock?: () => number;
  /**
   * Clock of the Microsoft simulator alone. With queue delays scaled down (`delayScale`), a
   * Microsoft clock sped up by the same factor keeps Retry-After and Teams' per-second windows
   * consistent: a retry after "1 s" then finds the one-second window gone.
   */
  microsoftClock?: () => number;
  /**
   * Clock of Teams' throttling windows alone (the simulator's `throttleClock`); by default, without
   * other clocks, one sped up as the queue's delays are shortened (`throttleClockFor`).
   */
  throttleClock?: () => number;
  /** A Confluence site state to start from (its `confluence-site.json` lives here). */
  confluenceDataDir?: string;
  delayScale?: number;
  forgeFaults?: { duplicateRate?: number; reorder?: boolean; random?: () => number };
  /** Wraps Graph: the app's requests to graph.microsoft.com go to the returned URL. */
  interposeGraph?: (graphUrl: string) => Promise<Interposer>;
}

/**
 * The sandbox of dev/sandbox/start-sandbox.ts with its parts wired as a measurement or a fault
 * scenario needs: another manifest and entry (the bench's bare trigger), separate clocks, a
 * prepared Confluence site, and a proxy in front of Graph. Everything else is the same: real
 * SDKs in the emulator, the simulators behind the real Microsoft and Atlassian origins.
 */
export const startPipelineSandbox = async (options: PipelineSandboxOptions = {}): Promise<Sandbox> => {
  const microsoft = await startMicrosoftSimulator({
    clock: options.microsoftClock ?? options.clock,
    throttleClock:
      options.throttleClock ??
      ((options.microsoftClock ?? options.clock) ? undefined : throttleClockFor(options.delayScale ?? 0.001)),
  });
  const interposer = options.interposeGraph ? await options.interposeGraph(microsoft.routes.graph) : null;
  const routes = {
    [MICROSOFT_ORIGINS.login]: microsoft.routes.login,
    [MICROSOFT_ORIGINS.graph]: interposer?.url ?? microsoft.routes.graph,
    [MICROSOFT_ORIGINS.connector]: microsoft.routes.connector,
    [MICROSOFT_ORIGINS.botFrameworkLogin]: microsoft.routes.botFrameworkLogin,
  };
  const late: { emit?: (eventType: string, payload: object) => Promise<void> } = {};
  const confluence = await startConfluenceSimulator({
    dataDir: options.confluenceDataDir,
    clock: options.confluenceClock ?? options.clock,
    emitEvent: async (eventType, payload) => {
      if (!late.emit) throw new Error('The Forge emulator is not running yet');
      await late.emit(eventType, payload);
    },
  });
  const forge = await startForgeEmulator({
    appDir: options.appDir ?? APP_DIR,
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loadApp: options.loadApp ?? (() => require('../../src/index') as Record<string, unknown>),
    productBaseUrls: { confluence: confluence.url },
    egressRoutes: routes,
    siteUrl: confluence.url,
    cloudId: CLOUD_ID,
    appAccountId: APP_ACCOUNT_ID,
    quiet: true,
    delayScale: options.delayScale ?? 0.001,
    clock: options.clock,
    faults: options.forgeFaults,
  });
  late.emit = (eventType, payload) => forge.emitProductEvent(eventType, payload);
  const oauthCallbackUrl = forge.webTriggerUrl('oauth-callback');
  microsoft.registerRedirectUri(oauthCallbackUrl);
  microsoft.botChannel.registerEndpoint(forge.webTriggerUrl('bot-messages'));
  return {
    forge,
    confluence,
    microsoft,
    browserRoutes: { ...routes, [MICROSOFT_ORIGINS.graph]: microsoft.routes.graph },
    oauthCallbackUrl,
    stop: async () => {
      await forge.stop();
      await confluence.stop();
      await interposer?.stop();
      await microsoft.stop();
    },
  };
};
