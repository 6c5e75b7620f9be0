import { currentInvocation } from '../../dev/forge-emulator/runtime/invocation-context';

type TimerWait = (invocationId: string, ms: number) => void;

const listeners = new Set<TimerWait>();

/**
 * A timer set by JavaScript outside Node itself (the app, an SDK, a client library) rather than
 * by Node's HTTP client for its sockets' idle and header timeouts, which are not waits.
 */
const setByCode = (stack: string | undefined): boolean =>
  (stack ?? '')
    .split('\n')
    .slice(2)
    .some((frame) => /[ (]\//.test(frame) && !frame.includes('consumer-timers'));

let installed = false;

/**
 * Calls `onWait` for every timer that fires inside a queue consumer's run, with its delay: a
 * function waiting on a timer is still running, and Forge bills it. The app itself runs in this
 * process (the emulator loads it), so its `setTimeout` is this one. A timer cleared before it
 * fires (a timeout that did not strike) waited for nothing and is not counted, nor are the
 * timers Node's own HTTP client keeps for its sockets.
 * Returns what stops the watch.
 */
export const watchConsumerTimers = (onWait: TimerWait): (() => void) => {
  if (!installed) {
    installed = true;
    const original = globalThis.setTimeout;
    const watched = (handler: unknown, ms?: number, ...args: unknown[]): unknown => {
      const invocation = currentInvocation();
      if (
        invocation?.kind !== 'consumer' ||
        typeof handler !== 'function' ||
        !ms ||
        ms <= 0 ||
        !setByCode(new Error().stack)
      )
        return Reflect.apply(original, globalThis, [handler, ms, ...args]);
      const counted = (...callArgs: unknown[]) => {
        for (const listener of listeners) listener(invocation.invocationId, ms);
        Reflect.apply(handler, undefined, callArgs);
      };
      return Reflect.apply(original, globalThis, [counted, ms, ...args]);
    };
    globalThis.setTimeout = Object.assign(watched, original) as typeof setTimeout;
  }
  listeners.add(onWait);
  return () => void listeners.delete(onWait);
};
