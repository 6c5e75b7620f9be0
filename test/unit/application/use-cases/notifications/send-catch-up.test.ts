import type { ChangeSearch } from '../../../../../src/application/ports/confluence';
import { MicrosoftRequestError } from '../../../../../src/application/ports/microsoft';
import { sendCatchUp } from '../../../../../src/application/use-cases/notifications/send-catch-up';
import type { CatchUpItem } from '../../../../../src/domain/catch-up-card';
import { DEFAULT_FILTERS } from '../../../../../src/domain/rule';
import { aRule } from '../../../../support/builders';
import { aConnection, attemptNo, deliveryDeps, OWNER } from '../../../../support/delivery-harness';
import { fakeRuleStore, LostAnswer, scriptedTeams } from '../../../../support/fakes';

const RULE_ID = '4a3f1c2e-1111-4b2a-9c3d-000000000001';
const request = { ruleId: RULE_ID, since: '2026-11-01' };

const item = (n: number, by = 'mia'): CatchUpItem => ({
  id: String(n),
  type: 'page',
  title: `Page ${n}`,
  spaceName: 'Engineering',
  url: `https://acme.atlassian.net/wiki/spaces/ENG/pages/${n}`,
  lastModified: '2026-11-20T10:00:00.000Z',
  lastModifiedBy: { accountId: by, displayName: by },
});

/** A search that answers `items` (and `total` in all) and remembers who asked what. */
const searchFinding = (items: CatchUpItem[], total = items.length) => {
  const asked: Array<{ accountId: string; cql: string; limit: number }> = [];
  const changes: ChangeSearch & { asked: typeof asked } = {
    asked,
    findChangesAs: async (accountId, cql, limit) => {
      asked.push({ accountId, cql, limit });
      return { items, total, baseUrl: 'https://acme.atlassian.net/wiki' };
    },
  };
  return changes;
};

const setup = (
  options: { items?: CatchUpItem[]; total?: number; teams?: ReturnType<typeof scriptedTeams> } = {},
) => {
  const base = deliveryDeps();
  const rule = aRule({
    id: RULE_ID,
    ownerAccountId: OWNER,
    filters: { ...DEFAULT_FILTERS, authorsExclude: ['bot'] },
  });
  const deps = {
    ...base,
    rules: fakeRuleStore([rule]),
    changes: searchFinding(options.items ?? [item(1), item(2)], options.total),
    teams: options.teams ?? base.teams,
    connections: base.connections,
  };
  return { deps, rule };
};

describe('a new rule’s catch-up', () => {
  it('searches as the owner, leaves out what the rule’s author filters leave out, and posts once', async () => {
    const { deps } = setup({ items: [item(1), item(2, 'bot'), item(3, OWNER)], total: 70 });
    expect(await sendCatchUp(deps, request, attemptNo(1))).toEqual({ kind: 'done', status: 'sent' });
    expect(deps.changes.asked).toEqual([
      { accountId: OWNER, cql: expect.stringContaining('lastmodified >= "2026-11-01"'), limit: 50 },
    ]);
    const card = JSON.stringify(deps.teams.postedCards()[0]?.message?.card);
    expect(card).toContain('Page 1');
    expect(card).not.toContain('Page 2'); // by someone the rule excludes
    expect(card).not.toContain('Page 3'); // the owner's own change, skipped by default
    expect(card).toContain('…and 67 more in Confluence.');
    expect(deps.deliveries.recordFor(`catch-up:${RULE_ID}`)).toMatchObject({
      status: 'sent',
      messageId: 'm-1',
    });

    expect(await sendCatchUp(deps, request, attemptNo(1))).toEqual({ kind: 'already' });
    expect(deps.teams.postedCards()).toHaveLength(1);
  });

  it('after a send whose answer was lost, finds the message instead of posting it again', async () => {
    const lost = new MicrosoftRequestError(
      'maybe-sent',
      503,
      'network_error',
      'Could not reach Microsoft Graph',
    );
    const teams = scriptedTeams([new LostAnswer(lost, 'm-lost')]);
    const { deps } = setup({ teams });
    expect(await sendCatchUp(deps, request, attemptNo(1))).toEqual({ kind: 'done', status: 'sent' });
    expect(teams.postedCards()).toHaveLength(1);
    expect(deps.deliveries.recordFor(`catch-up:${RULE_ID}`)).toMatchObject({
      status: 'sent',
      messageId: 'm-lost',
    });
  });

  it('goes back to the queue when Teams throttles, and the row says it is being retried', async () => {
    const throttled = new MicrosoftRequestError('throttled', 429, 'TooManyRequests', 'slow down', 12);
    const teams = scriptedTeams([throttled]);
    const { deps } = setup({ teams });
    expect(await sendCatchUp(deps, request, attemptNo(1))).toMatchObject({
      kind: 'retry',
      retryAfterSeconds: 12,
    });
    expect(deps.deliveries.recordFor(`catch-up:${RULE_ID}`)).toMatchObject({
      status: 'retrying',
      attempts: 1,
    });
    expect(await sendCatchUp(deps, request, attemptNo(2))).toEqual({ kind: 'done', status: 'sent' });
    expect(teams.postedCards()).toHaveLength(2);
  });

  it('records why nothing was sent: the rule is gone, or nothing matched', async () => {
    const gone = setup();
    await gone.deps.rules.delete(RULE_ID);
    expect(await sendCatchUp(gone.deps, request, attemptNo(1))).toMatchObject({ status: 'skipped' });
    expect(gone.deps.deliveries.recordFor(`catch-up:${RULE_ID}`)?.reason).toBe(
      'The rule was deleted before its catch-up was sent.',
    );
    const empty = setup({ items: [] });
    expect(await sendCatchUp(empty.deps, request, attemptNo(1))).toMatchObject({ status: 'skipped' });
    expect(empty.deps.teams.postedCards()).toEqual([]);
  });

  it('fails with the owner’s reason when their sign-in expired', async () => {
    const { deps } = setup();
    await deps.connections.put({ ...aConnection(), status: 'needs-login' });
    expect(await sendCatchUp(deps, request, attemptNo(1))).toMatchObject({
      kind: 'done',
      status: 'failed',
      reason: expect.stringContaining('sign-in expired'),
    });
  });
});
