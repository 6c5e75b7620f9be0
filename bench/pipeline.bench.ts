/**
 * `npm run bench`: the notification pipeline under load in the sandbox (issue 4, "Proof").
 * Options: --rules N --spaces N --channels N --events N --seed N (defaults: 10,000 rules,
 * 200 spaces and channels, 1,000 events, seed 4).
 */
import { DEFAULT_BENCH, runPipelineBench, type BenchOptions } from './run-pipeline-bench';

const NUMERIC = ['rules', 'spaces', 'channels', 'events', 'seed'] as const;
type Numeric = (typeof NUMERIC)[number];

const parseArgs = (argv: string[]): Partial<Pick<BenchOptions, Numeric>> => {
  const options: Partial<Pick<BenchOptions, Numeric>> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i]?.replace(/^--/, '') as Numeric;
    const value = Number(argv[i + 1]);
    if (!NUMERIC.includes(name) || !Number.isFinite(value)) {
      throw new Error(`Unknown option ${argv[i] ?? ''}; use ${NUMERIC.map((k) => `--${k} N`).join(' ')}`);
    }
    options[name] = value;
  }
  return options;
};

const main = async () => {
  const started = Date.now();
  const say = (line: string) => process.stderr.write(`${line}\n`);
  const { table } = await runPipelineBench({
    ...DEFAULT_BENCH,
    ...parseArgs(process.argv.slice(2)),
    log: say,
  });
  process.stdout.write(`${table}\n`);
  say(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
