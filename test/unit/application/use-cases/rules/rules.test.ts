import {
  createRule,
  deleteRule,
  listMyRules,
  listRules,
  type RulesDeps,
} from '../../../../../src/application/use-cases/rules/rules';
import { DEFAULT_FILTERS, ruleInputSchema, type RuleInput } from '../../../../../src/domain/rule';
import { aRule } from '../../../../support/builders';
import {
  countingRandom,
  fakeConfluence,
  fakeConnections,
  fakeRuleStore,
  fixedClock,
} from '../../../../support/fakes';
import { refusal } from '../../../../support/refusal';
import { aConnection } from '../../../../support/settings-builders';
import { fakeBotHealth } from '../../../../support/bot-fakes';

const ME = 'me-1';
const channel = {
  type: 'channel',
  teamId: 't',
  channelId: 'c',
  teamName: 'Eng',
  channelName: 'General',
} as const;
const input = (overrides: Partial<RuleInput> = {}) =>
  ruleInputSchema.parse({
    scope: 'space',
    spaceKey: 'ENG',
    events: ['page_updated'],
    destination: channel,
    ...overrides,
  });

const makeDeps = (
  overrides: Partial<Omit<RulesDeps, 'rules'>> & { rules?: ReturnType<typeof fakeRuleStore> } = {},
) => ({
  rules: fakeRuleStore(),
  connections: fakeConnections([aConnection({ accountId: ME })]),
  ...fakeConfluence({ isSpaceAdmin: async (_id, key) => key === 'ENG' }),
  clock: fixedClock(),
  random: countingRandom(),
  botStore: fakeBotHealth(),
  catchUps: recordingCatchUps(),
  ...overrides,
});

/** A catch-up queue that keeps what was queued. */
const recordingCatchUps = () => {
  const queued: Array<{ request: { ruleId: string; since: string }; concurrencyKey: string }> = [];
  return {
    queued,
    enqueue: async (request: { ruleId: string; since: string }, concurrencyKey: string) => {
      queued.push({ request, concurrencyKey });
    },
  };
};

describe("a new rule's catch-up", () => {
  // fixedClock() reads 2026-11-22.
  it('is queued once, for the stored rule and its destination, only when asked for', async () => {
    const deps = makeDeps();
    const view = await createRule(deps, { accountId: ME }, input({ catchUpSince: '2026-11-01' }));
    expect(deps.catchUps.queued).toEqual([
      { request: { ruleId: view.id, since: '2026-11-01' }, concurrencyKey: expect.stringMatching(/^dest-/) },
    ]);
    await createRule(deps, { accountId: ME }, input());
    expect(deps.catchUps.queued).toHaveLength(1);
    expect(deps.rules.ruleById(view.id)).not.toHaveProperty('catchUpSince');
  });

  it.each([
    ['2026-11-23', 'The date is in the future'],
    ['2026-08-23', 'at most 90 days back'],
    ['2026-02-30', 'Enter the date as YYYY-MM-DD'],
    ['22/11/2026', 'Enter the date as YYYY-MM-DD'],
  ])('refuses %s with a field message and stores nothing', async (since, message) => {
    const deps = makeDeps();
    const answer = await refusal(createRule(deps, { accountId: ME }, input({ catchUpSince: since })));
    expect(answer).toMatchObject({
      code: 'invalid_input',
      fieldErrors: { catchUpSince: expect.stringContaining(message) },
    });
    expect(deps.rules.ruleCount()).toBe(0);
    expect(deps.catchUps.queued).toHaveLength(0);
  });
});

describe('rules use cases', () => {
  it('creates a rule for a space admin and answers it as a view', async () => {
    const deps = makeDeps();
    const view = await createRule(deps, { accountId: ME }, input());
    expect(view).toMatchObject({
      scopeKey: 'space:ENG',
      ownerAccountId: ME,
      version: 1,
      ownedByCaller: true,
      canEditSettings: true,
      canEditDestination: true,
      ownerName: `Name of ${ME}`,
      location: { label: 'Space ENG', url: '/wiki/spaces/ENG/settings/apps/microsoft-teams' },
      paused: false,
    });
    expect(deps.rules.ruleById(view.id)).toBeDefined();
  });

  it('stores a page rule with the space of its page, so the trigger finds it with the space', async () => {
    const deps = makeDeps({ ...fakeConfluence({ canEditContent: async () => true }) });
    const view = await createRule(deps, { accountId: ME }, input({ scope: 'content', contentId: '65539' }));
    expect(deps.rules.ruleById(view.id)).toMatchObject({ scopeKey: 'content:65539', spaceKey: 'ENG' });
    expect(view.location.label).toBe('Page Release plan 2027');
  });

  it('refuses a personal destination while no bot is set up, with a field error, storing nothing', async () => {
    const deps = makeDeps();
    const answer = await refusal(
      createRule(deps, { accountId: ME }, input({ destination: { type: 'personal' } })),
    );
    expect(answer).toMatchObject({
      code: 'invalid_input',
      fieldErrors: { destination: expect.stringContaining('bot') },
    });
    expect(deps.rules.ruleCount()).toBe(0);
  });

  it("turns Confluence's CQL complaint into a filters.cql field error, asked as the caller", async () => {
    const asked: Array<[string, string]> = [];
    const deps = makeDeps({
      ...fakeConfluence({
        isSpaceAdmin: async () => true,
        validateCql: async (accountId, cql) => {
          asked.push([accountId, cql]);
          return 'Could not parse cql : labl = release';
        },
      }),
    });
    const filters = { cql: 'labl = release' } as RuleInput['filters'];
    const answer = await refusal(createRule(deps, { accountId: ME }, input({ filters })));
    expect(answer).toMatchObject({
      code: 'invalid_input',
      fieldErrors: { 'filters.cql': expect.stringContaining('Could not parse cql : labl = release') },
    });
    expect(asked).toEqual([[ME, 'labl = release']]);
    expect(deps.rules.ruleCount()).toBe(0);
  });

  it('invariant 3: refuses a CQL filter that escapes its group at save, before asking Confluence', async () => {
    const asked: string[] = [];
    const deps = makeDeps({
      ...fakeConfluence({
        isSpaceAdmin: async () => true,
        validateCql: async (_accountId, cql) => {
          asked.push(cql);
          return null;
        },
      }),
    });
    const filters = { cql: 'label = release) OR (type = page' } as RuleInput['filters'];
    const answer = await refusal(createRule(deps, { accountId: ME }, input({ filters })));
    expect(answer).toMatchObject({
      code: 'invalid_input',
      fieldErrors: { 'filters.cql': expect.stringContaining('closes a bracket') },
    });
    expect(asked).toEqual([]);
    expect(deps.rules.ruleCount()).toBe(0);
  });

  it('refuses someone without authority before looking at anything else', async () => {
    const deps = makeDeps({ connections: fakeConnections([]) });
    const answer = await refusal(createRule(deps, { accountId: ME }, input({ spaceKey: 'MKT' })));
    expect(answer.code).toBe('forbidden');
    expect(answer.message).toMatch(/admin of space MKT/);
  });

  it('needs a Microsoft connection to create a rule', async () => {
    const deps = makeDeps({
      connections: fakeConnections([aConnection({ accountId: ME, status: 'needs-login' })]),
    });
    expect((await refusal(createRule(deps, { accountId: ME }, input()))).code).toBe('not_connected');
  });

  it('lists a scope as views: other owners, paused owners, names', async () => {
    const theirs = aRule({ ownerAccountId: 'other', scopeKey: 'space:ENG' });
    const deps = makeDeps({
      rules: fakeRuleStore([theirs, aRule({ scopeKey: 'space:MKT' })]),
      connections: fakeConnections([aConnection({ accountId: 'other', status: 'needs-login' })]),
    });
    const views = await listRules(deps, { accountId: ME }, { scope: 'space', spaceKey: 'ENG' });
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({
      id: theirs.id,
      ownerName: 'Name of other',
      ownedByCaller: false,
      canEditSettings: true,
      canEditDestination: false,
      paused: true,
    });
    expect((await refusal(listRules(deps, { accountId: ME }, { scope: 'global' }))).code).toBe('forbidden');
  });

  it('lists my rules anywhere, naming pages only when I can view them', async () => {
    const hidden = aRule({ ownerAccountId: ME, scope: 'content', scopeKey: 'content:999' });
    const visible = aRule({ ownerAccountId: ME, scope: 'content', scopeKey: 'content:100' });
    const global = aRule({ ownerAccountId: ME, scope: 'global', scopeKey: 'global' });
    const deps = makeDeps({
      rules: fakeRuleStore([hidden, visible, global, aRule({ ownerAccountId: 'other' })]),
      ...fakeConfluence({
        canEditContent: async (_a, id) => id === '100',
        getContentAs: async (_a, id) =>
          id === '100'
            ? {
                id,
                type: 'page',
                title: 'Roadmap',
                spaceKey: 'ENG',
                spaceName: 'Engineering',
                version: 1,
                versionMessage: '',
                url: 'https://site.example/wiki/spaces/ENG/pages/100/Roadmap',
              }
            : null,
      }),
    });
    const views = await listMyRules(deps, { accountId: ME });
    const byId = new Map(views.map((v) => [v.id, v]));
    expect(views).toHaveLength(3);
    expect(byId.get(hidden.id)?.location).toEqual({ label: 'A page you cannot view', url: '' });
    expect(byId.get(hidden.id)?.canEditSettings).toBe(false);
    expect(byId.get(visible.id)?.location).toEqual({
      label: 'Page Roadmap',
      url: 'https://site.example/wiki/spaces/ENG/pages/100/Roadmap',
    });
    expect(byId.get(visible.id)?.canEditDestination).toBe(true);
    expect(byId.get(global.id)).toMatchObject({ location: { label: 'Global' }, canEditSettings: false });
  });

  it('deletes only with authority at the rule scope', async () => {
    const rule = aRule({ scopeKey: 'space:MKT' });
    const deps = makeDeps({ rules: fakeRuleStore([rule]) });
    expect((await refusal(deleteRule(deps, { accountId: ME }, rule.id))).code).toBe('forbidden');
    expect(deps.rules.holds(rule.id)).toBe(true);
    expect((await refusal(deleteRule(deps, { accountId: ME }, 'nope'))).code).toBe('not_found');
  });
});

describe('"me personally" as a rule’s destination', () => {
  it('is taken once the bot works', async () => {
    const deps = makeDeps({ botStore: fakeBotHealth('2026-12-03T10:00:00.000Z') });
    const view = await createRule(deps, { accountId: ME }, input({ destination: { type: 'personal' } }));
    expect(view.destination).toEqual({ type: 'personal' });
  });
});

describe('a page rule offers what fits a page', () => {
  const pageRule = (extra: Partial<RuleInput>) =>
    input({ scope: 'content', contentId: '65601', spaceKey: undefined, ...extra });

  it('refuses blog post events and the blog post content type, storing nothing', async () => {
    const deps = makeDeps({ ...fakeConfluence({ canEditContent: async () => true }) });
    const answer = await refusal(
      createRule(deps, { accountId: ME }, pageRule({ events: ['page_updated', 'blogpost_updated'] })),
    );
    expect(answer).toMatchObject({
      code: 'invalid_input',
      fieldErrors: { events: expect.stringContaining('blog post') },
    });
    const types = await refusal(
      createRule(
        deps,
        { accountId: ME },
        pageRule({ filters: { ...DEFAULT_FILTERS, contentTypes: ['blogpost'] } }),
      ),
    );
    expect(types).toMatchObject({
      fieldErrors: { 'filters.contentTypes': expect.stringContaining('pages only') },
    });
    expect(await deps.rules.listByOwner(ME)).toEqual([]);
  });
});
