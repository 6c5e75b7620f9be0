import { randomBytes } from 'node:crypto';
import type { EmulatorCore } from '../core/emulator-core';

/** The bits of an invocation the runtime object describes. */
export interface RuntimeSubject {
  invocationId?: string;
  moduleKey?: string;
  accountId?: string;
  deadline?: number;
}

const noopTimer = { stop: () => undefined };
/** `@forge/api` reports counters and timings through `runtime.metrics`; the emulator discards them. */
const metrics = {
  counter: () => ({ incr: () => undefined, decr: () => undefined }),
  timing: () => ({ measure: () => noopTimer }),
  gauge: () => ({ set: () => undefined }),
};

/**
 * Builds the object `global.__forge_runtime__` holds, with the fields the SDKs read: `appContext`
 * (runtime.js getAppContext), `lambdaContext`, `metrics`, `contextAri` (webTrigger.js), `aaid`
 * (authorization), `proxy`/`kvs`/`tracing` (@forge/kvs index.js) and `container.appCodeDir` (i18n).
 */
export function buildRuntime(core: EmulatorCore, subject: RuntimeSubject): Record<string, unknown> {
  const { identity, manifest, options } = core;
  const deadline = subject.deadline;
  return {
    proxy: { token: 'forge-emulator-proxy-token', url: 'http://forge-emulator.invalid' },
    kvs: { url: 'http://kvs.forge-emulator.invalid', host: 'kvs.forge-emulator.invalid' },
    tracing: { traceId: randomBytes(8).toString('hex'), spanId: randomBytes(8).toString('hex') },
    appContext: {
      appId: identity.appId,
      appVersion: '1.0.0',
      environmentId: identity.environmentId,
      environmentType: 'DEVELOPMENT',
      invocationId: subject.invocationId,
      installationId: identity.installationId,
      moduleKey: subject.moduleKey,
      license: undefined,
      installation: { ari: `ari:cloud:ecosystem::installation/${identity.installationId}` },
      permissions: { scopes: manifest.scopes.map((scope) => scope.name), external: manifest.external },
    },
    lambdaContext: {
      getRemainingTimeInMillis: () => (deadline === undefined ? 0 : Math.max(0, deadline - Date.now())),
    },
    metrics,
    contextAri: identity.contextAri,
    aaid: subject.accountId,
    externalAuth: [],
    container: { appCodeDir: options.appDir },
  };
}
