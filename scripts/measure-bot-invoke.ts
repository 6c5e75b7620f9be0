/**
 * `npm run measure:bot`: how long the bot endpoint takes to answer an invoke in the sandbox,
 * end to end as Teams sees it (signed token, the web trigger, authentication, the use case, the
 * answer). Prints the median and the 99th percentile over a number of runs (`--runs N`).
 */
import { SURFACES, invokeOk } from '../dev/sandbox/sandbox-driver';
import { startSandbox } from '../dev/sandbox/start-sandbox';
import { ENTRA_APP, TENANT, person } from '../dev/seed';

const argument = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a positive whole number`);
  return value;
};

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

const main = async (): Promise<void> => {
  const runs = argument('runs', 200);
  const sandbox = await startSandbox({ quiet: true });
  try {
    await invokeOk(sandbox, person('ada'), SURFACES.global, 'tenant/save', {
      tenantId: TENANT.id,
      clientId: ENTRA_APP.clientId,
      clientSecret: ENTRA_APP.clientSecret,
      secretExpiresOn: ENTRA_APP.secretExpiresOn,
    });
    const mia = person('mia');
    // The card action Teams sends when Mia presses Disconnect: the invoke the bot answers in its body.
    const invoke = {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'disconnect-confirmed' }, trigger: 'manual' },
    };
    const warm = await sandbox.microsoft.botChannel.send({ from: mia.oid, activity: invoke });
    if (warm.status !== 200) throw new Error(`The bot answered ${warm.status}: ${JSON.stringify(warm.body)}`);
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const started = performance.now();
      const answer = await sandbox.microsoft.botChannel.send({ from: mia.oid, activity: invoke });
      times.push(performance.now() - started);
      if (answer.status !== 200) throw new Error(`Run ${i + 1}: the bot answered ${answer.status}`);
    }
    times.sort((a, b) => a - b);
    console.log(`Bot endpoint, adaptiveCard/action invoke, ${runs} runs after one warm-up (sandbox):`);
    console.log(`  median ${percentile(times, 50).toFixed(1)} ms`);
    console.log(`  p99    ${percentile(times, 99).toFixed(1)} ms`);
    console.log(`  max    ${(times.at(-1) ?? Number.NaN).toFixed(1)} ms`);
    console.log("  Teams allows 5 s for an invoke's answer; the sandbox has no network between the parts.");
  } finally {
    await sandbox.stop();
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
