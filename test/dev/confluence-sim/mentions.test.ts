import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { person } from '../../../dev/seed';
import type { V2Comment, V2List } from './helpers/api-shapes';
import { idOf, startTestSim, type TestSim } from './helpers/sim-harness';

const sam = person('sam').accountId;
const mia = person('mia').accountId;
const ada = person('ada').accountId;

/** How Confluence stores a mention in storage format. */
const mention = (accountId: string): string => `<ac:link><ri:user ri:account-id="${accountId}" /></ac:link>`;

interface V1Body {
  body: { storage: { value: string; representation: string } };
  version?: { number: number };
}

describe('Confluence simulator: @mentions in storage format', () => {
  let t: TestSim;
  let plan: string;
  beforeEach(async () => {
    t = await startTestSim();
    plan = idOf(t, 'Release plan 2027');
  });
  afterEach(() => t.stop());

  const storageOf = async (id: string, version?: number): Promise<string> => {
    const query = version ? `?version=${version}&expand=body.storage` : '?expand=body.storage';
    const res = await t.api<V1Body>('app', 'GET', `/wiki/rest/api/content/${id}${query}`);
    expect(res.status).toBe(200);
    return res.body.body.storage.value;
  };

  const saveFromEditor = (user: 'sam' | 'mia', id: string, body: string, baseVersion: number) =>
    t.web(`/wiki/spaces/ENG/pages/${id}/edit`, {
      user,
      form: { title: 'Release plan 2027', body, baseVersion: String(baseVersion), versionMessage: '' },
    });

  it('turns "@Mia" and "@Sam Spaceadmin" typed in the editor into user links, in the new version only', async () => {
    const saved = await saveFromEditor(
      'sam',
      plan,
      '<p>Over to @Mia and @Sam Spaceadmin, not ada@contoso.example.</p>',
      2,
    );
    expect(saved.status).toBe(303);
    expect(await storageOf(plan)).toBe(
      `<p>Over to ${mention(mia)} and ${mention(sam)}, not ada@contoso.example.</p>`,
    );
    expect(await storageOf(plan, 2)).not.toContain('ri:user');
    expect(await storageOf(plan, 3)).toContain(mention(mia));
    // The event carries no body: the app reads the mention over REST, as in Confluence.
    expect(t.received.at(-1)?.eventType).toBe('avi:confluence:updated:page');
  });

  it('renders a mention as "@Display Name" on the page, and marks the viewer\'s own mention', async () => {
    await t.sim.editPage(sam, plan, { body: `<p>Ping ${mention(mia)} and ${mention(ada)}</p>` });
    const view = await t.web(`/wiki/spaces/ENG/pages/${plan}`, { user: 'mia' });
    expect(view.text).toMatch(
      new RegExp(
        `<span class="mention mention-me" data-testid="mention" data-account-id="${mia}">@Mia Member</span>`,
      ),
    );
    expect(view.text).toContain(`data-account-id="${ada}">@Ada Admin</span>`);
    expect(view.text).not.toContain('<ac:link>');
    // An account the site does not know is shown by its id, escaped.
    await t.sim.editPage(sam, plan, { body: `<p>${mention('557058:x"y')}</p>` });
    const odd = await t.web(`/wiki/spaces/ENG/pages/${plan}`, { user: 'mia' });
    expect(odd.text).not.toContain('x"y');
  });

  it('shows mentions as @Name in the editor, so saving unchanged keeps the same storage', async () => {
    const body = `<p>Ping ${mention(mia)}.</p>`;
    await t.sim.editPage(sam, plan, { body });
    const form = await t.web(`/wiki/spaces/ENG/pages/${plan}/edit`, { user: 'sam' });
    expect(form.text).toContain('&lt;p&gt;Ping @Mia Member.&lt;/p&gt;');
    await saveFromEditor('sam', plan, '<p>Ping @Mia Member.</p>', 3);
    expect(await storageOf(plan)).toBe(body);
  });

  it('turns "@Sam" in the comment box into a mention, readable from v1 and v2', async () => {
    const posted = await t.web(`/wiki/spaces/ENG/pages/${plan}/comments`, {
      user: 'mia',
      form: { body: '<p>@sam can you check?</p>' },
    });
    expect(posted.status).toBe(303);
    const comments = await t.api<V2List<V2Comment>>(
      'app',
      'GET',
      `/wiki/api/v2/pages/${plan}/footer-comments?body-format=storage`,
    );
    const created = comments.body.results.at(-1);
    expect(created?.body.storage?.value).toBe(`<p>${mention(sam)} can you check?</p>`);
    expect(await storageOf(created?.id ?? '')).toBe(`<p>${mention(sam)} can you check?</p>`);
    const view = await t.web(`/wiki/spaces/ENG/pages/${plan}`, { user: 'sam' });
    expect(view.text).toContain('@Sam Spaceadmin</span> can you check?');
  });

  it('turns "@Mia" into a mention when a page is created from the UI', async () => {
    const created = await t.web('/wiki/spaces/ENG/create', {
      user: 'sam',
      form: {
        type: 'page',
        parentId: idOf(t, 'Engineering home'),
        title: 'Hand-over',
        body: '<p>For @Mia.</p>',
      },
    });
    expect(created.status).toBe(303);
    expect(await storageOf(t.sim.findContent('Hand-over').id)).toBe(`<p>For ${mention(mia)}.</p>`);
  });

  it('stores a body with user links sent over REST as it is', async () => {
    const body = `<p>${mention(mia)} <ac:link><ri:user ri:account-id="${sam}"/></ac:link></p>`;
    const res = await t.api('app', 'PUT', `/wiki/api/v2/pages/${plan}`, {
      id: plan,
      status: 'current',
      title: 'Release plan 2027',
      body: { representation: 'storage', value: body },
      version: { number: 3 },
    });
    expect(res.status).toBe(200);
    expect(await storageOf(plan)).toBe(body);
    const view = await t.web(`/wiki/spaces/ENG/pages/${plan}`, { user: 'ada' });
    expect(view.text).toContain('@Mia Member</span>');
    expect(view.text).toContain('@Sam Spaceadmin</span>');
  });
});
