import { chooseSender } from '../../../../src/application/services/choose-sender';
import { deliverNotification } from '../../../../src/application/use-cases/notifications/deliver-notification';
import type { ContentSummary } from '../../../../src/application/ports/confluence';
import { aContentSummary, aRule } from '../../../support/builders';
import { cardIn, deliveryDeps, OWNER, plannedDelivery, attemptNo } from '../../../support/delivery-harness';
import { fakeConfluence } from '../../../support/fakes';

const REX = 'rex';
const MIA = 'mia';
const visibleTo =
  (...viewers: string[]) =>
  async (account: string, id: string): Promise<ContentSummary | null> =>
    viewers.includes(account) ? aContentSummary(id) : null;

const rexFirst = (rexMode: 'skip' | 'redact', extra: { rexCql?: string; miaCql?: string } = {}) =>
  plannedDelivery({}, [
    aRule({
      ownerAccountId: REX,
      restrictedContent: rexMode,
      createdAt: 1,
      filters: { ...aRule().filters, cql: extra.rexCql ?? '' },
    }),
    aRule({ ownerAccountId: MIA, createdAt: 2, filters: { ...aRule().filters, cql: extra.miaCql ?? '' } }),
  ]);

describe('chooseSender (invariant 3: a rule sends only what its owner can view)', () => {
  it('skips a sender who cannot view the content and lets the next one send', async () => {
    const confluence = fakeConfluence({ getContentAs: visibleTo(MIA) });
    const choice = await chooseSender(confluence, rexFirst('skip'));
    expect(choice).toMatchObject({ kind: 'send', sender: { ownerAccountId: MIA } });
  });

  it('evaluates a CQL filter as its owner with the content id, and passes over a mismatch', async () => {
    const asked: string[] = [];
    const confluence = fakeConfluence({
      getContentAs: visibleTo(REX, MIA),
      matchesCqlAs: async (account, id, cql) => {
        asked.push(`${account}|${id}|${cql}`);
        return account === MIA;
      },
    });
    const choice = await chooseSender(
      confluence,
      rexFirst('skip', { rexCql: 'label = adr', miaCql: 'space = ENG' }),
    );
    expect(choice).toMatchObject({ kind: 'send', sender: { ownerAccountId: MIA } });
    expect(asked).toEqual(['rex|65601|label = adr', 'mia|65601|space = ENG']);
  });

  it('does not run a search for a sender without a CQL filter', async () => {
    const confluence = fakeConfluence({
      matchesCqlAs: async () => {
        throw new Error('no search expected');
      },
    });
    expect(await chooseSender(confluence, plannedDelivery())).toMatchObject({ kind: 'send' });
  });

  it('falls back to a redacted card from a redacting sender who cannot view it', async () => {
    const confluence = fakeConfluence({ getContentAs: visibleTo() });
    expect(await chooseSender(confluence, rexFirst('redact'))).toMatchObject({
      kind: 'redact',
      sender: { ownerAccountId: REX },
    });
  });

  it('prefers a sender who can view over a redacting one', async () => {
    const confluence = fakeConfluence({ getContentAs: visibleTo(MIA) });
    expect(await chooseSender(confluence, rexFirst('redact'))).toMatchObject({
      kind: 'send',
      sender: { ownerAccountId: MIA },
    });
  });

  it('does not redact for a sender whose CQL filter could not be judged', async () => {
    const confluence = fakeConfluence({ getContentAs: visibleTo() });
    const choice = await chooseSender(confluence, rexFirst('redact', { rexCql: 'label = adr' }));
    expect(choice).toEqual({
      kind: 'skip',
      sender: expect.objectContaining({ ownerAccountId: REX }),
      hidden: true,
      reason: 'None of the 2 matching rules may send this content: 2 owners cannot view it',
    });
  });

  it('explains a mix of reasons', async () => {
    const confluence = fakeConfluence({ getContentAs: visibleTo(MIA), matchesCqlAs: async () => false });
    const choice = await chooseSender(confluence, rexFirst('skip', { miaCql: 'label = nope' }));
    expect(choice).toMatchObject({
      kind: 'skip',
      reason:
        'None of the 2 matching rules may send this content: 1 owner cannot view it, 1 CQL filter does not match it',
    });
  });
});

describe('deliverNotification with restricted content', () => {
  it('sends the redacted card as the redacting sender: no title, author, excerpt or link', async () => {
    const deps = { ...deliveryDeps(), ...fakeConfluence({ getContentAs: visibleTo() }) };
    deps.connections.add({ ...deps.connections.connectionOf(OWNER)!, accountId: REX });
    deps.tokens.add(REX, deps.tokens.tokensOf(OWNER)!);
    const delivery = rexFirst('redact');
    expect(await deliverNotification(deps, delivery, attemptNo(1))).toMatchObject({ kind: 'sent' });
    const card = cardIn(deps.teams.postedCards()[0]?.message);
    const text = JSON.stringify(card.body);
    expect(text).toContain('A page in ENG you cannot see here was updated.');
    for (const secret of ['Release plan 2027', 'editor', 'http', '65601']) expect(text).not.toContain(secret);
    expect(card.actions).toEqual([]);
    const row = deps.deliveries.recordFor(delivery.deliveryKey);
    expect(row).toMatchObject({ status: 'sent', ownerAccountId: REX });
    expect(row).not.toHaveProperty('title');
  });

  it('records a skip naming no title when nobody may send', async () => {
    const deps = { ...deliveryDeps(), ...fakeConfluence({ getContentAs: visibleTo() }) };
    const delivery = rexFirst('skip');
    expect(await deliverNotification(deps, delivery, attemptNo(1))).toMatchObject({ kind: 'skipped' });
    expect(deps.teams.postedCards()).toHaveLength(0);
    const row = deps.deliveries.recordFor(delivery.deliveryKey);
    expect(row).toMatchObject({ status: 'skipped' });
    expect(JSON.stringify(row)).not.toContain('Release plan');
  });
});

describe('chooseSender: the label and page checks the trigger left to the consumer', () => {
  const labelled = (content: ContentSummary | null) => (content ? { ...content, labels: ['draft'] } : null);
  const withDraftLabel =
    (...viewers: string[]) =>
    async (account: string, id: string) =>
      labelled(await visibleTo(...viewers)(account, id));
  const senders = (rexCheck: object | undefined, miaCheck: object | undefined) => {
    const delivery = rexFirst('redact');
    const [rex, mia] = delivery.senders;
    return {
      ...delivery,
      senders: [
        { ...rex, ...(rexCheck ? { check: rexCheck } : {}) },
        { ...mia, ...(miaCheck ? { check: miaCheck } : {}) },
      ],
    };
  };
  const noDrafts = { labels: { labelsAny: [], labelsAll: [], labelsNone: ['draft'] } };

  it('passes over a sender whose check the content fails, as its owner reads it', async () => {
    const confluence = fakeConfluence({ getContentAs: withDraftLabel(REX, MIA) });
    const choice = await chooseSender(confluence, senders(noDrafts, undefined));
    expect(choice).toMatchObject({ kind: 'send', sender: { ownerAccountId: MIA } });
  });

  it('reports a delivery every sender’s check turned down as filtered, not skipped', async () => {
    const confluence = fakeConfluence({ getContentAs: withDraftLabel(REX, MIA) });
    const choice = await chooseSender(confluence, senders(noDrafts, { underPageId: '42' }));
    expect(choice).toEqual({ kind: 'filtered', reason: expect.stringMatching(/do not match/) });
  });

  it('sends a redacted card only if the content passes the check as the app reads it', async () => {
    const asked: string[] = [];
    const confluence = (labels: string[]) =>
      fakeConfluence({
        getContentAs: async () => null,
        readContentFacts: async (id, need) => {
          asked.push(`${id} labels=${need.labels} ancestors=${need.ancestors}`);
          return { labels };
        },
      });
    const delivery = senders(noDrafts, noDrafts);
    expect(await chooseSender(confluence(['draft']), delivery)).toMatchObject({ kind: 'skip', hidden: true });
    expect(await chooseSender(confluence(['final']), delivery)).toMatchObject({
      kind: 'redact',
      sender: { ownerAccountId: REX },
    });
    expect(asked).toEqual(['65601 labels=true ancestors=false', '65601 labels=true ancestors=false']);
  });

  it('records nothing for a filtered delivery, as for an event no rule matched', async () => {
    const deps = {
      ...deliveryDeps(),
      ...fakeConfluence({ getContentAs: withDraftLabel(REX, MIA) }),
    };
    const delivery = senders(noDrafts, noDrafts);
    expect(await deliverNotification(deps, delivery, attemptNo(1))).toMatchObject({ kind: 'skipped' });
    expect(deps.deliveries.recordCount()).toBe(0);
    expect(deps.teams.postedCards()).toHaveLength(0);
  });
});

describe('deliverNotification: invariant 8, a comment the app posted from Teams is not sent back', () => {
  const comment = plannedDelivery({
    kind: 'comment_created',
    comment: { id: '65700', location: 'footer', parentCommentId: null, version: 1 },
  });

  it('drops a comment whose marker names this version, recording nothing', async () => {
    const deps = { ...deliveryDeps(), ...fakeConfluence({ readAppCommentMarker: async () => 1 }) };
    expect(await deliverNotification(deps, comment, attemptNo(1))).toMatchObject({ kind: 'skipped' });
    expect(deps.teams.postedCards()).toHaveLength(0);
    expect(deps.deliveries.recordCount()).toBe(0);
  });

  it('sends a person’s later edit of a comment the app posted', async () => {
    const edit = {
      ...comment,
      event: { ...comment.event, comment: { ...comment.event.comment!, version: 2 } },
    };
    const deps = { ...deliveryDeps(), ...fakeConfluence({ readAppCommentMarker: async () => 1 }) };
    expect(await deliverNotification(deps, edit, attemptNo(1))).toMatchObject({ kind: 'sent' });
  });
});
