import { runFirstSlice } from '../../dev/sandbox/first-slice';
import { SURFACES, invokeAs, invokeOk, signInAtMicrosoft } from '../../dev/sandbox/sandbox-driver';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { ENTRA_APP, TEAMS, person, type SeedPerson } from '../../dev/seed';
import type { ResolverApi, ResolverKey } from '../../src/contracts/resolver-api';
import { DEFAULT_PREFERENCES } from '../../src/domain/preferences';
import type { RuleInput } from '../../src/domain/rule';
import { startTestSandbox } from '../support/sandbox-fixture';

/*
 * Invariant 1, the other half of the matrix: what allowed answers may show and which refusals
 * name whom. "Architecture decisions" is read-restricted to Ada, Sam, Mia and Vic (who may only
 * read ENG); Rex cannot view it.
 */
const PAGE_TITLE = 'Architecture decisions';
const engineering = TEAMS[0];
const general = {
  type: 'channel',
  teamId: engineering.id,
  channelId: engineering.channels[0].id,
  teamName: engineering.displayName,
  channelName: engineering.channels[0].displayName,
} as const;

describe('invariant 1: what the allowed answers may show', () => {
  let sandbox: Sandbox;
  let pageId = '';
  const as = <K extends ResolverKey>(who: SeedPerson['key'], key: K, payload: ResolverApi[K]['input']) =>
    invokeAs(sandbox, person(who), SURFACES.personal, key, payload);

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    await runFirstSlice(sandbox);
    pageId = sandbox.confluence.findContent(PAGE_TITLE).id;
    const readers = (['ada', 'sam', 'mia', 'vic'] as const).map((k) => person(k).accountId);
    await sandbox.confluence.restrictContent(person('ada').accountId, pageId, { read: readers });
    for (const key of ['sam', 'rex'] as const) {
      const { url } = await invokeOk(sandbox, person(key), SURFACES.personal, 'connection/start-login', {});
      await signInAtMicrosoft(sandbox, url, person(key));
    }
  }, 60_000);
  afterAll(() => sandbox.stop());

  it('tells a viewer they cannot edit, and never tells Rex the title of the page', async () => {
    expect(await as('vic', 'context/get', { contentId: pageId })).toMatchObject({
      ok: true,
      data: { content: { title: PAGE_TITLE, canEdit: false }, space: { key: 'ENG', canManage: false } },
    });
    expect(await as('mia', 'context/get', { contentId: pageId })).toMatchObject({
      ok: true,
      data: { content: { canEdit: true } },
    });
    expect(JSON.stringify(await as('rex', 'context/get', { contentId: pageId }))).not.toContain(PAGE_TITLE);
  });

  it('tells anyone whether the site is set up, and only a site admin when the secret expires', async () => {
    expect(await as('rex', 'context/get', {})).toMatchObject({
      ok: true,
      data: { tenantConfigured: true, botConfigured: false, isSiteAdmin: false, space: null, content: null },
    });
    const tenant = await invokeOk(sandbox, person('ada'), SURFACES.global, 'tenant/get', {});
    expect(tenant.secretExpiry).toEqual({
      daysLeft: expect.any(Number),
      state: expect.stringMatching(/^(ok|expiring|expired)$/),
    });
    expect(JSON.stringify(tenant)).not.toContain(ENTRA_APP.clientSecret);
  });

  it('lets only the owner move a rule, naming the owner to anyone else', async () => {
    const [rule] = await invokeOk(sandbox, person('sam'), SURFACES.personal, 'rules/list', {
      scope: 'space',
      spaceKey: 'ENG',
    });
    if (!rule) throw new Error('expected the slice rule');
    expect(rule).toMatchObject({ ownedByCaller: false, canEditSettings: true, canEditDestination: false });
    const before = JSON.stringify(sandbox.forge.kvsDump());
    const moved = await as('sam', 'rules/update', {
      id: rule.id,
      version: rule.version,
      destination: { type: 'chat', chatId: '19:docs-crew@thread.v2', chatName: 'Docs crew' },
    });
    expect(moved).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('Ada Admin') },
    });
    expect(JSON.stringify(sandbox.forge.kvsDump())).toBe(before);
    const stale = await as('sam', 'rules/update', { id: rule.id, version: rule.version + 1, enabled: false });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('keeps preferences to their owner', async () => {
    await invokeOk(sandbox, person('mia'), SURFACES.personal, 'preferences/save', {
      ...DEFAULT_PREFERENCES,
      mentions: false,
    });
    expect(await as('rex', 'preferences/get', {})).toEqual({ ok: true, data: DEFAULT_PREFERENCES });
    expect(await as('mia', 'preferences/get', {})).toMatchObject({ ok: true, data: { mentions: false } });
  });

  it('shows the delivery log to a site admin whole and to anyone else only for rules they own', async () => {
    const all = await invokeOk(sandbox, person('ada'), SURFACES.personal, 'deliveries/list', {});
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((d) => d.ownerAccountId === person('ada').accountId)).toBe(true);
    expect(await as('rex', 'deliveries/list', {})).toEqual({ ok: true, data: [] });
    expect(await as('sam', 'deliveries/list', { status: 'sent' })).toEqual({ ok: true, data: [] });
  });

  it('refuses a personal destination and a CQL filter Confluence cannot parse, with field errors', async () => {
    const base: Pick<RuleInput, 'scope' | 'spaceKey' | 'events'> = {
      scope: 'space',
      spaceKey: 'ENG',
      events: ['page_updated'],
    };
    expect(await as('sam', 'rules/create', { ...base, destination: { type: 'personal' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fieldErrors: { destination: expect.stringContaining('bot') } },
    });
    expect(
      await as('sam', 'rules/create', {
        ...base,
        destination: general,
        filters: { cql: 'label = = release' },
      }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        fieldErrors: { 'filters.cql': expect.stringContaining('Could not parse cql') },
      },
    });
  });

  it('shares a page a viewer can see, and nothing for someone who cannot', async () => {
    const before = sandbox.microsoft.messages().length;
    expect(await as('rex', 'share/send', { contentId: pageId, destination: general })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(sandbox.microsoft.messages()).toHaveLength(before);
    const shared = await as('sam', 'share/send', { contentId: pageId, destination: general, note: 'FYI' });
    expect(shared).toMatchObject({
      ok: true,
      data: { sent: true, webUrl: expect.stringMatching(/^https:/) },
    });
    expect(sandbox.microsoft.messages().filter((m) => JSON.stringify(m).includes(PAGE_TITLE))).toHaveLength(
      1,
    );
  });

  it('puts a failed delivery back on the queue when its owner retries it', async () => {
    const mia = person('mia');
    const { url } = await invokeOk(sandbox, mia, SURFACES.personal, 'connection/start-login', {});
    await signInAtMicrosoft(sandbox, url, mia);
    // Leads is a private channel Mia is not in: Graph refuses her post.
    const leads = { ...general, channelId: engineering.channels[2].id, channelName: 'Leads' };
    await invokeOk(sandbox, mia, SURFACES.personal, 'rules/create', {
      scope: 'content',
      contentId: pageId,
      events: ['page_updated'],
      destination: leads,
    });
    await sandbox.confluence.editPage(person('ada').accountId, pageId, { body: '<p>Retry me</p>' });
    await sandbox.forge.idle({ timeoutMs: 30_000 });
    const [failed] = await invokeOk(sandbox, mia, SURFACES.personal, 'deliveries/list', { status: 'failed' });
    if (!failed) throw new Error('expected a failed delivery');
    expect(failed).toMatchObject({
      canRetry: true,
      destinationLabel: 'Engineering › Leads',
      ownerName: 'Mia Member',
    });

    const retried = await invokeOk(sandbox, mia, SURFACES.personal, 'deliveries/retry', { key: failed.key });
    expect(retried).toMatchObject({
      key: failed.key,
      status: 'retrying',
      attempts: failed.attempts,
      canRetry: false,
    });
    await sandbox.forge.idle({ timeoutMs: 30_000 });
    const [after] = (await invokeOk(sandbox, mia, SURFACES.personal, 'deliveries/list', {})).filter(
      (d) => d.key === failed.key,
    );
    // The consumer ran it again: Graph refused again, and the attempts add up.
    expect(after).toMatchObject({ status: 'failed' });
    expect(after?.attempts).toBeGreaterThan(failed.attempts);
    expect(await as('rex', 'deliveries/retry', { key: failed.key })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});
