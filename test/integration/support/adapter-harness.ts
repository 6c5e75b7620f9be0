import { join } from 'node:path';
import { startConfluenceSimulator, type ConfluenceSimulator } from '../../../dev/confluence-sim';
import { startForgeEmulator, type ForgeEmulator } from '../../../dev/forge-emulator';
import { startMicrosoftSimulator, type MicrosoftSimulator } from '../../../dev/ms-sim';
import { APP_ACCOUNT_ID, CLOUD_ID, MICROSOFT_ORIGINS } from '../../../dev/seed';
import type { ADAPTERS } from './adapter-harness.entry';

export type AdapterName = keyof typeof ADAPTERS;

export type CallResult =
  | { ok: true; value: unknown }
  | {
      ok: false;
      name: string;
      kind?: string;
      code?: string;
      status?: number;
      retryAfterSeconds?: number;
      message: string;
    };

export interface AdapterHarness {
  forge: ForgeEmulator;
  confluence: ConfluenceSimulator;
  microsoft: MicrosoftSimulator;
  /** Runs `ADAPTERS[adapter][method](...args)` inside a Forge invocation. */
  call(adapter: AdapterName, method: string, ...args: unknown[]): Promise<CallResult>;
  /** Like call, but throws on failure and returns the value. */
  value<T = unknown>(adapter: AdapterName, method: string, ...args: unknown[]): Promise<T>;
  /**
   * Like value, in an invocation of `accountId` (a resolver call by that person): how the
   * resolver-side checks run, with `asUser()` and no impersonation.
   */
  valueAs<T = unknown>(
    accountId: string,
    adapter: AdapterName,
    method: string,
    ...args: unknown[]
  ): Promise<T>;
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
      [MICROSOFT_ORIGINS.connector]: microsoft.routes.connector,
    },
    siteUrl: confluence.url,
    cloudId: CLOUD_ID,
    appAccountId: APP_ACCOUNT_ID,
    quiet: true,
    delayScale: 0.001,
    clock: options.clock,
  });
  const invoke = (functionKey: string, payload: unknown, accountId = 'integration-test') =>
    forge.invokeResolver({ moduleKey: 'teams-global-settings', accountId, functionKey, payload });
  const callAs = (accountId: string, adapter: AdapterName, method: string, args: unknown[]) =>
    invoke('call', { adapter, method, args }, accountId) as Promise<CallResult>;
  const call = (adapter: AdapterName, method: string, ...args: unknown[]) =>
    callAs('integration-test', adapter, method, args);
  const valueOf = async <T>(result: Promise<CallResult>, what: string) => {
    const answer = await result;
    if (!answer.ok) throw new Error(`${what} failed: ${answer.name} ${answer.message}`);
    return answer.value as T;
  };
  return {
    forge,
    confluence,
    microsoft,
    call,
    value: <T>(adapter: AdapterName, method: string, ...args: unknown[]) =>
      valueOf<T>(call(adapter, method, ...args), `${adapter}.${method}`),
    valueAs: <T>(accountId: string, adapter: AdapterName, method: string, ...args: unknown[]) =>
      valueOf<T>(callAs(accountId, adapter, method, args), `${adapter}.${method}`),
    received: () => invoke('received', {}) as Promise<unknown[]>,
    stop: async () => {
      await forge.stop();
      await confluence.stop();
      await microsoft.stop();
    },
  };
};
