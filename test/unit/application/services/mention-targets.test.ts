import { mentionTargets, type MentionSources } from '../../../../src/application/services/mention-targets';
import type { ImportedMapping } from '../../../../src/domain/user-mapping';
import { fakeConnections, fakeTenants } from '../../../support/fakes';
import { aConnection, aTenantMapping } from '../../../support/settings-builders';

const TENANT = aTenantMapping().tenantId;
const imported = (accountId: string, oid: string, tenantId = TENANT): ImportedMapping => ({
  schemaVersion: 1,
  accountId,
  tenantId,
  oid,
  microsoftName: `MS ${accountId}`,
  email: `${accountId}@x.example`,
  name: accountId,
  importedAt: '2026-12-01T00:00:00Z',
  importedBy: 'admin',
});

const sources = (
  options: { imports?: ImportedMapping[]; viewers?: string[]; failFor?: string[] } = {},
): MentionSources & { asked: string[] } => {
  const asked: string[] = [];
  return {
    asked,
    connections: fakeConnections([
      aConnection({ accountId: 'logged-in', oid: 'oid-login', tenantId: TENANT, displayName: 'Lou Login' }),
    ]),
    tenants: fakeTenants(aTenantMapping(), 'secret'),
    userMappings: {
      getMany: async (ids) => (options.imports ?? []).filter((m) => ids.includes(m.accountId)),
    },
    permissions: {
      viewableTitlesAs: async (accountId, contentIds) => {
        asked.push(accountId);
        if (options.failFor?.includes(accountId)) throw new Error('Confluence unavailable');
        return (options.viewers ?? []).includes(accountId)
          ? contentIds.map((id) => ({ id, title: 'T' }))
          : [];
      },
    },
  };
};

describe('whom a card may @mention', () => {
  it('takes a login before an import, and the import for people who never logged in', async () => {
    const found = await mentionTargets(
      sources({
        imports: [imported('logged-in', 'oid-import'), imported('imp', 'oid-imp')],
        viewers: ['logged-in', 'imp'],
      }),
      [
        { accountId: 'logged-in', role: 'author' },
        { accountId: 'imp', role: 'mentioned' },
        { accountId: 'nobody', role: 'mentioned' },
      ],
      '42',
    );
    expect(found).toEqual([
      { accountId: 'logged-in', role: 'author', oid: 'oid-login', name: 'Lou Login' },
      { accountId: 'imp', role: 'mentioned', oid: 'oid-imp', name: 'MS imp' },
    ]);
  });

  it('never mentions someone who cannot view the content, or whose check failed (invariant 3)', async () => {
    const s = sources({
      imports: [imported('a', 'o-a'), imported('b', 'o-b')],
      viewers: ['a', 'b'],
      failFor: ['b'],
    });
    const found = await mentionTargets(
      s,
      [
        { accountId: 'a', role: 'mentioned' },
        { accountId: 'b', role: 'mentioned' },
        { accountId: 'logged-in', role: 'author' },
      ],
      '42',
    );
    expect(found.map((t) => t.accountId)).toEqual(['a']);
    expect(s.asked.sort()).toEqual(['a', 'b', 'logged-in']);
  });

  it('ignores imports of another tenant, and mentions nobody without a tenant mapping', async () => {
    const other = sources({ imports: [imported('a', 'o-a', 'other-tenant')], viewers: ['a'] });
    expect(await mentionTargets(other, [{ accountId: 'a', role: 'author' }], '42')).toEqual([]);
    const unmapped = { ...sources({ viewers: ['logged-in'] }), tenants: fakeTenants(null, null) };
    expect(await mentionTargets(unmapped, [{ accountId: 'logged-in', role: 'author' }], '42')).toEqual([]);
  });

  it('checks at most ten people, once each', async () => {
    const many = Array.from({ length: 14 }, (_, i) => imported(`p${i}`, `o${i}`));
    const s = sources({ imports: many, viewers: many.map((m) => m.accountId) });
    const named = [...many, ...many.slice(0, 1)].map((m) => ({
      accountId: m.accountId,
      role: 'mentioned' as const,
    }));
    expect(await mentionTargets(s, named, '42')).toHaveLength(10);
    expect(s.asked).toHaveLength(10);
  });
});
