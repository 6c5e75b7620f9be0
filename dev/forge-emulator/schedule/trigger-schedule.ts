import type { EmulatorCore } from '../core/emulator-core';
import type { ScheduledTriggerRun } from '../emulator-contract';
import type { ScheduledInterval, ScheduledTriggerModule } from '../manifest/manifest-model';
import { outsideInvocation } from '../runtime/invocation-context';
import { runScheduledTrigger } from './scheduled-run';

const MINUTE_MS = 60_000;
export const INTERVAL_MS: Record<ScheduledInterval, number> = {
  fiveMinute: 5 * MINUTE_MS,
  hour: 60 * MINUTE_MS,
  day: 24 * 60 * MINUTE_MS,
  week: 7 * 24 * 60 * MINUTE_MS,
};
/** "Each trigger is scheduled to start shortly after it is created, about 5 minutes after app deployment." */
const FIRST_RUN_AFTER_MS = 5 * MINUTE_MS;
/** How often the clock is looked at, in real ms before delayScale; never more often than every 20 ms. */
const POLL_MS = 1000;
const MIN_POLL_MS = 20;

/** One scheduled trigger's place in the schedule, for the overview page. */
export interface ScheduleEntry {
  trigger: ScheduledTriggerModule;
  /** Emulator clock ms of the next run. */
  nextRunAt: number;
  lastRun?: ScheduledTriggerRun & { startedAt: number };
}

/**
 * Runs the manifest's scheduled triggers on the emulator's clock: the first run five minutes after the
 * emulator starts (its "deployment"), then every interval from there, so the phase stays fixed. A clock
 * that jumps over several ticks gets one run, not one per tick missed. The clock is a plain function, so
 * it is looked at every second (scaled by delayScale) and whenever `runDue()` is called (`idle()` does).
 */
export class TriggerSchedule {
  private readonly entries = new Map<string, ScheduleEntry>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly core: () => EmulatorCore) {}

  /** Sets every trigger's first run by the clock and starts looking at it. */
  start(): void {
    const { manifest, options } = this.core();
    const firstRun = options.clock() + FIRST_RUN_AFTER_MS;
    for (const trigger of manifest.scheduledTriggers)
      this.entries.set(trigger.key, { trigger, nextRunAt: firstRun });
    if (this.entries.size === 0) return;
    const every = Math.max(MIN_POLL_MS, POLL_MS * options.delayScale);
    this.timer = outsideInvocation(() => setInterval(() => this.runDue(), every));
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  list(): readonly ScheduleEntry[] {
    return [...this.entries.values()];
  }

  /** Starts every trigger whose time has come by the clock; does not wait for them. */
  runDue(): void {
    if (!this.timer) return;
    const now = this.core().options.clock();
    for (const entry of this.entries.values()) {
      if (entry.nextRunAt > now) continue;
      const interval = INTERVAL_MS[entry.trigger.interval];
      entry.nextRunAt += Math.floor((now - entry.nextRunAt) / interval + 1) * interval;
      void this.run(entry);
    }
  }

  /** Runs one trigger now, outside its schedule. */
  runNow(key: string): Promise<ScheduledTriggerRun> {
    const entry = this.entries.get(key);
    if (!entry) return Promise.reject(new Error(`manifest.yml has no scheduled trigger '${key}'`));
    return this.run(entry);
  }

  private async run(entry: ScheduleEntry): Promise<ScheduledTriggerRun> {
    const startedAt = this.core().options.clock();
    // Started synchronously, so the runner counts it at once and idle() waits for it.
    const run = await outsideInvocation(() => runScheduledTrigger(this.core(), entry.trigger));
    entry.lastRun = { ...run, startedAt };
    return run;
  }
}
