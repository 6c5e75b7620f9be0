import type { EmulatorCore } from '../core/emulator-core';
import type { LogLevel } from '../emulator-contract';

/** Who a log line belongs to. */
export interface LogSource {
  functionKey: string;
  invocationId: string;
}

/** Records a log line of an invocation and, unless quiet, echoes it to stdout like `forge tunnel` does. */
export function appendLog(core: EmulatorCore, source: LogSource, level: LogLevel, message: string): void {
  const time = new Date(core.options.clock()).toISOString();
  core.logs.push({
    time,
    functionKey: source.functionKey,
    invocationId: source.invocationId,
    level,
    message,
  });
  if (!core.options.quiet) {
    process.stdout.write(`${time} ${level.toUpperCase().padEnd(5)} [${source.functionKey}] ${message}\n`);
  }
}
