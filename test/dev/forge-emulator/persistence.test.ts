import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFixture, startFixtureEmulator } from './support/fixture-emulator';
import { kvs } from '@forge/kvs';

const T0 = Date.UTC(2026, 10, 1, 9, 0, 0);
let dataDir: string;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'forge-emulator-state-'));
  loadFixture().resetProbe();
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

test('KVS, secrets, entities and pending queue messages survive a restart', async () => {
  let now = T0;
  const first = await startFixtureEmulator({ dataDir, clock: () => now, delayScale: 0.01 });
  await kvs.set('plain', { a: 1 }, { ttl: { value: 1, unit: 'HOURS' } });
  await kvs.setSecret('token', { refresh: 'r1' });
  await kvs.entity('task').set('t-1', { owner: 'ada', rank: 1 });
  await first.invokeResolver({
    moduleKey: 'fixture-settings',
    functionKey: 'enqueue',
    payload: { events: [{ body: { n: 1 }, delayInSeconds: 60 }] },
  });
  await expect(first.idle({ timeoutMs: 100 })).rejects.toThrow('1 queue message(s) pending');
  await first.stop();
  const state = JSON.parse(readFileSync(join(dataDir, 'forge-emulator-state.json'), 'utf8')) as {
    pendingMessages: unknown[];
  };
  expect(state.pendingMessages).toHaveLength(1);

  // Waits are real time scaled by delayScale: the 60 s delay is 0.6 s here, and still pending.
  const second = await startFixtureEmulator({ dataDir, clock: () => now, delayScale: 0.01 });
  try {
    expect(second.kvsDump()).toEqual({
      keys: { plain: { a: 1 } },
      entities: { task: { 't-1': { owner: 'ada', rank: 1 } } },
      secretKeys: ['token'],
    });
    expect(await kvs.getSecret('token')).toEqual({ refresh: 'r1' });
    await second.idle();
    expect(loadFixture().probe.deliveries.map((delivery) => delivery.event.body)).toEqual([{ n: 1 }]);
    now = T0 + 2 * 3600_000; // the TTL is kept across the restart too
    expect(await kvs.get('plain')).toBeUndefined();
  } finally {
    await second.stop();
  }
});

test('reset wipes the saved state', async () => {
  const first = await startFixtureEmulator({ dataDir });
  await kvs.set('plain', 1);
  await kvs.setSecret('token', 't');
  await first.stop();
  const second = await startFixtureEmulator({ dataDir, reset: true });
  try {
    expect(second.kvsDump()).toEqual({ keys: {}, entities: {}, secretKeys: [] });
  } finally {
    await second.stop();
  }
  const saved = JSON.parse(readFileSync(join(dataDir, 'forge-emulator-state.json'), 'utf8')) as {
    kvs: object;
  };
  expect(JSON.stringify(saved.kvs)).not.toContain('plain');
});
