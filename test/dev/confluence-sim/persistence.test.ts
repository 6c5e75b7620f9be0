import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { person } from '../../../dev/seed';
import type { V2Comment, V2List, V2Page } from './helpers/api-shapes';
import { startTestSim } from './helpers/sim-harness';

const mia = person('mia').accountId;

describe('Confluence simulator: persistence', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'confluence-sim-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('keeps content, versions, labels and id numbering across a restart', async () => {
    const first = await startTestSim({ dataDir });
    const plan = first.sim.findContent('Release plan 2027');
    await first.sim.editPage(mia, plan.id, {
      body: '<p>Saved before restart</p>',
      versionMessage: 'persist me',
    });
    const created = await first.sim.createPage(mia, {
      spaceKey: 'MKT',
      title: 'Persisted page',
      body: '<p>hi</p>',
    });
    await first.sim.addLabel(mia, created.id, 'kept');
    await first.sim.addComment(mia, created.id, { body: '<p>kept comment</p>' });
    await first.stop();
    expect(await readdir(dataDir)).toEqual(['confluence-site.json']);

    const second = await startTestSim({ dataDir });
    try {
      const reloaded = second.sim.findContent('Release plan 2027');
      expect(reloaded.version).toBe(3);
      expect(reloaded.versions.map((v) => v.message)).toEqual(['', 'Added the Q1 milestones', 'persist me']);
      const page = second.sim.findContent('Persisted page');
      expect(page.id).toBe(created.id);
      expect(page.labels.map((l) => l.name)).toEqual(['kept']);
      const comments = await second.api<V2List<V2Comment>>(
        'app',
        'GET',
        `/wiki/api/v2/pages/${page.id}/footer-comments`,
      );
      expect(comments.body.results).toHaveLength(1);
      const next = await second.sim.createPage(mia, { spaceKey: 'MKT', title: 'After restart', body: '' });
      expect(Number(next.id)).toBeGreaterThan(Number(comments.body.results[0].id));
      const view = await second.api<V2Page>(
        'mia',
        'GET',
        `/wiki/api/v2/pages/${reloaded.id}?body-format=storage`,
      );
      expect(view.body.body.storage?.value).toBe('<p>Saved before restart</p>');
    } finally {
      await second.stop();
    }
  });

  it('writes the seed on first start and forgets everything with reset', async () => {
    const first = await startTestSim({ dataDir });
    await first.sim.createPage(mia, { spaceKey: 'ENG', title: 'Temporary', body: '' });
    await first.stop();
    const saved = JSON.parse(await readFile(join(dataDir, 'confluence-site.json'), 'utf8')) as {
      schemaVersion: number;
      contents: Array<{ title: string }>;
    };
    expect(saved.schemaVersion).toBe(1);
    expect(saved.contents.some((c) => c.title === 'Temporary')).toBe(true);

    const reset = await startTestSim({ dataDir, reset: true });
    try {
      expect(() => reset.sim.findContent('Temporary')).toThrow();
      expect(reset.sim.findContent('Release plan 2027').version).toBe(2);
    } finally {
      await reset.stop();
    }
  });

  it('numbers seed content identically on every start and writes nothing without a data directory', async () => {
    const a = await startTestSim();
    const b = await startTestSim();
    try {
      for (const title of [
        'Engineering home',
        'Security incident review',
        'Welcome to the new docs',
        'Launch checklist',
      ]) {
        expect(a.sim.findContent(title).id).toBe(b.sim.findContent(title).id);
      }
      expect(a.sim.findContent('Engineering home').id).toBe('65537');
    } finally {
      await a.stop();
      await b.stop();
    }
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('refuses to start on a corrupt state file instead of silently reseeding', async () => {
    await writeFile(join(dataDir, 'confluence-site.json'), '{ not json');
    await expect(startTestSim({ dataDir })).rejects.toThrow(/Cannot read the Confluence simulator state/);
  });
});
