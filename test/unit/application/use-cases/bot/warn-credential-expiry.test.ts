import type { Page } from '../../../../../src/application/ports/people-directory';
import { warnCredentialExpiry } from '../../../../../src/application/use-cases/bot/warn-credential-expiry';
import type { Connection } from '../../../../../src/domain/connection';
import { expiryNoticeKey } from '../../../../../src/domain/credential-expiry';
import {
  aBotRegistration,
  aConversation,
  fakeBotWork,
  fakeConversations,
  memoryBotRegistrations,
  memoryNotices,
} from '../../../../support/bot-fakes';
import { fakeTenants, fixedClock } from '../../../../support/fakes';
import { aConnection, aTenantMapping } from '../../../../support/settings-builders';

const person = (n: number): Connection =>
  aConnection({ accountId: `acc-${n}`, oid: `oid-${n}`, tenantId: 'tenant-1' });

/** A directory that pages `connections` 100 at a time and counts the pages read. */
const pagedDirectory = (connections: Connection[]) => {
  let reads = 0;
  return {
    reads: () => reads,
    pageByStatus: async (status: Connection['status'], cursor: string | null): Promise<Page<Connection>> => {
      reads++;
      const start = Number(cursor ?? 0);
      const items = connections.filter((c) => c.status === status).slice(start, start + 100);
      return { items, cursor: start + 100 < connections.length ? String(start + 100) : null };
    },
  };
};

const setup = (options: {
  people: Connection[];
  admins: string[];
  expiresOn?: string;
  botSecret?: string;
}) => {
  const directory = pagedDirectory(options.people);
  const checked: string[] = [];
  const deps = {
    tenants: fakeTenants(aTenantMapping({ secretExpiresOn: options.expiresOn ?? '2026-12-10' }), 's'),
    botRegistrations: memoryBotRegistrations(
      options.botSecret ? aBotRegistration({ secretExpiresOn: options.botSecret }) : null,
    ),
    connectionDirectory: directory,
    conversations: fakeConversations(
      options.people.map((p) =>
        aConversation({ microsoftUser: `tenant-1:${p.oid}`, tenantId: 'tenant-1', oid: p.oid }),
      ),
    ),
    permissions: {
      isSiteAdmin: async (accountId: string) => {
        checked.push(accountId);
        return options.admins.includes(accountId);
      },
    },
    notices: memoryNotices(),
    botWork: fakeBotWork(),
    clock: fixedClock('2026-12-03T10:00:00Z'), // 2026-12-10 is 7 days away
  };
  return { deps, directory, checked };
};

describe('the daily expiry warning run', () => {
  it('reads nothing beyond the settings on a day no warning is due', async () => {
    const { deps, directory, checked } = setup({
      people: [person(1)],
      admins: ['acc-1'],
      expiresOn: '2027-06-30',
    });
    expect(await warnCredentialExpiry(deps)).toMatchObject({ due: 0, queued: 0 });
    expect(directory.reads()).toBe(0);
    expect(checked).toEqual([]);
  });

  it('queues one warning per due secret for each connected site admin with the app, not yet told', async () => {
    const { deps, checked } = setup({
      people: [person(1), person(2), person(3)],
      admins: ['acc-1', 'acc-3'],
      botSecret: '2026-12-04',
    });
    await deps.notices.markSent(expiryNoticeKey('client-secret', '2026-12-10', 7, 'acc-3'), 1);
    const run = await warnCredentialExpiry(deps);
    expect(run).toMatchObject({ due: 2, queued: 3, capped: false });
    expect(checked).toEqual(['acc-1', 'acc-2', 'acc-3']);
    expect(deps.botWork.jobs()).toEqual([
      {
        kind: 'expiry-warning',
        accountId: 'acc-1',
        secret: 'client-secret',
        expiresOn: '2026-12-10',
        threshold: 7,
      },
      {
        kind: 'expiry-warning',
        accountId: 'acc-1',
        secret: 'bot-secret',
        expiresOn: '2026-12-04',
        threshold: 1,
      },
      {
        kind: 'expiry-warning',
        accountId: 'acc-3',
        secret: 'bot-secret',
        expiresOn: '2026-12-04',
        threshold: 1,
      },
    ]);
  });

  it('asks Confluence at most 50 times a run, and the next run goes on with the others', async () => {
    const people = Array.from({ length: 120 }, (_, i) => person(i));
    const { deps, checked } = setup({ people, admins: ['acc-110'] });
    expect(await warnCredentialExpiry(deps)).toMatchObject({ adminChecks: 50, capped: true, queued: 0 });
    expect(await warnCredentialExpiry(deps)).toMatchObject({ adminChecks: 50, capped: true, queued: 0 });
    expect(await warnCredentialExpiry(deps)).toMatchObject({ adminChecks: 20, capped: false, queued: 1 });
    expect(new Set(checked).size).toBe(120);
    expect(deps.botWork.jobs()).toEqual([expect.objectContaining({ accountId: 'acc-110' })]);
  });

  it('skips people without the app and counts a failed admin check as "not an admin"', async () => {
    const { deps } = setup({ people: [person(1), person(2)], admins: ['acc-1', 'acc-2'] });
    await deps.conversations.put(
      aConversation({
        microsoftUser: 'tenant-1:oid-1',
        tenantId: 'tenant-1',
        oid: 'oid-1',
        installed: false,
      }),
    );
    deps.permissions.isSiteAdmin = async () => {
      throw new Error('Confluence unavailable');
    };
    expect(await warnCredentialExpiry(deps)).toMatchObject({ adminChecks: 1, queued: 0 });
    // A failed check is not an answer: the next run asks again.
    expect(await warnCredentialExpiry(deps)).toMatchObject({ adminChecks: 1, queued: 0 });
  });
});
