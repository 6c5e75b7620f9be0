import { MicrosoftRequestError } from '../../../../../src/application/ports/microsoft';
import type { ImportPreviewStore, UserMappingStore } from '../../../../../src/application/ports/user-mapping';
import {
  confirmUserImport,
  removeUserMapping,
} from '../../../../../src/application/use-cases/user-mapping/imported-mappings';
import {
  previewUserImport,
  type PreviewImportDeps,
} from '../../../../../src/application/use-cases/user-mapping/preview-import';
import type { DirectoryAnswer, ImportedMapping, ImportPreview } from '../../../../../src/domain/user-mapping';
import {
  countingRandom,
  fakeConfluence,
  fakeConnections,
  fakeTenants,
  fakeTokenVault,
  fixedClock,
  scriptedIdentity,
} from '../../../../support/fakes';
import { refusal } from '../../../../support/refusal';
import { aConnection, aTenantMapping } from '../../../../support/settings-builders';

const CSV = [
  'User id,User name,email,User status',
  'a1,Ann,ann@x.example,Active',
  'b2,Bob,bob@x.example,Active',
  'c3,Cy,cy@x.example,Deactivated',
].join('\r\n');
const TENANT = aTenantMapping().tenantId;

const previewStore = (): ImportPreviewStore & { stored: Map<string, ImportPreview> } => {
  const stored = new Map<string, ImportPreview>();
  return {
    stored,
    put: async (id, preview) => void stored.set(id, preview),
    take: async (id, owner) => {
      const found = stored.get(id);
      if (!found || found.ownerAccountId !== owner) return null;
      stored.delete(id);
      return found;
    },
  };
};

const mappingStore = (): UserMappingStore & { rows: Map<string, ImportedMapping> } => {
  const rows = new Map<string, ImportedMapping>();
  return {
    rows,
    getMany: async (ids) => ids.flatMap((id) => rows.get(id) ?? []),
    putMany: async (list) => list.forEach((m) => rows.set(m.accountId, m)),
    deleteMany: async (ids) => ids.filter((id) => rows.delete(id)).length,
    list: async (tenantId) => ({ mappings: [...rows.values()].filter((m) => m.tenantId === tenantId) }),
  };
};

const setup = (lookup: (emails: readonly string[]) => Promise<Map<string, DirectoryAnswer>>) => {
  const importPreviews = previewStore();
  const userMappings = mappingStore();
  const deps: PreviewImportDeps & { userMappings: typeof userMappings } = {
    ...fakeConfluence({ isSiteAdmin: async (id) => id === 'ada' }),
    tenants: fakeTenants(aTenantMapping(), 'secret'),
    connections: fakeConnections([aConnection({ accountId: 'ada', tenantId: TENANT })]),
    tokens: fakeTokenVault({
      ada: { accessToken: 'at', refreshToken: 'rt', accessTokenExpiresAt: Date.parse('2030-01-01') },
    }),
    identity: scriptedIdentity([]),
    clock: fixedClock(),
    random: countingRandom(),
    directory: { findByEmails: async (_token, emails) => lookup(emails) },
    importPreviews,
    userMappings,
  };
  return { deps, importPreviews, userMappings };
};

const found = (oid: string): DirectoryAnswer => ({
  kind: 'found',
  users: [{ oid, displayName: `MS ${oid}`, accountEnabled: true }],
});

describe('the user-mapping import use cases', () => {
  it('looks up only active people, keeps a preview, and saves nothing', async () => {
    const asked: string[] = [];
    const { deps, importPreviews, userMappings } = setup(async (emails) => {
      asked.push(...emails);
      return new Map([['ann@x.example', found('o-ann')]]);
    });
    const view = await previewUserImport(deps, { accountId: 'ada' }, CSV);
    expect(asked).toEqual(['ann@x.example', 'bob@x.example']);
    expect(view.counts).toEqual({ matched: 1, 'not-found': 1, ambiguous: 0, inactive: 1, unchecked: 0 });
    expect([...importPreviews.stored.values()]).toEqual([
      expect.objectContaining({
        ownerAccountId: 'ada',
        tenantId: TENANT,
        save: [
          { accountId: 'a1', oid: 'o-ann', microsoftName: 'MS o-ann', email: 'ann@x.example', name: 'Ann' },
        ],
        drop: ['b2', 'c3'],
      }),
    ]);
    expect(userMappings.rows.size).toBe(0);
  });

  it('refuses anyone but a site admin, and a broken file, before any lookup', async () => {
    const { deps } = setup(async () => {
      throw new Error('must not look up');
    });
    expect(await refusal(previewUserImport(deps, { accountId: 'mia' }, CSV))).toMatchObject({
      code: 'forbidden',
    });
    expect(await refusal(previewUserImport(deps, { accountId: 'ada' }, 'nonsense'))).toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('Line 1'),
    });
  });

  it('says what to do when Microsoft refuses the directory to the admin', async () => {
    const { deps } = setup(async () => {
      throw new MicrosoftRequestError('forbidden', 403, 'Authorization_RequestDenied', 'no');
    });
    expect(await refusal(previewUserImport(deps, { accountId: 'ada' }, CSV))).toMatchObject({
      code: 'microsoft_error',
      message: expect.stringContaining('User.Read.All'),
    });
  });

  it('confirms once, only for the admin who made the preview and the same tenant', async () => {
    const { deps, importPreviews, userMappings } = setup(
      async () => new Map([['ann@x.example', found('o-ann')]]),
    );
    userMappings.rows.set('b2', { ...({} as ImportedMapping), accountId: 'b2', tenantId: TENANT });
    const { previewId } = await previewUserImport(deps, { accountId: 'ada' }, CSV);
    const confirmDeps = { ...deps, importPreviews, userMappings };
    // Another site admin cannot finish Ada's preview, nor spoil it for her.
    const anyAdmin = { ...confirmDeps, permissions: { isSiteAdmin: async () => true } };
    expect(await refusal(confirmUserImport(anyAdmin, { accountId: 'zoe' }, previewId))).toMatchObject({
      code: 'not_found',
    });
    expect(await confirmUserImport(confirmDeps, { accountId: 'ada' }, previewId)).toEqual({
      saved: 1,
      removed: 1,
    });
    expect([...userMappings.rows.keys()]).toEqual(['a1']);
    expect(userMappings.rows.get('a1')).toMatchObject({ oid: 'o-ann', importedBy: 'ada', tenantId: TENANT });
    expect(await refusal(confirmUserImport(confirmDeps, { accountId: 'ada' }, previewId))).toMatchObject({
      code: 'not_found',
    });

    const other = await previewUserImport(deps, { accountId: 'ada' }, CSV);
    const moved = { ...confirmDeps, tenants: fakeTenants(aTenantMapping({ tenantId: 'another' }), 'secret') };
    expect(await refusal(confirmUserImport(moved, { accountId: 'ada' }, other.previewId))).toMatchObject({
      code: 'conflict',
    });
    expect(await refusal(confirmUserImport(confirmDeps, { accountId: 'mia' }, 'x'.repeat(32)))).toMatchObject(
      {
        code: 'forbidden',
      },
    );
  });

  it('removes an imported mapping, and says when there was none', async () => {
    const { deps, userMappings } = setup(async () => new Map());
    userMappings.rows.set('a1', { ...({} as ImportedMapping), accountId: 'a1', tenantId: TENANT });
    expect(await removeUserMapping(deps, { accountId: 'ada' }, 'a1')).toEqual({ removed: true });
    expect(await refusal(removeUserMapping(deps, { accountId: 'ada' }, 'a1'))).toMatchObject({
      code: 'not_found',
    });
    expect(await refusal(removeUserMapping(deps, { accountId: 'sam' }, 'a1'))).toMatchObject({
      code: 'forbidden',
    });
  });
});
