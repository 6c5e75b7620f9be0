import type { EmulatorCore } from '../core/emulator-core';
import { currentInvocation } from './invocation-context';

/** Running emulators, most recent last; calls made outside an invocation go to the most recent one. */
const cores: EmulatorCore[] = [];

export function registerCore(core: EmulatorCore): void {
  cores.push(core);
}

export function unregisterCore(core: EmulatorCore): void {
  const index = cores.indexOf(core);
  if (index >= 0) cores.splice(index, 1);
}

/** The emulator the current code talks to: its invocation's, else the latest started. */
export function activeCore(): EmulatorCore | undefined {
  return currentInvocation()?.core ?? cores[cores.length - 1];
}
