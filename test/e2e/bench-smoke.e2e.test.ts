import { runPipelineBench } from '../../bench/run-pipeline-bench';

/**
 * `npm run bench` in miniature (100 rules, 20 events), so the bench cannot rot: it still runs
 * the real pipeline end to end, measures every figure of its table, and the figures the issue
 * sets targets for that a small run can hold are held.
 */
describe('npm run bench, in miniature', () => {
  let result: Awaited<ReturnType<typeof runPipelineBench>>;
  beforeAll(async () => {
    result = await runPipelineBench({ rules: 100, spaces: 5, channels: 10, events: 20, seed: 4 });
  }, 60_000);

  it('runs every event through both triggers and the queue to Teams', () => {
    const { measurements: m, summary: s } = result;
    expect(m.config.events).toBe(20);
    expect(s.trigger.invocations).toBe(m.deliveries);
    expect(m.outsidePlatformMs.bare).toHaveLength(m.deliveries);
    expect(s.deliveries.planned).toBeGreaterThan(0);
    expect(s.deliveries.sent).toBeGreaterThan(0);
    expect(m.messages.roots).toBeGreaterThan(0);
    expect(m.deadLetters).toBe(0);
    // Every KVS operation the emulator counted was attributed to the function that made it.
    expect(s.kvs.attributedTotal).toBe(s.kvs.emulatorTotal);
  });

  it('keeps the trigger at its KVS budget and one Graph request per message', () => {
    const { summary: s } = result;
    expect(s.kvs.triggerPerEvent).toBeGreaterThan(0);
    // Each run of the trigger: an event delivered twice runs it twice (a duplicate's run reads).
    expect(s.kvs.triggerPerInvocation).toBeLessThanOrEqual(4);
    expect(s.graph.perSent).toBeLessThanOrEqual(1);
    expect(s.trigger.median).toBeGreaterThan(s.trigger.bareMedian);
  });

  it('prints the table with every measured figure and the cost formula', () => {
    const { table, summary: s } = result;
    for (const row of [
      'Events per second',
      'Trigger time per event, median / p99',
      'Trigger ÷ bare trigger',
      'KVS ops per event, trigger',
      'KVS ops per delivered message, consumer',
      'Queue pushes per event',
      'Graph requests per delivered message',
      'Cost per 1,000 forwarded events',
      'free tiers ignored',
    ])
      expect(table).toContain(row);
    expect(table).not.toMatch(/NaN|Infinity|\$-/);
    expect(s.cost.per1000).toBeGreaterThan(0);
  });

  it('prices the app’s own work and modelled waits, and sizes memory from measured peaks (issue 15)', () => {
    const { table, measurements: m } = result;
    expect(m.model.consumer.length).toBe(m.invocations.deliver?.count);
    expect(m.model.trigger.length).toBe(m.deliveries);
    // Every consumer run waited on a remote call at least once; own work is what is left of its time.
    expect(m.model.consumer.every((run) => run.waits.length > 0)).toBe(true);
    expect(m.memory.nodeRssMb).toBeGreaterThan(0);
    expect(m.memory.heapGrowthMb.deliver).toBeDefined();
    for (const row of ['own work + latency model', 'Peak memory, deliver', 'assumption'])
      expect(table).toContain(row);
    expect(table).toMatch(/\(\d+\.\d %\)/);
  });
});
