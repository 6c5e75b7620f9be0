import type { ScheduledInterval, ScheduledTriggerModule } from './manifest-model';

type Raw = Record<string, unknown>;

/** The schema's values (`@forge/manifest` ModuleSchema.scheduledTrigger; manifest-reference/modules/scheduled-trigger). */
export const SCHEDULED_INTERVALS: readonly ScheduledInterval[] = ['fiveMinute', 'hour', 'day', 'week'];
/** "Apps can declare up to five scheduled triggers" (the docs; the schema itself does not count them). */
const MAX_SCHEDULED_TRIGGERS = 5;
const MODULE_KEY = /^[a-zA-Z0-9_-]+$/;
const PROPERTIES = new Set(['key', 'function', 'endpoint', 'interval', 'filter']);

const asRecord = (value: unknown): Raw =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Raw) : {};

function refuse(problem: string): never {
  throw new Error(`manifest.yml: ${problem}`);
}

function parseOne(raw: unknown, index: number): ScheduledTriggerModule {
  const module = asRecord(raw);
  const key = typeof module.key === 'string' ? module.key : '';
  const name = key ? `scheduled trigger '${key}'` : `scheduled trigger #${index + 1}`;
  if (!MODULE_KEY.test(key)) refuse(`${name} needs a key matching ^[a-zA-Z0-9_-]+$`);
  const unknown = Object.keys(module).filter((property) => !PROPERTIES.has(property));
  if (unknown.length > 0) refuse(`${name} has properties Forge does not know: ${unknown.join(', ')}`);
  if (module.endpoint !== undefined) refuse(`${name}: Forge Remote endpoints are not run by the emulator`);
  if (typeof module.function !== 'string' || module.function === '') refuse(`${name} needs a function`);
  const interval = module.interval as ScheduledInterval;
  if (!SCHEDULED_INTERVALS.includes(interval)) {
    const given = JSON.stringify(module.interval ?? '');
    refuse(`${name} needs an interval of ${SCHEDULED_INTERVALS.join(', ')}; interval ${given} is not one`);
  }
  if (module.filter !== undefined) {
    const filter = asRecord(module.filter);
    const extra = Object.keys(filter).filter((property) => property !== 'appIsLicensed');
    if (typeof filter.appIsLicensed !== 'boolean' || extra.length > 0) {
      refuse(`${name}: a filter holds exactly appIsLicensed (true or false)`);
    }
  }
  return { key, functionKey: module.function, interval };
}

/**
 * Reads `modules.scheduledTrigger` and refuses what Forge's schema refuses: a key outside the module
 * key pattern, a missing function or interval, an interval Forge does not offer, unknown properties,
 * a filter other than `{ appIsLicensed: boolean }`. `filter.appIsLicensed` is accepted and not acted
 * on: the emulator's installation counts as licensed.
 */
export function parseScheduledTriggers(raw: unknown): ScheduledTriggerModule[] {
  const list = Array.isArray(raw) ? raw : [];
  if (list.length > MAX_SCHEDULED_TRIGGERS) {
    refuse(
      `an app declares at most ${MAX_SCHEDULED_TRIGGERS} scheduled triggers; this one has ${list.length}`,
    );
  }
  return list.map(parseOne);
}
