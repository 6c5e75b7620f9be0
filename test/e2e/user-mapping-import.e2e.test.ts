import { runFirstSlice } from '../../dev/sandbox/first-slice';
import { SURFACES, invokeAs, invokeOk } from '../../dev/sandbox/sandbox-driver';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { person } from '../../dev/seed';
import type { ImportedMapping } from '../../src/domain/user-mapping';
import { startTestSandbox } from '../support/sandbox-fixture';
import { SAMPLE_COUNTS, SAMPLE_EXPORT } from '../support/user-export-fixture';

/*
 * Issue 14 §1 end to end: Ada imports the sample of Atlassian's user export, sees the preview
 * (matched, not found, ambiguous, inactive) looked up in the simulated tenant as herself, and
 * saves it; bad files are refused with the line named and change nothing; a re-import updates in
 * place; a removal leaves logins alone.
 */
describe('importing the Atlassian user export (issue 14)', () => {
  let sandbox: Sandbox;
  const ada = person('ada');
  const mappings = () =>
    Object.values(sandbox.forge.kvsDump().entities['user-mapping'] ?? {}).map(
      (row) => (row as { data: ImportedMapping }).data,
    );
  const preview = (csv: string) => invokeAs(sandbox, ada, SURFACES.global, 'user-mapping/preview', { csv });

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    await runFirstSlice(sandbox);
  }, 60_000);
  afterAll(() => sandbox.stop());
  afterEach(() => sandbox.microsoft.faults.clear());

  it('previews the sample export without saving anything', async () => {
    const answer = await invokeOk(sandbox, ada, SURFACES.global, 'user-mapping/preview', {
      csv: SAMPLE_EXPORT,
    });
    expect(answer.counts).toEqual(SAMPLE_COUNTS);
    const byEmail = Object.fromEntries(answer.rows.map((r) => [r.email, r]));
    expect(byEmail['mia@contoso.example']).toMatchObject({
      outcome: 'matched',
      microsoftName: 'Mia Member',
      line: 4,
    });
    expect(byEmail['sam@contoso.example']?.outcome).toBe('matched');
    expect(byEmail['ivy@contoso.example']).toMatchObject({
      outcome: 'inactive',
      note: 'The Microsoft account is disabled.',
    });
    expect(byEmail['pat@contoso.example']?.outcome).toBe('ambiguous');
    expect(byEmail['nora@fabrikam.example']?.outcome).toBe('not-found');
    expect(byEmail['dee@contoso.example']?.outcome).toBe('inactive');
    expect(mappings()).toEqual([]);
    // The lookups went to Graph as Ada, twenty to a $batch.
    const batches = sandbox.microsoft.requests().filter((r) => r.url.includes('/$batch'));
    expect(batches.length).toBeGreaterThan(0);
  });

  it.each([
    ['an empty file', '', 'The file is empty'],
    [
      'a file without the export’s columns',
      'Name,Mail\nMia,mia@contoso.example',
      'Line 1: the header has no “User id” or “email” column',
    ],
    ['a broken row', `${SAMPLE_EXPORT}61a7c1b2d4e5f60001a0d009,Bo\r\n`, 'Line 11 has 2 fields'],
    ['a huge file', `User id,email\n${'a1,a@b.example\n'.repeat(27_000)}`, 'too large'],
  ])('refuses %s with a clear message and saves nothing', async (_name, csv, message) => {
    const before = Object.keys(sandbox.forge.kvsDump().keys).filter((k) =>
      k.startsWith('user-import-preview:'),
    );
    const answer = await preview(csv);
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining(message) },
    });
    const after = Object.keys(sandbox.forge.kvsDump().keys).filter((k) =>
      k.startsWith('user-import-preview:'),
    );
    expect(after).toEqual(before);
    expect(mappings()).toEqual([]);
  });

  it('saves on Confirm, once; a re-import updates in place; a removal leaves logins alone', async () => {
    const first = await invokeOk(sandbox, ada, SURFACES.global, 'user-mapping/preview', {
      csv: SAMPLE_EXPORT,
    });
    expect(
      await invokeOk(sandbox, ada, SURFACES.global, 'user-mapping/confirm', { previewId: first.previewId }),
    ).toEqual({
      saved: 5,
      removed: 0,
    });
    expect(
      mappings()
        .map((m) => m.email)
        .sort(),
    ).toEqual(['ada', 'mia', 'rex', 'sam', 'vic'].map((k) => `${k}@contoso.example`));
    expect(mappings().find((m) => m.accountId === person('mia').accountId)).toMatchObject({
      oid: person('mia').oid,
      microsoftName: 'Mia Member',
      importedBy: ada.accountId,
    });
    const again = await invokeAs(sandbox, ada, SURFACES.global, 'user-mapping/confirm', {
      previewId: first.previewId,
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'not_found' } });

    // Mia's row now carries an address the tenant does not know: her import goes, the rest stay.
    const edited = SAMPLE_EXPORT.replace('mia@contoso.example', 'mia@elsewhere.example');
    const second = await invokeOk(sandbox, ada, SURFACES.global, 'user-mapping/preview', { csv: edited });
    expect(second.counts).toMatchObject({ matched: 4, 'not-found': 2 });
    expect(
      await invokeOk(sandbox, ada, SURFACES.global, 'user-mapping/confirm', { previewId: second.previewId }),
    ).toEqual({
      saved: 4,
      removed: 1,
    });
    expect(mappings()).toHaveLength(4);
    const listed = await invokeOk(sandbox, ada, SURFACES.global, 'user-mapping/list', {});
    expect(listed.mappings.map((m) => m.name).sort()).toEqual([
      'Ada Admin',
      'Rex Restricted',
      'Sam Spaceadmin',
      'Viewer, Vic',
    ]);

    const adaConnection = sandbox.forge.kvsDump().entities['connection']?.[ada.accountId];
    expect(
      await invokeOk(sandbox, ada, SURFACES.global, 'user-mapping/remove', { accountId: ada.accountId }),
    ).toEqual({
      removed: true,
    });
    expect(mappings().map((m) => m.accountId)).not.toContain(ada.accountId);
    expect(sandbox.forge.kvsDump().entities['connection']?.[ada.accountId]).toEqual(adaConnection);
    const twice = await invokeAs(sandbox, ada, SURFACES.global, 'user-mapping/remove', {
      accountId: ada.accountId,
    });
    expect(twice).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('marks people unchecked when Microsoft keeps throttling, and says to import again', async () => {
    sandbox.microsoft.faults.set({ rate429: 1, retryAfterSeconds: 1 });
    const answer = await invokeOk(sandbox, ada, SURFACES.global, 'user-mapping/preview', {
      csv: SAMPLE_EXPORT,
    });
    expect(answer.counts).toEqual({ matched: 0, 'not-found': 0, ambiguous: 0, inactive: 1, unchecked: 8 });
    expect(answer.rows.find((r) => r.outcome === 'unchecked')?.note).toContain('import the file again');
  });
});
