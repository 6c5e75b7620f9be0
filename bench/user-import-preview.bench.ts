/**
 * How long a user-mapping import's preview takes for the largest file the app accepts (1,000
 * people), and how many Graph calls it makes, against the sandbox (the real app in the Forge
 * emulator, the Microsoft simulator's Graph with its usual throttling, no added latency).
 * Run: npx tsx bench/user-import-preview.bench.ts [latencyMs]
 * `latencyMs` adds that much to every simulator answer, a stand-in for Graph's round trip.
 */
import { runFirstSlice } from '../dev/sandbox/first-slice';
import { SURFACES, invokeOk } from '../dev/sandbox/sandbox-driver';
import { startSandbox } from '../dev/sandbox/start-sandbox';
import { PEOPLE, person } from '../dev/seed';
import { EXPORT_LIMITS } from '../src/domain/user-export';

const latencyMs = Number(process.argv[2] ?? '0');

const exportOf = (count: number): string => {
  const rows = Array.from({ length: count }, (_, i) => {
    const seeded = PEOPLE[i % PEOPLE.length];
    // One in ten is a seeded (findable) person's address; the rest are strangers to the tenant.
    const email = i % 10 === 0 && seeded ? seeded.upn : `person${i}@fabrikam.example`;
    return `5b10ac8d82e05b22cc7d${String(i).padStart(4, '0')},Person ${i},${email},Active,01 Jan 2026`;
  });
  return ['User id,User name,email,User status,Added to org', ...rows].join('\r\n');
};

const main = async () => {
  const sandbox = await startSandbox({ quiet: true, delayScale: 0.001 });
  try {
    await runFirstSlice(sandbox);
    if (latencyMs > 0) sandbox.microsoft.faults.set({ latencyMs });
    const csv = exportOf(EXPORT_LIMITS.maxPeople);
    const before = sandbox.microsoft.requests().length;
    const started = performance.now();
    const preview = await invokeOk(sandbox, person('ada'), SURFACES.global, 'user-mapping/preview', { csv });
    const elapsed = performance.now() - started;
    const calls = sandbox.microsoft.requests().slice(before);
    process.stdout.write(
      `${JSON.stringify(
        {
          people: EXPORT_LIMITS.maxPeople,
          fileChars: csv.length,
          addedLatencyMs: latencyMs,
          previewMs: Math.round(elapsed),
          graphBatchCalls: calls.filter((r) => r.url.includes('/$batch')).length,
          otherMicrosoftCalls: calls.filter((r) => !r.url.includes('/$batch')).length,
          counts: preview.counts,
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    await sandbox.stop();
  }
};

void main();
