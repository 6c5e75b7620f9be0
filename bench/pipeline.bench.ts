/**
 * `npm run bench`: the notification pipeline under load in the sandbox (issue 4, "Proof").
 * Options: --rules N --spaces N --channels N --events N --seed N (defaults: 10,000 rules,
 * 200 spaces and channels, 1,000 events, seed 4). `--scale` (issue 15) runs it three times with
 * the same 1,000 matching rules and events plus rules that cannot match, to 1,000, 10,000 and
 * 100,000 rules in all, and prints how the trigger and the consumer scale.
 */
import { consumerTargetsLine } from './bench-table';
import { personalLine } from './personal-figures';
import { DEFAULT_BENCH, runPipelineBench, type BenchOptions } from './run-pipeline-bench';

const NUMERIC = ['rules', 'spaces', 'channels', 'events', 'seed'] as const;
type Numeric = (typeof NUMERIC)[number];
const SCALE_SIZES = [1_000, 10_000, 100_000] as const;
/** Connected people at every size of `--scale`, about a tenth watching each busy page. */
const SCALE_PEOPLE = 1_000;

const parseArgs = (argv: string[]): { options: Partial<Pick<BenchOptions, Numeric>>; scale: boolean } => {
  const options: Partial<Pick<BenchOptions, Numeric>> = {};
  const rest = argv.filter((arg) => arg !== '--scale');
  for (let i = 0; i < rest.length; i += 2) {
    const name = rest[i]?.replace(/^--/, '') as Numeric;
    const value = Number(rest[i + 1]);
    if (!NUMERIC.includes(name) || !Number.isFinite(value)) {
      throw new Error(
        `Unknown option ${rest[i] ?? ''}; use ${NUMERIC.map((k) => `--${k} N`).join(' ')} or --scale`,
      );
    }
    options[name] = value;
  }
  return { options, scale: rest.length !== argv.length };
};

const n = (value: number) => value.toFixed(2);

/** The three sizes, each a full run; the matching rules are the first 1,000 of every size. */
const runScale = async (options: Partial<BenchOptions>, say: (line: string) => void) => {
  const results = [];
  const personal: string[] = [];
  for (const total of SCALE_SIZES) {
    say(`Scale: ${total} rules in all…`);
    const {
      summary: s,
      measurements,
      people,
    } = await runPipelineBench({
      ...DEFAULT_BENCH,
      ...options,
      rules: SCALE_SIZES[0],
      fillerRules: total - SCALE_SIZES[0],
      people: SCALE_PEOPLE,
      log: say,
    });
    say(
      `  ${total} rules: trigger own work median ${n(s.trigger.outsideMedian)} ms (with the emulator's ` +
        `KVS work ${n(s.trigger.median)} ms), trigger KVS ops per run ${n(s.kvs.triggerPerInvocation)}, ` +
        `consumer KVS ops per message ${n(s.kvs.consumerPerSent)}`,
    );
    say(`  ${consumerTargetsLine(s)}`);
    if (people)
      say(
        `  ${people.people} people connected; busy pages ${people.busyPages.join(', ')}: ` +
          `${people.watches} watches set, ${people.refusedWatches} refused`,
      );
    results.push(s);
    personal.push(personalLine(total, measurements));
  }
  return [
    `Scaling: trigger median ${results.map((s) => n(s.trigger.outsideMedian)).join(' / ')} ms, ` +
      `consumer KVS ops per message ${results.map((s) => s.kvs.consumerPerSent.toFixed(1)).join(' / ')}`,
    ...personal,
  ].join('\n');
};

const main = async () => {
  const started = Date.now();
  const say = (line: string) => process.stderr.write(`${line}\n`);
  const { options, scale } = parseArgs(process.argv.slice(2));
  if (scale) {
    process.stdout.write(`${await runScale(options, say)}\n`);
  } else {
    const { table } = await runPipelineBench({ ...DEFAULT_BENCH, ...options, log: say });
    process.stdout.write(`${table}\n`);
  }
  say(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
