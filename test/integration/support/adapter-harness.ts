import { join } from 'node:path';
import { startConfluenceSimulator, type ConfluenceSimulator } from '../../../dev/confluence-sim';
import { startForgeEmulator, type ForgeEmulator } from '../../../dev/forge-emulator';
import { startMicrosoftSimulator, type MicrosoftSimulator } from '../../../dev/ms-sim';
import { APP_ACCOUNT_ID, CLOUD_ID, MICROSOFT_ORIGINS } from '../../../dev/seed';
import type { ADAPTERS } from './adapter-harness.entry';

export type AdapterName = keyof typeof ADAPTERS;

export type CallResult =
  | { ok: true; value: unknown }
  | { ok: false; name: string; code?: string; status?: number; retryAfterSeconds?: number; message: string };

export interface AdapterHarness {
  forge: ForgeEmulator;
  confluence: ConfluenceSimulator;
  microsoft: MicrosoftSimulator;
  /** Runs `ADAPTERS[adapter][method](...args)` inside a Forge invocation. */
  call(adapter: AdapterName, method: string, ...args: unknown[]): Promise<CallResult>;
  /** Like call, but throws on failure and returns the value. */
  value<T = unknown>(adapter: AdapterName, method: string, ...args: unknown[]): Promise<T>;
  received(): Promise<unknown[]>;
  stop(): Promise<void>;
}

export const startAdapterHarness = async (
  options: { clock?: () => number } = {},
): Promise<AdapterHarness> => {
  const microsoft = await startMicrosoftSimulator({ clock: options.clock });
  const confluence = await startConfluenceSimulator({ emitEvent: () => undefined, clock: options.clock });
  const forge = await startForgeEmulator({
    appDir: join(__dirname, '..', '..', '..'),
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loadApp: () => require('./adapter-harness.entry') as Record<string, unknown>,
    productBaseUrls: { confluence: confluence.url },
    egressRoutes: {
      [MICROSOFT_ORIGINS.login]: microsoft.routes.login,
      [MICROSOFT_ORIGINS.graph]: microsoft.routes.graph,
    },
    siteUrl: confluence.url,
    cloudId: CLOUD_ID,
    appAccountId: APP_ACCOUNT_ID,
    quiet: true,
    delayScale: 0.001,
    clock: options.clock,
  });
  const invoke = (functionKey: string, payload: unknown) =>
    forge.invokeResolver({
      moduleKey: 'teams-global-settings',
      accountId: 'integration-test',
      functionKey,
      payload,
    });
  const call = (adapter: AdapterName, method: string, ...args: unknown[]) =>
    invoke('call', { adapter, method, args }) as Promise<CallResult>;
  return {
    forge,
    confluence,
    microsoft,
    call,
    value: async <T>(adapter: AdapterName, method: string, ...args: unknown[]) => {
      const result = await call(adapter, method, ...args);
      if (!result.ok) throw new Error(`${adapter}.${method} failed: ${result.name} ${result.message}`);
      return result.value as T;
    },
    received: () => invoke('received', {}) as Promise<unknown[]>,
    stop: async () => {
      await forge.stop();
      await confluence.stop();
      await microsoft.stop();
    },
  };
};
