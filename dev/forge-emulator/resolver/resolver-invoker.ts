import type { EmulatorCore } from '../core/emulator-core';
import type { ResolverCall } from '../emulator-contract';

/** Resolvers get 25 s; `invoke` answers up to 5 MB (PLATFORM-FACTS "Runtime"). */
const RESOLVER_TIMEOUT_MS = 25_000;
const MAX_RESPONSE_BYTES = 5 * 1024 * 1024;

/**
 * How a failed resolver reaches the browser: `invoke` rejects with an Error carrying this message.
 * The wording follows what Forge's host shows; it is not documented.
 */
export const invokeFailure = (message: string): Error =>
  new Error(`There was an error invoking the function - ${message}`);

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Calls a UI module's resolver function with the arguments `@forge/resolver`'s definitions handler
 * receives: `({ call: { functionKey, payload }, context }, { principal, installContext })`.
 */
export async function invokeResolver(core: EmulatorCore, call: ResolverCall): Promise<unknown> {
  const module = core.manifest.uiModules.get(call.moduleKey);
  if (!module?.resolverFunctionKey) {
    throw invokeFailure(`manifest.yml has no module '${call.moduleKey}' with a resolver`);
  }
  const { identity, options } = core;
  const context = {
    accountId: call.accountId,
    accountType: call.accountId ? 'licensed' : 'anonymous',
    cloudId: options.cloudId,
    siteUrl: options.siteUrl,
    moduleKey: module.key,
    localId: `ari:cloud:ecosystem::extension/${identity.appId}/${identity.environmentId}/static/${module.key}`,
    extension: { type: module.type, ...call.extension },
    environmentId: identity.environmentId,
    environmentType: 'DEVELOPMENT',
    installContext: identity.contextAri,
  };
  const backendPayload = {
    principal: call.accountId ? { accountId: call.accountId } : undefined,
    installContext: identity.contextAri,
    installation: {
      ari: { installationId: identity.installationId },
      contexts: [{ cloudId: options.cloudId }],
    },
  };
  const outcome = await core.runner.run({
    functionKey: module.resolverFunctionKey,
    moduleKey: module.key,
    kind: 'resolver',
    accountId: call.accountId,
    timeoutMs: RESOLVER_TIMEOUT_MS,
    args: [{ call: { functionKey: call.functionKey, payload: call.payload }, context }, backendPayload],
  });
  if (!outcome.ok) throw invokeFailure(messageOf(outcome.error));
  if (outcome.value === undefined) return undefined;
  // The answer crosses the platform as JSON.
  const json = JSON.stringify(outcome.value);
  if (Buffer.byteLength(json) > MAX_RESPONSE_BYTES) throw invokeFailure('The resolver response is over 5 MB');
  return JSON.parse(json) as unknown;
}
