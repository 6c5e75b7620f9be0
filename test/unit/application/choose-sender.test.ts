import { chooseSender } from '../../../src/application/choose-sender';
import { deliverNotification } from '../../../src/application/deliver-notification';
import type { ContentSummary } from '../../../src/application/ports/confluence';
import { aRule } from '../../support/builders';
import { cardIn, deliveryDeps, OWNER, plannedDelivery } from '../../support/delivery-harness';
import { fakeConfluence } from '../../support/fakes';

const REX = 'rex';
const MIA = 'mia';
const visibleTo =
  (...viewers: string[]) =>
  async (account: string, id: string): Promise<ContentSummary | null> =>
    viewers.includes(account)
      ? {
          id,
          type: 'page',
          title: 'Release plan 2027',
          spaceKey: 'ENG',
          spaceName: 'Engineering',
          version: 3,
          versionMessage: '',
          url: `https://site.example/wiki/pages/${id}`,
        }
      : null;

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
    const deps = { ...deliveryDeps(), confluence: fakeConfluence({ getContentAs: visibleTo() }) };
    deps.connections.map.set(REX, { ...deps.connections.map.get(OWNER)!, accountId: REX });
    deps.tokens.map.set(REX, deps.tokens.map.get(OWNER)!);
    const delivery = rexFirst('redact');
    expect(await deliverNotification(deps, delivery, 1)).toMatchObject({ kind: 'sent' });
    const card = cardIn(deps.teams.posts[0]?.message);
    const text = JSON.stringify(card.body);
    expect(text).toContain('A page in ENG you cannot see here was updated.');
    for (const secret of ['Release plan 2027', 'editor', 'http', '65601']) expect(text).not.toContain(secret);
    expect(card.actions).toEqual([]);
    expect(deps.deliveries.rows.get(delivery.deliveryKey)).toMatchObject({
      status: 'sent',
      ownerAccountId: REX,
      title: 'A page in ENG the rule owner cannot view',
    });
  });

  it('records a skip naming no title when nobody may send', async () => {
    const deps = { ...deliveryDeps(), confluence: fakeConfluence({ getContentAs: visibleTo() }) };
    const delivery = rexFirst('skip');
    expect(await deliverNotification(deps, delivery, 1)).toMatchObject({ kind: 'skipped' });
    expect(deps.teams.posts).toHaveLength(0);
    expect(deps.deliveries.rows.get(delivery.deliveryKey)?.title).not.toContain('Release plan');
  });
});
