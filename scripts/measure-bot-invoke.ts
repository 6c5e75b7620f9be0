/**
 * `npm run measure:bot`: how long the bot endpoint takes to answer invokes in the sandbox, end to
 * end as Teams sees it (signed token, the web trigger, authentication, the use case and its
 * Confluence request, the answer): a card action, a search from the message extension and a link
 * preview. Prints the median and the 99th percentile of each over a number of runs (`--runs N`).
 */
import { runFirstSlice } from '../dev/sandbox/first-slice';
import { SURFACES, invokeOk, signInAtMicrosoft } from '../dev/sandbox/sandbox-driver';
import { startSandbox, type Sandbox } from '../dev/sandbox/start-sandbox';
import { person } from '../dev/seed';

const argument = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a positive whole number`);
  return value;
};

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

const mia = person('mia');

/** Times `runs` sends of one invoke (after one warm-up) and prints the figures. */
const measure = async (sandbox: Sandbox, label: string, activity: Record<string, unknown>, runs: number) => {
  const send = () =>
    sandbox.microsoft.botChannel.send({ from: mia.oid, activity: { type: 'invoke', ...activity } });
  const warm = await send();
  if (warm.status !== 200)
    throw new Error(`${label}: the bot answered ${warm.status}: ${JSON.stringify(warm.body)}`);
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    const answer = await send();
    times.push(performance.now() - started);
    if (answer.status !== 200) throw new Error(`${label}, run ${i + 1}: the bot answered ${answer.status}`);
  }
  times.sort((a, b) => a - b);
  const figure = (p: number) => `${percentile(times, p).toFixed(1)} ms`;
  console.log(
    `  ${label.padEnd(42)} median ${figure(50).padStart(9)}   p99 ${figure(99).padStart(9)}   max ${(times.at(-1) ?? Number.NaN).toFixed(1)} ms`,
  );
  return warm.body;
};

const main = async (): Promise<void> => {
  const runs = argument('runs', 200);
  const sandbox = await startSandbox({ quiet: true });
  try {
    // Ada maps the tenant and grants consent (the first slice), so people can log in.
    await runFirstSlice(sandbox);
    // Mia logs in from Confluence, so search and previews act as her linked account.
    const login = await invokeOk(sandbox, mia, SURFACES.personal, 'connection/start-login', {});
    await signInAtMicrosoft(sandbox, login.url, mia);
    const page = sandbox.confluence.findContent('Release plan 2027');
    console.log(`Bot endpoint answer times in the sandbox, ${runs} runs each after one warm-up:`);
    // A card action the app does not know: the endpoint's own cost (authentication, answer), no Confluence request.
    await measure(
      sandbox,
      'adaptiveCard/action (a card button)',
      {
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'unknown-verb' }, trigger: 'manual' },
      },
      runs,
    );
    const found = (await measure(
      sandbox,
      'composeExtension/query (search "plan")',
      {
        name: 'composeExtension/query',
        value: {
          commandId: 'searchConfluence',
          parameters: [{ name: 'query', value: 'plan' }],
          queryOptions: { skip: 0, count: 25 },
        },
      },
      runs,
    )) as { composeExtension?: { attachments?: unknown[] } };
    const preview = (await measure(
      sandbox,
      'composeExtension/queryLink (a page link)',
      {
        name: 'composeExtension/queryLink',
        value: { url: `${sandbox.confluence.url}/wiki/spaces/ENG/pages/${page.id}/Release+plan+2027` },
      },
      runs,
    )) as { composeExtension?: { attachments?: unknown[] } };
    console.log(
      `  (the search found ${found.composeExtension?.attachments?.length ?? 0} results; the preview had ${preview.composeExtension?.attachments?.length ?? 0} card)`,
    );
    console.log("  Teams allows 5 s for an invoke's answer; the sandbox has no network between the parts.");
  } finally {
    await sandbox.stop();
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
