import type { ProductDescriptor } from '../product/product-request';
import { activeCore } from './active-cores';
import { forgeFetchWithCore } from './forge-fetch';
import { currentInvocation } from './invocation-context';
import { buildRuntime } from './runtime-object';

const INSTALLED = Symbol.for('forge-emulator.globals-installed');

type ForgeGlobals = typeof globalThis & {
  [INSTALLED]?: boolean;
  __forge_fetch__?: (descriptor: ProductDescriptor, path: string, init?: RequestInit) => Promise<Response>;
};

/**
 * Installs `global.__forge_runtime__` (a getter: each invocation sees its own runtime, kept in
 * AsyncLocalStorage) and `global.__forge_fetch__`, the two hooks the Forge SDKs use to reach the platform.
 * Outside an invocation they serve the most recently started emulator, so tests can seed storage directly.
 */
export function installForgeGlobals(): void {
  const target = globalThis as ForgeGlobals;
  if (target[INSTALLED]) return;
  Object.defineProperty(target, '__forge_runtime__', {
    configurable: true,
    get() {
      const invocation = currentInvocation();
      if (invocation) return invocation.runtime;
      const core = activeCore();
      return core ? buildRuntime(core, {}) : undefined;
    },
  });
  target.__forge_fetch__ = forgeFetchWithCore;
  target[INSTALLED] = true;
}
