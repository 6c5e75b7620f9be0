import type { RulesDeps } from '../../../../../src/application/use-cases/rules/rules';
import { updateRule } from '../../../../../src/application/use-cases/rules/update-rule';
import { DEFAULT_FILTERS } from '../../../../../src/domain/rule';
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

const OWNER = 'owner-1';
const ADMIN = 'space-admin-2';
const chat = { type: 'chat', chatId: '19:chat@thread.v2', chatName: 'Docs crew' } as const;

const setup = (overrides: Partial<Omit<RulesDeps, 'rules'>> = {}) => {
  const rule = aRule({ ownerAccountId: OWNER, scopeKey: 'space:ENG', version: 3, updatedAt: 5 });
  const rules = fakeRuleStore([rule]);
  const deps: RulesDeps & { rules: typeof rules } = {
    rules,
    connections: fakeConnections([aConnection({ accountId: OWNER }), aConnection({ accountId: ADMIN })]),
    ...fakeConfluence({
      isSpaceAdmin: async (id) => id === OWNER || id === ADMIN,
      displayNameOf: async (id) => (id === OWNER ? 'Olivia Owner' : id),
    }),
    clock: fixedClock('2026-11-22T10:00:00Z'),
    random: countingRandom(),
    botStore: fakeBotHealth(),
    ...overrides,
  };
  return { rule, deps };
};

describe('updateRule', () => {
  it('lets a space admin change settings, bumping version and updatedAt', async () => {
    const { rule, deps } = setup();
    const view = await updateRule(
      deps,
      { accountId: ADMIN },
      { id: rule.id, version: 3, enabled: false, events: ['page_created'] },
    );
    expect(view).toMatchObject({
      enabled: false,
      events: ['page_created'],
      version: 4,
      ownedByCaller: false,
    });
    expect(deps.rules.ruleById(rule.id)).toMatchObject({
      enabled: false,
      version: 4,
      updatedAt: Date.parse('2026-11-22T10:00:00Z'),
      destination: rule.destination,
    });
  });

  it('refuses a non-owner who moves the destination, naming the owner, and stores nothing', async () => {
    const { rule, deps } = setup();
    const answer = await refusal(
      updateRule(deps, { accountId: ADMIN }, { id: rule.id, version: 3, destination: chat }),
    );
    expect(answer.code).toBe('forbidden');
    expect(answer.message).toContain('Olivia Owner');
    expect(deps.rules.ruleById(rule.id)).toEqual(rule);
  });

  it('lets a non-owner send the unchanged destination back (the UI sends the whole rule)', async () => {
    const { rule, deps } = setup();
    const view = await updateRule(
      deps,
      { accountId: ADMIN },
      { id: rule.id, version: 3, destination: rule.destination, enabled: false },
    );
    expect(view.destination).toEqual(rule.destination);
  });

  it('lets the owner move the destination', async () => {
    const { rule, deps } = setup();
    const view = await updateRule(deps, { accountId: OWNER }, { id: rule.id, version: 3, destination: chat });
    expect(view.destination).toEqual(chat);
  });

  it('answers conflict for a stale version and stores nothing', async () => {
    const { rule, deps } = setup();
    const answer = await refusal(
      updateRule(deps, { accountId: OWNER }, { id: rule.id, version: 2, enabled: false }),
    );
    expect(answer).toMatchObject({
      code: 'conflict',
      message: 'Someone else changed this rule; reload to see their change.',
    });
    expect(deps.rules.ruleById(rule.id)).toEqual(rule);
  });

  it('refuses someone without authority at the scope, and an unknown rule', async () => {
    const { rule, deps } = setup();
    expect(
      (await refusal(updateRule(deps, { accountId: 'mia' }, { id: rule.id, version: 3, enabled: false })))
        .code,
    ).toBe('forbidden');
    expect((await refusal(updateRule(deps, { accountId: OWNER }, { id: 'gone', version: 1 }))).code).toBe(
      'not_found',
    );
    expect(deps.rules.ruleById(rule.id)).toEqual(rule);
  });

  it('invariant 3: checks a changed CQL filter as the rule’s owner, whoever edits it', async () => {
    const asked: Array<[string, string]> = [];
    const { rule, deps } = setup({
      ...fakeConfluence({
        isSpaceAdmin: async (id) => id === OWNER || id === ADMIN,
        validateCql: async (accountId, cql) => {
          asked.push([accountId, cql]);
          return null;
        },
      }),
    });
    await updateRule(
      deps,
      { accountId: ADMIN },
      { id: rule.id, version: 3, filters: { ...rule.filters, cql: 'label = release' } },
    );
    expect(asked).toEqual([[OWNER, 'label = release']]);
  });

  it('does not ask Confluence again about a CQL filter the edit left as it was', async () => {
    const asked: string[] = [];
    const { deps } = setup({
      ...fakeConfluence({
        isSpaceAdmin: async (id) => id === OWNER || id === ADMIN,
        validateCql: async (accountId) => {
          asked.push(accountId);
          return null;
        },
      }),
    });
    const rule = aRule({ ownerAccountId: OWNER, filters: { ...DEFAULT_FILTERS, cql: 'label = adr' } });
    deps.rules.add(rule);
    await updateRule(
      deps,
      { accountId: ADMIN },
      { id: rule.id, version: 1, filters: rule.filters, enabled: false },
    );
    expect(asked).toEqual([]);
  });

  it('invariant 3: only the owner may switch a rule from skip to redact, which reveals content they cannot view', async () => {
    const { rule, deps } = setup();
    const answer = await refusal(
      updateRule(deps, { accountId: ADMIN }, { id: rule.id, version: 3, restrictedContent: 'redact' }),
    );
    expect(answer.code).toBe('forbidden');
    expect(answer.message).toContain('Olivia Owner');
    expect(deps.rules.ruleById(rule.id)).toEqual(rule);
    const mine = await updateRule(
      deps,
      { accountId: OWNER },
      { id: rule.id, version: 3, restrictedContent: 'redact' },
    );
    expect(mine.restrictedContent).toBe('redact');
  });

  it('lets a non-owner keep redact as it is, or switch it back to skip', async () => {
    const { deps } = setup();
    const rule = aRule({ ownerAccountId: OWNER, restrictedContent: 'redact', version: 1 });
    deps.rules.add(rule);
    const kept = await updateRule(
      deps,
      { accountId: ADMIN },
      { id: rule.id, version: 1, restrictedContent: 'redact', enabled: false },
    );
    expect(kept).toMatchObject({ restrictedContent: 'redact', enabled: false });
    const back = await updateRule(
      deps,
      { accountId: ADMIN },
      { id: rule.id, version: 2, restrictedContent: 'skip' },
    );
    expect(back.restrictedContent).toBe('skip');
  });

  it('records who changed which fields and when, newest last, and shows it with names', async () => {
    const { rule, deps } = setup();
    const view = await updateRule(
      deps,
      { accountId: ADMIN },
      {
        id: rule.id,
        version: 3,
        events: ['page_created'],
        filters: { ...rule.filters, cql: 'label = release', labelsAny: ['adr'] },
        enabled: true,
        destination: rule.destination,
      },
    );
    const at = Date.parse('2026-11-22T10:00:00Z');
    expect(deps.rules.ruleById(rule.id)?.history).toEqual([
      { at, byAccountId: ADMIN, fields: ['events', 'cql', 'filters'] },
    ]);
    expect(view.changes).toEqual([{ at, byName: ADMIN, fields: ['events', 'cql', 'filters'] }]);
    const again = await updateRule(deps, { accountId: OWNER }, { id: rule.id, version: 4, enabled: false });
    expect(again.changes.map((c) => [c.byName, c.fields])).toEqual([
      [ADMIN, ['events', 'cql', 'filters']],
      ['Olivia Owner', ['enabled']],
    ]);
  });

  it('keeps the last 20 changes, and records nothing for an edit that changes nothing', async () => {
    const { rule, deps } = setup();
    let version = 3;
    for (let i = 0; i < 25; i++) {
      await updateRule(deps, { accountId: ADMIN }, { id: rule.id, version, enabled: i % 2 === 1 });
      version += 1;
    }
    const history = deps.rules.ruleById(rule.id)?.history ?? [];
    expect(history).toHaveLength(20);
    await updateRule(deps, { accountId: ADMIN }, { id: rule.id, version, enabled: true });
    expect(deps.rules.ruleById(rule.id)?.history).toEqual(history);
  });

  it('invariant 3: refuses an edit whose CQL filter escapes its group, and stores nothing', async () => {
    const { rule, deps } = setup();
    const answer = await refusal(
      updateRule(
        deps,
        { accountId: OWNER },
        { id: rule.id, version: 3, filters: { ...rule.filters, cql: 'label = x) OR (type = page' } },
      ),
    );
    expect(answer).toMatchObject({
      code: 'invalid_input',
      fieldErrors: { 'filters.cql': expect.stringContaining('closes a bracket') },
    });
    expect(deps.rules.ruleById(rule.id)).toEqual(rule);
  });

  it('validates the merged rule like create: descendants only on a page rule, personal, CQL', async () => {
    const { rule, deps } = setup({
      ...fakeConfluence({
        isSpaceAdmin: async () => true,
        validateCql: async () => 'Could not parse cql : ((',
      }),
    });
    const answer = await refusal(
      updateRule(
        deps,
        { accountId: OWNER },
        {
          id: rule.id,
          version: 3,
          includeDescendants: true,
          destination: { type: 'personal' },
          filters: { ...rule.filters, cql: '((' },
        },
      ),
    );
    expect(answer.code).toBe('invalid_input');
    expect(Object.keys(answer.fieldErrors ?? {}).sort()).toEqual([
      'destination',
      'filters.cql',
      'includeDescendants',
    ]);
    expect(deps.rules.ruleById(rule.id)).toEqual(rule);
  });
});
