import { listCoveringRules } from '../../../../../src/application/use-cases/rules/covering-rules';
import { aContentSummary, aRule } from '../../../../support/builders';
import { fakeConfluence, fakeRuleStore } from '../../../../support/fakes';
import { refusal } from '../../../../support/refusal';

const EDITOR = 'editor-1';
const PAGE = '300';
const PARENT = '200';

/** The page sits under PARENT in ENG; the editor may edit it, and anyone may view it unless hidden. */
const makeDeps = (rules = fakeRuleStore(), site: Parameters<typeof fakeConfluence>[0] = {}) => ({
  rules,
  ...fakeConfluence({
    canEditContent: async (accountId, id) => accountId === EDITOR && id === PAGE,
    getContentAs: async (_accountId, id) =>
      aContentSummary(id, { ancestors: [{ id: PARENT, title: 'Plans' }] }),
    ...site,
  }),
});

const chat = { type: 'chat', chatId: 'chat-1', chatName: 'Release crew' } as const;

describe('the rules that already cover a page', () => {
  it('lists global, space and ancestor page rules with where they send and who owns them', async () => {
    const rules = fakeRuleStore([
      aRule({ id: 'global', scope: 'global', scopeKey: 'global', ownerAccountId: 'ada' }),
      aRule({ id: 'space', ownerAccountId: EDITOR, destination: chat }),
      aRule({
        id: 'parent',
        scope: 'content',
        scopeKey: `content:${PARENT}`,
        spaceKey: 'ENG',
        includeDescendants: true,
      }),
    ]);
    const covering = await listCoveringRules(makeDeps(rules), { accountId: EDITOR }, PAGE);
    expect(covering).toEqual([
      expect.objectContaining({
        id: 'global',
        scope: 'global',
        coverage: 'Every space',
        destinationLabel: 'Eng › General',
        ownerName: 'Name of ada',
        ownedByCaller: false,
      }),
      expect.objectContaining({
        id: 'space',
        scope: 'space',
        coverage: 'Space ENG',
        destinationLabel: 'Release crew',
        ownerName: `Name of ${EDITOR}`,
        ownedByCaller: true,
      }),
      expect.objectContaining({
        id: 'parent',
        scope: 'content',
        coverage: 'Page “Plans” and the pages under it',
      }),
    ]);
  });

  it('leaves out the page’s own rules, other spaces, turned-off rules and page rules that do not reach down', async () => {
    const rules = fakeRuleStore([
      aRule({ id: 'own', scope: 'content', scopeKey: `content:${PAGE}`, spaceKey: 'ENG' }),
      aRule({ id: 'ops', scopeKey: 'space:OPS' }),
      aRule({ id: 'off', enabled: false }),
      aRule({ id: 'parent-only', scope: 'content', scopeKey: `content:${PARENT}`, spaceKey: 'ENG' }),
      aRule({
        id: 'sibling',
        scope: 'content',
        scopeKey: 'content:999',
        spaceKey: 'ENG',
        includeDescendants: true,
      }),
    ]);
    expect(await listCoveringRules(makeDeps(rules), { accountId: EDITOR }, PAGE)).toEqual([]);
  });

  it('says nothing about a page the caller cannot view (invariant 3)', async () => {
    const rules = fakeRuleStore([aRule({ id: 'space' })]);
    const deps = makeDeps(rules, { getContentAs: async () => null, canEditContent: async () => true });
    expect(await refusal(listCoveringRules(deps, { accountId: EDITOR }, PAGE))).toMatchObject({
      code: 'not_found',
    });
  });

  it('is for the page’s editors, who may manage its rules: a viewer is refused', async () => {
    const rules = fakeRuleStore([aRule({ id: 'space' })]);
    expect(await refusal(listCoveringRules(makeDeps(rules), { accountId: 'viewer' }, PAGE))).toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('edit'),
    });
  });
});
