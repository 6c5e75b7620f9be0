import { runFirstSlice } from '../../dev/sandbox/first-slice';
import {
  SURFACES,
  invokeAs,
  invokeOk,
  openCallback,
  redirectFromMicrosoft,
  signInAtMicrosoft,
} from '../../dev/sandbox/sandbox-driver';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { TEAMS, person } from '../../dev/seed';
import { hashKeyPart } from '../../src/adapters/kvs-keys';
import type { ResolverApi, ResolverKey } from '../../src/contracts/resolver-api';
import type { DeliveryRecord } from '../../src/domain/delivery';
import { DEFAULT_PREFERENCES } from '../../src/domain/preferences';
import type { Rule, RuleInput } from '../../src/domain/rule';
import { definitions } from '../../src/handlers/resolver-definitions';
import {
  AT_SCOPE,
  changedBetween,
  everyone,
  only,
  ownChat,
  PERSONAS,
  READ_ONLY,
  storedState,
  siteAdminRows,
  userMappingRows,
  type Persona,
  type Variant,
} from '../support/authorization-matrix';
import { startTestSandbox } from '../support/sandbox-fixture';
import { SAMPLE_EXPORT } from '../support/user-export-fixture';

/*
 * Invariant 1 as a table: every resolver key × five people → allowed, or a clear refusal that
 * stored nothing. The people: Ada (site admin), Sam (admin of ENG), Mia (can edit the page),
 * Vic (can view the page, not edit it: ENG is read-only for him) and Rex (cannot view the page:
 * it is read-restricted to the other four). Every call comes from the personal page, which
 * anyone may open: the UI surface is no check, the server is.
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
/** A private channel Mia is not in: her rule to it fails at Graph (403), giving failed deliveries. */
const leads = { ...general, channelId: engineering.channels[2].id, channelName: 'Leads' } as const;

describe('invariant 1: the authorization matrix of every resolver key', () => {
  let sandbox: Sandbox;
  let pageId = '';
  const rulesAt: Record<'global' | 'space' | 'content', string> = { global: '', space: '', content: '' };
  const retried = new Set<string>();
  let saves = 0;

  const dump = () => sandbox.forge.kvsDump();
  const storedRule = (id: string) => (dump().entities['rule']?.[id] as { data: Rule } | undefined)?.data;
  const scopeOf = (scope: keyof typeof rulesAt): Pick<RuleInput, 'scope' | 'spaceKey' | 'contentId'> =>
    scope === 'global'
      ? { scope }
      : scope === 'space'
        ? { scope, spaceKey: 'ENG' }
        : { scope, contentId: pageId };
  const previewAsAda = async (): Promise<string> =>
    (await invokeOk(sandbox, person('ada'), SURFACES.global, 'user-mapping/preview', { csv: SAMPLE_EXPORT }))
      .previewId;
  const createRuleAs = async (
    who: Persona,
    scope: keyof typeof rulesAt,
    destination: RuleInput['destination'],
  ) =>
    (
      await invokeOk(sandbox, person(who), SURFACES.personal, 'rules/create', {
        ...scopeOf(scope),
        events: ['page_updated'],
        destination,
      })
    ).id;
  /** A delivery of Mia's rule to Leads that failed at Graph and has not been retried yet. */
  const freshFailedDelivery = async (): Promise<string> => {
    await sandbox.confluence.editPage(person('ada').accountId, pageId, {
      body: `<p>Edit ${Date.now()}</p>`,
    });
    await sandbox.forge.idle({ timeoutMs: 30_000 });
    const failed = Object.values(dump().entities['delivery'] ?? {})
      .map((row) => (row as { data: DeliveryRecord }).data)
      .filter((d) => d.status === 'failed' && d.ownerAccountId === person('mia').accountId)
      .filter((d) => !retried.has(d.key));
    if (!failed[0]) throw new Error('expected a failed delivery of Mia’s rule to Leads');
    retried.add(failed[0].key);
    return failed[0].key;
  };

  const MATRIX: Record<ResolverKey, Variant[]> = {
    'context/get': [
      {
        name: 'the page',
        payload: () => ({ contentId: pageId }),
        expect: { ...everyone(), rex: 'not_found' },
        writes: READ_ONLY,
      },
      { name: 'space ENG', payload: () => ({ spaceKey: 'ENG' }), expect: everyone(), writes: READ_ONLY },
    ],
    ...siteAdminRows({ sandbox: () => sandbox }),
    'connection/get': [{ name: '', payload: () => ({}), expect: everyone(), writes: READ_ONLY }],
    'connection/start-login': [
      { name: '', payload: () => ({}), expect: everyone(), writes: () => ['key:oauth-state:'] },
    ],
    // A sign-in Mia started and finished at Microsoft: only Mia's Confluence session may redeem it.
    'connection/finish-sign-in': [
      {
        name: 'started by Mia',
        payload: async () => {
          const mia = person('mia');
          const { url } = await invokeOk(sandbox, mia, SURFACES.personal, 'connection/start-login', {});
          const callback = await openCallback(await redirectFromMicrosoft(sandbox, url, mia));
          return { code: callback.code };
        },
        expect: only('mia'),
        writes: (id) => [
          `connection:${id}`,
          `secret:ms-token:${id}`,
          // The access token's copy goes with the secret (docs/architecture.md).
          `key:ms-access:${id}`,
          'secret:oauth-completion:',
          'key:oauth-completion-used:',
        ],
      },
    ],
    'connection/disconnect': [
      {
        name: '',
        payload: () => ({}),
        expect: everyone(),
        // The caller's own 1:1 chat with the bot, when they added the app, is told.
        writes: (id) => [
          `connection:${id}`,
          `secret:ms-token:${id}`,
          `key:ms-access:${id}`,
          `key:conversation:${ownChat(id)}`,
          // The copy of "added the app" kept under the account goes with the connection.
          `key:app-added:${hashKeyPart(id)}`,
        ],
      },
    ],
    'preferences/get': [{ name: '', payload: () => ({}), expect: everyone(), writes: READ_ONLY }],
    'preferences/save': [
      {
        name: '',
        // A different value each call, so a write to someone else's preferences shows as a change.
        payload: () => ({
          ...DEFAULT_PREFERENCES,
          quietHours: { ...DEFAULT_PREFERENCES.quietHours, start: `1${(saves += 1)}:00` },
        }),
        expect: everyone(),
        writes: (id) => [`key:prefs:${hashKeyPart(id)}`],
      },
    ],
    'teams/list': [{ name: '', payload: () => ({}), expect: everyone(), writes: READ_ONLY }],
    'teams/channels': [
      { name: '', payload: () => ({ teamId: engineering.id }), expect: everyone(), writes: READ_ONLY },
    ],
    'teams/chats': [{ name: '', payload: () => ({}), expect: everyone(), writes: READ_ONLY }],
    'rules/list': (['global', 'space', 'content'] as const).map((scope) => ({
      name: scope,
      payload: () => scopeOf(scope),
      expect: AT_SCOPE[scope],
      writes: READ_ONLY,
    })),
    'rules/mine': [{ name: '', payload: () => ({}), expect: everyone(), writes: READ_ONLY }],
    // Page editors, who may manage its rules; Rex cannot view the page and learns nothing of it.
    'rules/covering': [
      {
        name: 'the page',
        payload: () => ({ contentId: pageId }),
        expect: { ...only('ada', 'sam', 'mia'), rex: 'not_found' },
        writes: READ_ONLY,
      },
    ],
    'rules/create': (['global', 'space', 'content'] as const).map((scope) => ({
      name: scope,
      payload: () => ({ ...scopeOf(scope), events: ['page_updated'], destination: general }),
      expect: AT_SCOPE[scope],
    })),
    'rules/update': (['global', 'space', 'content'] as const).map((scope) => ({
      name: scope,
      payload: () => {
        const rule = storedRule(rulesAt[scope]);
        if (!rule) throw new Error(`no ${scope} rule`);
        return { id: rule.id, version: rule.version, enabled: !rule.enabled };
      },
      expect: AT_SCOPE[scope],
    })),
    'rules/delete': (['global', 'space', 'content'] as const).map((scope) => ({
      name: scope,
      payload: async () => ({ id: await createRuleAs('ada', scope, general) }),
      expect: AT_SCOPE[scope],
    })),
    // Anyone signed in may look people up, as themselves.
    'people/search': [
      { name: 'Mia', payload: () => ({ query: 'Mia' }), expect: everyone(), writes: READ_ONLY },
    ],
    'people/names': [
      {
        name: 'Mia',
        payload: () => ({ accountIds: [person('mia').accountId] }),
        expect: everyone(),
        writes: READ_ONLY,
      },
    ],
    'share/send': [
      {
        name: 'the page',
        payload: () => ({ contentId: pageId, destination: general, note: 'Worth a read' }),
        expect: { ...everyone(), rex: 'not_found' },
      },
    ],
    'deliveries/health': [{ name: '', payload: () => ({}), expect: only('ada'), writes: READ_ONLY }],
    'deliveries/list': [{ name: '', payload: () => ({}), expect: everyone(), writes: READ_ONLY }],
    'deliveries/retry': [
      {
        name: 'a failed delivery of Mia’s rule',
        payload: async () => ({ key: await freshFailedDelivery() }),
        expect: only('ada', 'mia'),
      },
    ],
    ...userMappingRows({ sandbox: () => sandbox, previewAsAda }),
  };

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    // Ada maps the tenant, connects, and sets the ENG space rule; Mia's edit is delivered.
    const slice = await runFirstSlice(sandbox);
    rulesAt.space = slice.rule.id;
    pageId = sandbox.confluence.findContent(PAGE_TITLE).id;
    const everyoneButRex = (['ada', 'sam', 'mia', 'vic'] as const).map((k) => person(k).accountId);
    await sandbox.confluence.restrictContent(person('ada').accountId, pageId, { read: everyoneButRex });
    // Everyone is connected, so only authority can refuse them.
    for (const key of ['sam', 'mia', 'vic', 'rex'] as const) {
      const { url } = await invokeOk(sandbox, person(key), SURFACES.personal, 'connection/start-login', {});
      expect((await signInAtMicrosoft(sandbox, url, person(key))).status).toBe(200);
    }
    rulesAt.global = await createRuleAs('ada', 'global', general);
    rulesAt.content = await createRuleAs('mia', 'content', general);
    await createRuleAs('mia', 'content', leads);
  }, 60_000);
  afterAll(() => sandbox.stop());

  it('has a row for every resolver key', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(definitions).sort());
  });

  // Disconnecting comes last: after it, the people are no longer connected.
  const keys = (Object.keys(definitions) as ResolverKey[]).sort(
    (a, b) => Number(a === 'connection/disconnect') - Number(b === 'connection/disconnect'),
  );
  const rows = keys.flatMap((key) =>
    (MATRIX[key] ?? []).flatMap((variant) =>
      PERSONAS.map((who) => ({ key, variant, who, outcome: variant.expect[who] })),
    ),
  );

  it.each(rows.map((r) => [r.key, r.variant.name, r.who, r.outcome, r] as const))(
    '%s %s as %s → %s',
    async (key, _name, who, outcome, row) => {
      const payload = (await row.variant.payload()) as ResolverApi[typeof key]['input'];
      await sandbox.forge.idle({ timeoutMs: 30_000 });
      const before = storedState(dump());
      const messagesBefore = sandbox.microsoft.messages().length;
      const answer = await invokeAs(sandbox, person(who), SURFACES.personal, key, payload);
      if (outcome === 'ok') {
        expect(answer).toMatchObject({ ok: true });
      } else {
        expect(answer).toMatchObject({ ok: false, error: { code: outcome, message: expect.any(String) } });
        if (!answer.ok) expect(answer.error.message.length).toBeGreaterThan(20);
      }
      await sandbox.forge.idle({ timeoutMs: 30_000 });
      const changed = changedBetween(before, storedState(dump()));
      if (outcome !== 'ok') {
        expect(changed).toEqual([]);
        expect(sandbox.microsoft.messages()).toHaveLength(messagesBefore);
      } else if (row.variant.writes) {
        const allowed = row.variant.writes(person(who).accountId);
        expect(changed.filter((k) => !allowed.some((prefix) => k.startsWith(prefix)))).toEqual([]);
      }
    },
  );
});
