import { person } from '../../dev/seed';
import type { ImportedMapping } from '../../src/domain/user-mapping';
import { startAdapterHarness, type AdapterHarness } from './support/adapter-harness';
import { grantAdminConsent, signIn } from './support/microsoft-sign-in';

const TENANT_A = 'tenant-a';
const mapping = (accountId: string, at: string, tenantId = TENANT_A): ImportedMapping => ({
  schemaVersion: 1,
  accountId,
  tenantId,
  oid: `oid-${accountId}`,
  microsoftName: `MS ${accountId}`,
  email: `${accountId}@x.example`,
  name: accountId,
  importedAt: at,
  importedBy: 'admin',
});

describe('user-mapping adapters against the emulator and the Microsoft simulator', () => {
  let h: AdapterHarness;
  let token = '';

  beforeAll(async () => {
    h = await startAdapterHarness();
    await grantAdminConsent(h);
    token = (await signIn(h, 'ada')).accessToken;
  });
  afterAll(() => h.stop());
  afterEach(() => h.microsoft.faults.clear());

  it('looks e-mails up twenty to a $batch and tells found, several, none and disabled apart', async () => {
    const strangers = Array.from({ length: 22 }, (_, i) => `nobody${i}@fabrikam.example`);
    const emails = ['mia@contoso.example', 'pat@contoso.example', 'ivy@contoso.example', ...strangers];
    const found = await h.value<Record<string, { kind: string; users?: Array<Record<string, unknown>> }>>(
      'userDirectory',
      'findByEmails',
      token,
      emails,
      10_000,
    );
    expect(found['mia@contoso.example']).toEqual({
      kind: 'found',
      users: [{ oid: person('mia').oid, displayName: 'Mia Member', accountEnabled: true }],
    });
    expect(found['pat@contoso.example']?.users).toHaveLength(2);
    expect(found['ivy@contoso.example']?.users?.[0]).toMatchObject({ accountEnabled: false });
    expect(found['nobody21@fabrikam.example']).toEqual({ kind: 'found', users: [] });
    const batches = h.microsoft.requests().filter((r) => r.url.includes('/$batch'));
    expect(batches).toHaveLength(2);
  });

  it('asks throttled lookups again after Retry-After, and leaves them unchecked when Microsoft keeps refusing', async () => {
    h.microsoft.faults.set({ rate429: 1, retryAfterSeconds: 1 });
    const found = await h.value<Record<string, { kind: string; why?: string }>>(
      'userDirectory',
      'findByEmails',
      token,
      ['mia@contoso.example'],
      5_000,
    );
    expect(found['mia@contoso.example']).toMatchObject({
      kind: 'unchecked',
      why: expect.stringContaining('again'),
    });
  });

  it('refuses the whole lookup when the token may not read the directory', async () => {
    const refused = await h.call(
      'userDirectory',
      'findByEmails',
      'not-a-token',
      ['mia@contoso.example'],
      5_000,
    );
    expect(refused).toMatchObject({ ok: false, kind: 'token-rejected', status: 401 });
  });

  it('stores mappings by account id (a re-import overwrites), lists one tenant newest first, removes what exists', async () => {
    await h.value('userMappings', 'putMany', [
      mapping('a', '2026-12-01T10:00:00Z'),
      mapping('b', '2026-12-01T11:00:00Z'),
      mapping('c', '2026-12-01T12:00:00Z', 'tenant-b'),
    ]);
    await h.value('userMappings', 'putMany', [{ ...mapping('a', '2026-12-02T10:00:00Z'), oid: 'oid-a-2' }]);
    const many = await h.value<ImportedMapping[]>('userMappings', 'getMany', ['a', 'b', 'zzz']);
    expect(many.map((m) => [m.accountId, m.oid]).sort()).toEqual([
      ['a', 'oid-a-2'],
      ['b', 'oid-b'],
    ]);
    const page = await h.value<{ mappings: ImportedMapping[] }>('userMappings', 'list', TENANT_A);
    expect(page.mappings.map((m) => m.accountId)).toEqual(['a', 'b']);
    expect(await h.value('userMappings', 'deleteMany', ['a', 'zzz'])).toBe(1);
    expect(await h.value<ImportedMapping[]>('userMappings', 'getMany', ['a'])).toEqual([]);
  });

  it('reads and writes more than one batch of 25', async () => {
    const many = Array.from({ length: 60 }, (_, i) => mapping(`p${i}`, '2026-12-03T00:00:00Z', 'tenant-c'));
    await h.value('userMappings', 'putMany', many);
    expect(
      await h.value<ImportedMapping[]>(
        'userMappings',
        'getMany',
        many.map((m) => m.accountId),
      ),
    ).toHaveLength(60);
    const first = await h.value<{ mappings: ImportedMapping[]; cursor?: string }>(
      'userMappings',
      'list',
      'tenant-c',
    );
    expect(first.mappings).toHaveLength(50);
    const second = await h.value<{ mappings: ImportedMapping[]; cursor?: string }>(
      'userMappings',
      'list',
      'tenant-c',
      first.cursor,
    );
    expect(second.mappings).toHaveLength(10);
    expect(second.cursor).toBeUndefined();
  });
});
