import { format } from 'node:util';
import type { LogLevel } from '../emulator-contract';
import { currentInvocation } from './invocation-context';
import { appendLog } from './log-sink';

const LEVELS: readonly LogLevel[] = ['log', 'info', 'warn', 'error', 'debug'];
const PATCHED = Symbol.for('forge-emulator.console-captured');

/**
 * Routes console lines written inside an invocation to the emulator's logs (Forge collects them as app
 * logs); outside invocations the console behaves as before. Installed once per global console.
 */
export function installConsoleCapture(): void {
  const target = console as Console & { [PATCHED]?: boolean };
  if (target[PATCHED]) return;
  target[PATCHED] = true;
  for (const level of LEVELS) {
    const original = target[level].bind(target);
    target[level] = (...args: unknown[]) => {
      const invocation = currentInvocation();
      if (!invocation) return original(...args);
      appendLog(invocation.core, invocation, level, format(...args));
    };
  }
}
