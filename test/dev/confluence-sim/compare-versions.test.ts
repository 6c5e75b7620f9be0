import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { person } from '../../../dev/seed';
import { diffLines, storageLines } from '../../../dev/confluence-sim/web/version-diff';
import { idOf, startTestSim, type TestSim } from './helpers/sim-harness';

/** The card's "View changes" address, built as src/application/services/compose-card.ts builds it. */
const compareUrl = (base: string, pageId: string, ...versions: number[]): string => {
  const query = new URLSearchParams([
    ['pageId', pageId],
    ...versions.map((v): [string, string] => ['selectedPageVersions', String(v)]),
  ]);
  return `${base}/pages/diffpagesbyversion.action?${query.toString()}`;
};

describe('Confluence simulator: compare page versions', () => {
  let t: TestSim;
  let base: string;
  let plan: string;
  let incident: string;

  /** The path of a compare address on this simulator, from the base URL REST gives the app. */
  const compare = (pageId: string, ...versions: number[]): string => {
    const url = new URL(compareUrl(base, pageId, ...versions));
    return `${url.pathname}${url.search}`;
  };

  beforeAll(async () => {
    t = await startTestSim();
    plan = idOf(t, 'Release plan 2027');
    incident = idOf(t, 'Incident timeline');
    const before = t.sim.findContent('Release plan 2027');
    const kept = storageLines(before.body)[0];
    t.now.value += 60_000;
    await t.sim.editPage(person('mia').accountId, plan, {
      title: 'Release plan 2027 (draft)',
      body: `<p>${kept}</p><p>Q3: ship &lt;b&gt;the bot&lt;/b&gt; &amp; the digest</p>`,
      versionMessage: 'Moved the bot to Q3',
    });
    await t.sim.editPage(person('mia').accountId, incident, { body: '<p>Timeline, second version.</p>' });
    const content = await t.api<{ _links: { base: string } }>('app', 'GET', `/wiki/rest/api/content/${plan}`);
    base = content.body._links.base;
  });
  afterAll(() => t.stop());

  it('answers the card link with both versions and what changed, line by line', async () => {
    const res = await t.web(compare(plan, 2, 3), { user: 'mia' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('<h1>Compare versions</h1>');
    expect(res.text).toMatch(/data-testid="compare-older">\s*<a href="[^"]*\?version=2">Version 2<\/a\s*>/);
    expect(res.text).toMatch(
      /data-testid="compare-newer">\s*<a href="[^"]*\?version=3">Version 3<\/a\s*> \(current\)/,
    );
    expect(res.text).toContain('&quot;Moved the bot to Q3&quot;');
    expect(res.text).toMatch(
      /data-testid="title-change">[\s\S]*Release plan 2027<\/del>[\s\S]*Release plan 2027 \(draft\)<\/ins>/,
    );
    // Escaped: the page's text says "<b>", it is not markup.
    expect(res.text).toMatch(
      /data-change="added">[\s\S]*?Q3: ship &lt;b&gt;the bot&lt;\/b&gt; &amp; the digest/,
    );
    expect(res.text).toMatch(/data-change="same">/);
    expect(res.text).toMatch(/data-change="removed">/);
    // The order of the two versions in the address does not matter.
    const reversed = await t.web(compare(plan, 3, 2), { user: 'mia' });
    expect(reversed.text).toMatch(/data-testid="compare-older">\s*<a href="[^"]*\?version=2">/);
  });

  it('says when two versions read the same', async () => {
    const same = await t.web(compare(plan, 3, 3), { user: 'mia' });
    expect(same.status).toBe(200);
    expect(same.text).toContain('These versions are the same.');
    expect(same.text).not.toMatch(/data-change="(added|removed)"/);
  });

  it('refuses whoever cannot view the page, as the page itself does', async () => {
    const rex = await t.web(compare(incident, 1, 2), { user: 'rex' });
    const rexPage = await t.web(`/wiki/spaces/ENG/pages/${incident}`, { user: 'rex' });
    expect(rex.status).toBe(403);
    expect(rexPage.status).toBe(403);
    expect(rex.text).toContain('You don&#39;t have permission to view this page');
    expect(rex.text).not.toContain('Timeline, second version.');
    const mia = await t.web(compare(incident, 1, 2), { user: 'mia' });
    expect(mia.status).toBe(200);
    expect(mia.text).toContain('Timeline, second version.');
  });

  it('answers unknown pages and versions with not found, and asks for two versions', async () => {
    expect((await t.web(compare('999999', 1, 2))).status).toBe(404);
    expect((await t.web(compare(plan, 1, 9))).status).toBe(404);
    const comment = await t.sim.addComment(person('mia').accountId, plan, { body: '<p>Looks good</p>' });
    expect((await t.web(compare(comment.id, 1, 1))).status).toBe(404);
    expect((await t.web(compare(idOf(t, 'Engineering home'), 1, 2))).status).toBe(404);
    const one = await t.web(compare(plan, 2));
    expect(one.status).toBe(400);
    expect(one.text).toContain('Choose two versions of the page to compare.');
  });
});

describe('version diff', () => {
  it('reads storage format as lines of text and diffs them', () => {
    expect(
      storageLines('<h1>Plan</h1><p>One&nbsp;<strong>two</strong></p><ul><li>a</li><li>b &#38; c</li></ul>'),
    ).toEqual(['Plan', 'One two', 'a', 'b & c']);
    expect(diffLines(['a', 'b', 'c'], ['a', 'x', 'c', 'd'])).toEqual([
      { change: 'same', text: 'a' },
      { change: 'removed', text: 'b' },
      { change: 'added', text: 'x' },
      { change: 'same', text: 'c' },
      { change: 'added', text: 'd' },
    ]);
  });
});
