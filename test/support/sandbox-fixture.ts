import { runFirstSlice } from '../../dev/sandbox/first-slice';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../dev/sandbox/start-sandbox';

/** A controllable clock shared by the sandbox's parts, for TTLs and token expiry. */
export const manualClock = (start = Date.parse('2026-11-22T09:00:00Z')) => {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
};

/** An in-memory sandbox with queue waits shrunk so retries take milliseconds. */
export const startTestSandbox = (options: SandboxOptions = {}): Promise<Sandbox> =>
  startSandbox({ quiet: true, delayScale: 0.001, ...options });

/**
 * A test sandbox taken through the first slice (dev/sandbox/first-slice.ts): the tenant mapped
 * with consent, Ada logged in with a rule for ENG → Engineering › General, and a page edit's card
 * posted there.
 */
export const startSandboxAfterFirstSlice = async (options: SandboxOptions = {}): Promise<Sandbox> => {
  const sandbox = await startTestSandbox(options);
  await runFirstSlice(sandbox);
  return sandbox;
};

/** Teams messages that carry a card mentioning `text`. */
export const messagesMentioning = (sandbox: Sandbox, text: string) =>
  sandbox.microsoft.messages().filter((m) => JSON.stringify(m).includes(text));

/** Polls until `condition` holds; fails after `timeoutMs`. */
export const waitFor = async (condition: () => boolean, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};
