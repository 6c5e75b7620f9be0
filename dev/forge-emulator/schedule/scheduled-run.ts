import type { EmulatorCore } from '../core/emulator-core';
import type { ScheduledTriggerRun } from '../emulator-contract';
import type { ScheduledTriggerModule } from '../manifest/manifest-model';
import { appendLog } from '../runtime/log-sink';

/** 55 s by default, up to 900 s with the function's `timeoutSeconds` (limits-invocation, "Runtime seconds"). */
const DEFAULT_TIMEOUT_SECONDS = 55;
const MAX_TIMEOUT_SECONDS = 900;
/** The context token's lifetime in the docs' example (`exp - iat`); the emulator signs nothing. */
const TOKEN_SECONDS = 900;

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * The opaque `contextToken` of the request: shaped like the platform's JWT (the docs' example decodes to
 * `context`, `appId`, `extensionType: core:scheduledTrigger`, `contextIds`), unsigned. Apps must not read it.
 */
function contextToken(core: EmulatorCore, context: { cloudId: string; moduleKey: string }): string {
  const iat = Math.floor(core.options.clock() / 1000);
  const claims = {
    context,
    appId: core.identity.appId,
    extensionType: 'core:scheduledTrigger',
    contextIds: [core.identity.contextAri],
    iss: 'forge/context-token',
    aud: 'forge',
    iat,
    nbf: iat,
    exp: iat + TOKEN_SECONDS,
  };
  return `${base64url({ alg: 'none', kid: 'forge-emulator' })}.${base64url(claims)}.`;
}

/**
 * What Forge makes of a returned value. The function reference asks for `{ statusCode, body?, headers? }`
 * (204 success, 5xx an error, anything else recorded as 424 Failed dependency); the module page says a
 * returned value is ignored, and its example returns nothing. So: nothing is fine, a response is read,
 * anything else is noted. Never retried either way.
 */
function judgeAnswer(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const statusCode =
    value !== null && typeof value === 'object' ? (value as { statusCode?: unknown }).statusCode : undefined;
  if (typeof statusCode !== 'number') {
    return 'returned a value that is not { statusCode, ... }: Forge records such a run as 424 Failed dependency';
  }
  if (statusCode >= 500) return `answered statusCode ${statusCode}: Forge counts the run as an error`;
  return undefined;
}

/**
 * Invokes a scheduled trigger's function once, as the platform does: `({ context: { cloudId, moduleKey },
 * contextToken }, { principal: undefined, installContext })`, without a user. A throw or a timeout is
 * logged and recorded; Forge does not retry it (manifest-reference/modules/scheduled-trigger).
 */
export async function runScheduledTrigger(
  core: EmulatorCore,
  trigger: ScheduledTriggerModule,
): Promise<ScheduledTriggerRun> {
  const definition = core.manifest.functions.get(trigger.functionKey);
  const timeoutSeconds = Math.min(MAX_TIMEOUT_SECONDS, definition?.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS);
  const context = { cloudId: core.options.cloudId, moduleKey: trigger.key };
  const outcome = await core.runner.run({
    functionKey: trigger.functionKey,
    moduleKey: trigger.key,
    kind: 'scheduledTrigger',
    timeoutMs: timeoutSeconds * 1000,
    args: [
      { context, contextToken: contextToken(core, context) },
      { principal: undefined, installContext: core.identity.contextAri },
    ],
  });
  const { invocationId } = outcome;
  const problem = outcome.ok ? judgeAnswer(outcome.value) : undefined;
  if (problem)
    appendLog(
      core,
      { functionKey: trigger.functionKey, invocationId },
      'warn',
      `[forge-emulator] ${problem}`,
    );
  return { moduleKey: trigger.key, invocationId, ok: outcome.ok, timedOut: !outcome.ok && outcome.timedOut };
}
