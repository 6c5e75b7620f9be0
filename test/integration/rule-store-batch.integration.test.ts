import type { Rule } from '../../src/domain/rule';
import { aRule } from '../support/builders';
import { startAdapterHarness, type AdapterHarness } from './support/adapter-harness';

/** The consumer re-reads a delivery's rules in one KVS round trip (real @forge/kvs batchGet). */
describe('kvsRuleStore.getMany against the Forge emulator', () => {
  let h: AdapterHarness;
  beforeAll(async () => {
    h = await startAdapterHarness();
  });
  afterAll(() => h.stop());

  const ops = () => h.forge.stats.snapshot().kvs.ops;

  it('reads the rules that exist in one batch, leaving out deleted ones', async () => {
    const kept = aRule({ id: 'batch-kept', scopeKey: 'space:BATCH' });
    const deleted = aRule({ id: 'batch-deleted', scopeKey: 'space:BATCH' });
    await h.value('rules', 'put', kept);
    await h.value('rules', 'put', deleted);
    await h.value('rules', 'delete', deleted.id);
    h.forge.stats.reset();
    const found = await h.value<Rule[]>('rules', 'getMany', [deleted.id, kept.id, 'never-existed', kept.id]);
    expect(found).toEqual([kept]);
    expect(ops()).toEqual({ batchGet: 1 });
  });

  it('reads more than 25 rules in batches of 25', async () => {
    const rules = Array.from({ length: 30 }, (_, i) => aRule({ id: `batch-${i}`, scopeKey: 'space:BATCH' }));
    for (const rule of rules) await h.value('rules', 'put', rule);
    h.forge.stats.reset();
    const found = await h.value<Rule[]>(
      'rules',
      'getMany',
      rules.map((r) => r.id),
    );
    expect(found.map((r) => r.id).sort()).toEqual(rules.map((r) => r.id).sort());
    expect(ops()).toEqual({ batchGet: 2 });
  });

  it('asks nothing for no ids', async () => {
    h.forge.stats.reset();
    expect(await h.value('rules', 'getMany', [])).toEqual([]);
    expect(ops()).toEqual({});
  });
});
