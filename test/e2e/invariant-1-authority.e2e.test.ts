import { runFirstSlice } from '../../dev/sandbox/first-slice';
import { SURFACES, invokeAs, invokeOk, signInAtMicrosoft } from '../../dev/sandbox/sandbox-driver';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { ENTRA_APP, TENANT, person } from '../../dev/seed';
import type { RuleInput } from '../../src/domain/rule';
import { startTestSandbox } from '../support/sandbox-fixture';

const channel = {
  type: 'channel',
  teamId: '2c1e7a90-aaaa-4b6e-8a1f-100000000001',
  channelId: '19:eng-general@thread.tacv2',
  teamName: 'Engineering',
  channelName: 'General',
} as const;
const ruleAt = (scope: Pick<RuleInput, 'scope' | 'spaceKey' | 'contentId'>): RuleInput => ({
  ...scope,
  events: ['page_updated'],
  destination: channel,
  enabled: true,
});

describe('invariant 1: every resolver checks authority on the server', () => {
  let sandbox: Sandbox;
  let pageId: string;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    pageId = (await runFirstSlice(sandbox)).page.id;
    // Everyone below is connected, so only authority can refuse them.
    for (const key of ['mia', 'vic', 'sam'] as const) {
      const { url } = await invokeOk(sandbox, person(key), SURFACES.personal, 'connection/start-login', {});
      expect((await signInAtMicrosoft(sandbox, url, person(key))).status).toBe(200);
    }
  });
  afterAll(() => sandbox.stop());

  const rulesStored = () => Object.keys(sandbox.forge.kvsDump().entities['rule'] ?? {}).length;

  it.each([
    ['Mia (member) a space rule', 'mia', { scope: 'space', spaceKey: 'ENG' }],
    ['Sam (admin of ENG only) a space rule in MKT', 'sam', { scope: 'space', spaceKey: 'MKT' }],
    ['Sam (space admin) a global rule', 'sam', { scope: 'global' }],
    ['Vic (viewer) a page rule', 'vic', { scope: 'content', contentId: 'PAGE' }],
  ] as const)('refuses %s with forbidden and stores nothing', async (_name, key, scope) => {
    const before = rulesStored();
    const input = ruleAt(scope.scope === 'content' ? { ...scope, contentId: pageId } : scope);
    const answer = await invokeAs(sandbox, person(key), SURFACES.space('ENG'), 'rules/create', input);
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(rulesStored()).toBe(before);
  });

  it.each([
    ['Sam (space admin) a space rule in ENG', 'sam', { scope: 'space', spaceKey: 'ENG' }],
    ['Mia (page editor) a page rule', 'mia', { scope: 'content', contentId: 'PAGE' }],
  ] as const)('allows %s', async (_name, key, scope) => {
    const input = ruleAt(scope.scope === 'content' ? { ...scope, contentId: pageId } : scope);
    const answer = await invokeAs(sandbox, person(key), SURFACES.space('ENG'), 'rules/create', input);
    expect(answer.ok).toBe(true);
  });

  it('lets only a site admin read or change the tenant mapping', async () => {
    for (const key of ['sam', 'mia', 'rex'] as const) {
      expect(await invokeAs(sandbox, person(key), SURFACES.global, 'tenant/get', {})).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      const save = await invokeAs(sandbox, person(key), SURFACES.global, 'tenant/save', {
        tenantId: TENANT.id,
        clientId: ENTRA_APP.clientId,
        clientSecret: 'attacker-secret-value-123',
        secretExpiresOn: '2030-01-01',
      });
      expect(save).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const view = await invokeOk(sandbox, person('ada'), SURFACES.global, 'tenant/get', {});
    expect(view.secretExpiresOn).toBe(ENTRA_APP.secretExpiresOn);
  });

  it('refuses to delete a space rule for someone who is not its space admin', async () => {
    const [rule] = await invokeOk(sandbox, person('ada'), SURFACES.space('ENG'), 'rules/list', {
      scope: 'space',
      spaceKey: 'ENG',
    });
    if (!rule) throw new Error('expected the slice rule');
    expect(
      await invokeAs(sandbox, person('mia'), SURFACES.space('ENG'), 'rules/delete', { id: rule.id }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(sandbox.forge.kvsDump().entities['rule']?.[rule.id]).toBeDefined();
  });

  it('rejects malformed input with field messages before doing anything', async () => {
    const answer = await invokeAs(sandbox, person('ada'), SURFACES.space('ENG'), 'rules/create', {
      ...ruleAt({ scope: 'space', spaceKey: 'ENG' }),
      events: [],
    });
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fieldErrors: { events: expect.any(String) } },
    });
  });
});
