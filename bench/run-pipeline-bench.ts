import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sandbox } from '../dev/sandbox/start-sandbox';
import { PEOPLE, person } from '../dev/seed';
import { addTeams, channelOf, oneChannelTeam } from '../test/support/extra-teams';
import { logInToTeams, mapTenant } from '../test/support/notification-fixture';
import { startPipelineSandbox } from '../test/support/pipeline-sandbox';
import { seededRandom, type SeededRandom } from '../test/support/seeded-random';
import type { BenchControls } from './bench-app.entry';
import { BARE_EVENT_PREFIX, BENCH_MODULE, writeBenchManifest } from './bench-manifest';
import { summarise, type BenchMeasurements, type BenchSummary } from './bench-report';
import { collectMeasurements } from './collect-measurements';
import { generateRules } from './bench-rules';
import { generateFillerRules } from './scale-rules';
import { buildBenchSite, type ProductEvent } from './bench-site';
import { formatBenchTable } from './bench-table';
import { memoryBaseline } from './memory-baseline';
import { addPeople, benchPerson, busyPages, connectPeople, type PeopleSetUp } from './bench-people';
import { installPlatformMeter } from './platform-meter';

export interface BenchOptions {
  rules: number;
  spaces: number;
  channels: number;
  events: number;
  seed: number;
  /** Share of events Forge delivers twice. */
  duplicateRate: number;
  /** Rules added that can never match an event (`--scale`), on top of `rules`. */
  fillerRules: number;
  /** Connected people with preferences, about a tenth watching each busy page (`--scale`). */
  people: number;
  /** Queue waits (digest delays, Retry-After) are real time × this. */
  delayScale: number;
  log: (line: string) => void;
}

export const DEFAULT_BENCH: BenchOptions = {
  rules: 10_000,
  spaces: 200,
  channels: 200,
  events: 1_000,
  seed: 4,
  duplicateRate: 0.1,
  fillerRules: 0,
  people: 0,
  delayScale: 0.002,
  log: () => undefined,
};

/** Event time of the first change; changes come 12 s apart (bursts 3 s). */
const EVENT_START = Date.parse('2026-11-23T08:00:00Z');
const RULE_CHUNK = 500;

/** Every event once, some twice: the copy right behind it or a little later. */
const withDuplicates = (events: ProductEvent[], random: SeededRandom, rate: number): ProductEvent[] => {
  const plan = [...events];
  for (let i = events.length - 1; i >= 0; i -= 1) {
    const event = events[i];
    if (!event || !random.chance(rate)) continue;
    plan.splice(Math.min(plan.length, i + 1 + (random.chance(0.5) ? 0 : random.int(20))), 0, event);
  }
  return plan;
};

const seedRules = async (sandbox: Sandbox, rules: unknown[]) => {
  for (let at = 0; at < rules.length; at += RULE_CHUNK) {
    await sandbox.forge.invokeResolver({
      moduleKey: BENCH_MODULE,
      accountId: person('ada').accountId,
      functionKey: 'bench/put-rules',
      payload: { rules: rules.slice(at, at + RULE_CHUNK) },
    });
  }
};

/**
 * Runs the real pipeline (trigger → queue → consumer → Graph) on a generated site and returns
 * what it measured, the summary and the printable table.
 */
export const runPipelineBench = async (
  overrides: Partial<BenchOptions> = {},
): Promise<{
  measurements: BenchMeasurements;
  summary: BenchSummary;
  table: string;
  people: PeopleSetUp | undefined;
}> => {
  const o = { ...DEFAULT_BENCH, ...overrides };
  const random = seededRandom(o.seed);
  const work = mkdtempSync(join(tmpdir(), 'teams-bench-'));
  const teams = Array.from({ length: o.channels }, (_, i) =>
    oneChannelTeam('bench', i + 1, `Bench ${String(i + 1).padStart(3, '0')}`),
  );
  const removeTeams = addTeams(teams);
  let removePeople = () => undefined as void;
  let sandbox: Sandbox | undefined;
  const meter = { current: undefined as ReturnType<typeof installPlatformMeter> | undefined };
  try {
    o.log(`Building ${o.spaces} spaces and ${o.events} changes…`);
    const memoryMb = writeBenchManifest(join(work, 'app'));
    const baseline = memoryBaseline();
    const site = await buildBenchSite({ ...o, random, start: EVENT_START, gapMs: 12_000 });
    mkdirSync(join(work, 'confluence'));
    writeFileSync(join(work, 'confluence', 'confluence-site.json'), JSON.stringify(site.state));
    sandbox = await startPipelineSandbox({
      appDir: join(work, 'app'),
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      loadApp: () => require('./bench-app.entry') as Record<string, unknown>,
      confluenceDataDir: join(work, 'confluence'),
      // Teams' per-second windows run as much faster as the queue's delays (throttleClockFor).
      delayScale: o.delayScale,
    });
    o.log('Mapping the tenant and logging everyone in to Microsoft Teams…');
    await mapTenant(sandbox);
    for (const who of PEOPLE) await logInToTeams(sandbox, who);
    o.log(`Writing ${o.rules + o.fillerRules} rules through the app's KVS adapter…`);
    const channels = teams.map(channelOf);
    const createdAt = Date.now();
    // The filler draws from its own seed, so the matching rules and the events stay the same.
    const filler = generateFillerRules({
      count: o.fillerRules,
      spaceKeys: site.spaceKeys,
      channels,
      random: seededRandom(o.seed + 1_000),
      createdAt,
    });
    await seedRules(sandbox, [
      ...generateRules({ ...o, count: o.rules, ...site, channels, random, createdAt }),
      ...filler,
    ]);
    // Added after the rules were drawn (rule owners are the seed people) and the seed people's logins.
    let people: PeopleSetUp | undefined;
    if (o.people > 0) {
      const everyone = Array.from({ length: o.people }, (_, i) => benchPerson(i + 1));
      removePeople = addPeople(everyone);
      o.log(`Connecting ${o.people} people: login, preferences, the app in Teams, watches…`);
      const busy = busyPages(site.events);
      const connecting = performance.now();
      people = await connectPeople(sandbox, everyone, busy, seededRandom(o.seed + 2_000));
      o.log(`  …connected in ${((performance.now() - connecting) / 1000).toFixed(1)} s`);
    }
    // The module the emulator loaded (Node's require cache): its gate holds the consumers back.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const controls = (require('./bench-app.entry') as { benchControls: BenchControls }).benchControls;
    meter.current = installPlatformMeter();
    for (const event of site.warmUp) {
      await sandbox.forge.emitProductEvent(`${BARE_EVENT_PREFIX}${event.eventType}`, event.payload);
      await sandbox.forge.emitProductEvent(event.eventType, event.payload);
    }
    await sandbox.forge.idle({ timeoutMs: 30_000 });
    sandbox.forge.stats.reset();
    meter.current.reset();
    controls.reset();

    const plan = withDuplicates(site.events, random, o.duplicateRate);
    o.log(`Emitting ${plan.length} product events, each to the bare trigger and to the app's trigger…`);
    const since = new Date().toISOString();
    const started = performance.now();
    controls.hold();
    for (const [i, event] of plan.entries()) {
      // Alternate which goes first, so neither trigger always follows the other's leftovers.
      const bare = () =>
        sandbox?.forge.emitProductEvent(`${BARE_EVENT_PREFIX}${event.eventType}`, event.payload);
      const real = () => sandbox?.forge.emitProductEvent(event.eventType, event.payload);
      for (const emit of i % 2 === 0 ? [bare, real] : [real, bare]) await emit();
    }
    const triggersMs = performance.now() - started;
    o.log('Releasing the consumers…');
    controls.release();
    await sandbox.forge.idle({ timeoutMs: 600_000 });
    const wallMs = performance.now() - started;
    const measurements = collectMeasurements(sandbox, meter.current, controls, {
      config: { ...o, spaces: site.spaceKeys.length },
      deliveries: plan.length,
      wallMs,
      triggersMs,
      since,
      memoryMb,
      baseline,
    });
    const summary = summarise(measurements);
    return { measurements, summary, table: formatBenchTable(measurements, summary), people };
  } finally {
    meter.current?.uninstall();
    await sandbox?.stop();
    removeTeams();
    removePeople();
    rmSync(work, { recursive: true, force: true });
  }
};
