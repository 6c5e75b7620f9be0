import { APP_ACCOUNT_ID, person } from '../../dev/seed';
import type { ContentFacts } from '../../src/application/ports/confluence';
import { planDeliveries } from '../../src/domain/delivery-plan';
import { APP_COMMENT_MARKER_KEY, appCommentMarker } from '../../src/domain/echo-guard';
import type { Rule } from '../../src/domain/rule';
import { aContentEvent, aRule } from '../support/builders';
import { startAdapterHarness, type AdapterHarness } from './support/adapter-harness';

const ids = (rules: Rule[]) => rules.map((r) => r.id).sort();
const kvsOps = (h: AdapterHarness) =>
  Object.values(h.forge.stats.snapshot().kvs.ops).reduce((a, b) => a + b, 0);

describe('the trigger’s adapters against the emulator and the Confluence simulator', () => {
  let h: AdapterHarness;
  beforeAll(async () => {
    h = await startAdapterHarness();
  });
  afterAll(() => h.stop());

  describe('rule store: candidates by route', () => {
    const pageRule = (id: string, contentId: string, spaceKey?: string, extra: Partial<Rule> = {}) =>
      aRule({
        id,
        scope: 'content',
        scopeKey: `content:${contentId}`,
        ...(spaceKey ? { spaceKey } : {}),
        ...extra,
      });
    const stored = [
      aRule({ id: 'global', scope: 'global', scopeKey: 'global' }),
      aRule({ id: 'space-eng', scopeKey: 'space:ENG' }),
      aRule({ id: 'space-mkt', scopeKey: 'space:MKT' }),
      aRule({ id: 'space-eng-off', scopeKey: 'space:ENG', enabled: false }),
      aRule({ id: 'space-eng-comments', scopeKey: 'space:ENG', events: ['comment_updated'] }),
      pageRule('page-eng', '65538', 'ENG'),
      pageRule('page-eng-2', '65540', 'ENG'),
      pageRule('tree-eng', '65540', 'ENG', { includeDescendants: true }),
      pageRule('page-mkt', '65549', 'MKT'),
      // Stored before page rules knew their space: the old partition, found by the settings UI only.
      pageRule('page-legacy', '65538'),
    ];
    const updated = (contentId: string, spaceKey = 'ENG') =>
      aContentEvent({ kind: 'page_updated', contentId, spaceKey });
    type Found = { rules: Rule[]; unbuilt: string[] };
    beforeAll(async () => {
      // Every row saved by this version: each partition is marked built at its first save.
      for (const rule of stored) await h.value('rules', 'put', rule);
    });

    it('gives an event only the rules that can match it, in three queries side by side', async () => {
      h.forge.stats.reset();
      const found = await h.value<Found>('rules', 'listForEvent', updated('65538'));
      // Not: the other page's rule, a rule that is off, one for comments only, another space's.
      expect(ids(found.rules)).toEqual(['global', 'page-eng', 'page-legacy', 'space-eng', 'tree-eng']);
      expect(found.unbuilt).toEqual([]);
      expect(h.forge.stats.snapshot().kvs.ops).toEqual({ query: 3 });
      const comment = aContentEvent({ kind: 'comment_updated', contentId: '65538', spaceKey: 'ENG' });
      expect(ids((await h.value<Found>('rules', 'listForEvent', comment)).rules)).toEqual([
        'space-eng-comments',
      ]);
    });

    it('keeps routes in step with the rule: turned off, another kind, deleted', async () => {
      const rule = await h.value<Rule>('rules', 'get', 'space-eng');
      await h.value('rules', 'put', { ...rule, enabled: false });
      expect(ids((await h.value<Found>('rules', 'listForEvent', updated('1'))).rules)).not.toContain(
        'space-eng',
      );
      await h.value('rules', 'put', { ...rule, events: ['page_created'] });
      expect(ids((await h.value<Found>('rules', 'listForEvent', updated('1'))).rules)).not.toContain(
        'space-eng',
      );
      const created = aContentEvent({ kind: 'page_created', contentId: '1', spaceKey: 'ENG' });
      expect(ids((await h.value<Found>('rules', 'listForEvent', created)).rules)).toContain('space-eng');
      await h.value('rules', 'delete', 'space-eng');
      expect(ids((await h.value<Found>('rules', 'listForEvent', created)).rules)).not.toContain('space-eng');
      await h.value('rules', 'put', rule);
    });

    it('reads a partition stored before routes the old way, and builds its routes once', async () => {
      // As the previous version stored it: the rule row alone, no routes.
      const old = aRule({ id: 'before-routes', scopeKey: 'space:LEGACY', updatedAt: 5 });
      await h.value('rawKvs', 'setEntity', 'rule', old.id, {
        scopeKey: 'space:LEGACY',
        ownerAccountId: old.ownerAccountId,
        updatedAt: old.updatedAt,
        data: old,
      });
      // A rule saved now does not make the partition look built while an old row is there.
      await h.value('rules', 'put', aRule({ id: 'after-routes', scopeKey: 'space:LEGACY', enabled: false }));
      const event = updated('77', 'LEGACY');
      const before = await h.value<Found>('rules', 'listForEvent', event);
      // The old partition holds them all, on or off: the trigger's matching turns the second down.
      expect([ids(before.rules), before.unbuilt]).toEqual([
        ['after-routes', 'before-routes', 'global'],
        ['space:LEGACY'],
      ]);
      expect(await h.value('rules', 'buildRoutes', 'space:LEGACY')).toEqual({
        built: 2,
        changedMeanwhile: 0,
      });
      expect(await h.value('rules', 'buildRoutes', 'space:LEGACY')).toEqual({
        built: 0,
        changedMeanwhile: 0,
      });
      h.forge.stats.reset();
      const after = await h.value<Found>('rules', 'listForEvent', event);
      expect([ids(after.rules), after.unbuilt]).toEqual([['before-routes', 'global'].sort(), []]);
      expect(h.forge.stats.snapshot().kvs.ops).toEqual({ query: 3 });
    });

    it('lists one scope for the settings UI, without the page rules that share a space’s partition', async () => {
      expect(ids(await h.value<Rule[]>('rules', 'listByScopeKey', 'space:ENG'))).toEqual([
        'space-eng',
        'space-eng-comments',
        'space-eng-off',
      ]);
      expect(ids(await h.value<Rule[]>('rules', 'listByScopeKey', 'global'))).toEqual(['global']);
      expect(ids(await h.value<Rule[]>('rules', 'listByScopeKey', 'content:65538'))).toEqual([
        'page-eng',
        'page-legacy',
      ]);
    });

    it('moves a legacy page rule into its space’s partition when it is saved with its space', async () => {
      const legacy = await h.value<Rule>('rules', 'get', 'page-legacy');
      await h.value('rules', 'put', { ...legacy, spaceKey: 'ENG', includeDescendants: true });
      const found = await h.value<Found>('rules', 'listForEvent', updated('99'));
      expect(ids(found.rules)).toContain('page-legacy');
      expect(ids(await h.value<Rule[]>('rules', 'listInSpace', 'ENG'))).toContain('page-legacy');
      expect(ids(await h.value<Rule[]>('rules', 'listByScopeKey', 'content:65538'))).toEqual([
        'page-eng',
        'page-legacy',
      ]);
    });

    it('reads a rule stored with schema version 1 with the new fields’ defaults', async () => {
      const {
        includeDescendants: _a,
        restrictedContent: _b,
        version: _c,
        ...v1
      } = aRule({
        id: 'v1',
        scopeKey: 'space:OLD',
      });
      await h.value('rules', 'put', {
        ...v1,
        schemaVersion: 1,
        filters: { skipMinorEdits: false, skipOwnChanges: true },
      });
      const [read] = await h
        .value<Found>('rules', 'listForEvent', updated('5', 'OLD'))
        .then((r) => r.rules.filter((x) => x.id === 'v1'));
      expect(read).toMatchObject({
        schemaVersion: 2,
        includeDescendants: false,
        restrictedContent: 'skip',
        version: 1,
      });
      expect(read?.filters).toMatchObject({ skipMinorEdits: false, labelsAny: [], cql: '' });
    });
  });

  describe('Confluence: facts, marker and the app’s account, as the app', () => {
    it('reads ancestors and public labels in one request, and only what is asked', async () => {
      const adr = h.confluence.findContent('ADR-001: Use Forge');
      const both = await h.value<ContentFacts>('appView', 'readContentFacts', adr.id, {
        labels: true,
        ancestors: true,
      });
      const parent = h.confluence.findContent('Architecture decisions');
      expect(both.ancestorIds?.at(-1)).toBe(parent.id);
      expect(both.labels).toContain('adr');
      expect(
        await h.value('appView', 'readContentFacts', adr.id, { labels: true, ancestors: false }),
      ).toEqual({ labels: both.labels });
    });

    it('reads restricted content too (the app sees everything; the consumer checks the owner)', async () => {
      const restricted = h.confluence.findContent('Incident timeline');
      const facts = await h.value<ContentFacts>('appView', 'readContentFacts', restricted.id, {
        labels: false,
        ancestors: true,
      });
      expect(facts.ancestorIds).toContain(h.confluence.findContent('Security incident review').id);
    });

    it('gives null for content that is gone', async () => {
      expect(
        await h.value('appView', 'readContentFacts', '999999', { labels: true, ancestors: true }),
      ).toBeNull();
    });

    it('finds the marker on a comment the app posted for a Teams user, and none elsewhere', async () => {
      const plan = h.confluence.findContent('Release plan 2027');
      const marked = await h.confluence.addComment(person('mia').accountId, plan.id, {
        body: '<p>from Teams</p>',
        properties: { [APP_COMMENT_MARKER_KEY]: appCommentMarker(1) },
      });
      const plain = await h.confluence.addComment(person('mia').accountId, plan.id, { body: '<p>typed</p>' });
      expect(await h.value('appView', 'readAppCommentMarker', marked.id)).toBe(1);
      expect(await h.value('appView', 'readAppCommentMarker', plain.id)).toBeNull();
    });

    it('knows the app’s own account', async () => {
      expect(await h.value('appView', 'appAccountId')).toBe(APP_ACCOUNT_ID);
    });
  });

  describe('delivery queue: within Forge’s push limits', () => {
    it('cuts pushes at 200 KB as well as at 50 events', async () => {
      const bulky = aContentEvent({
        labels: Array.from({ length: 100 }, (_, i) => `${'l'.repeat(120)}-${i}`),
      });
      const rules = Array.from({ length: 30 }, (_, i) =>
        aRule({ destination: { type: 'chat', chatId: `19:bulky-${i}@thread.v2`, chatName: `b${i}` } }),
      );
      const deliveries = planDeliveries(bulky, rules);
      expect(Buffer.byteLength(JSON.stringify(deliveries))).toBeGreaterThan(200 * 1024);
      h.forge.stats.reset();
      const before = kvsOps(h);
      await h.value('queue', 'enqueue', deliveries);
      await h.forge.idle({ timeoutMs: 10_000 });
      const stats = h.forge.stats.snapshot();
      expect(stats.queue.pushes).toBeGreaterThan(1);
      expect(stats.queue.eventsPushed).toBe(30);
      expect(kvsOps(h)).toBe(before);
    });
  });
});
