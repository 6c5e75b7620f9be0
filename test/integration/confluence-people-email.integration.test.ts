import { person } from '../../dev/seed';
import { startAdapterHarness, type AdapterHarness } from './support/adapter-harness';

/*
 * Issue 13, item 20: the caller's own Confluence e-mail, read as the caller, compared with the
 * Microsoft account they link. (What Confluence hides, and the adapter's null for it, is in
 * test/dev/confluence-sim/rest-users-spaces.test.ts and the use case's unit test.)
 */
describe('ConfluencePeople.emailOf against the Confluence simulator', () => {
  let h: AdapterHarness;
  beforeAll(async () => {
    h = await startAdapterHarness();
  });
  afterAll(() => h.stop());

  it("reads the caller's own e-mail as the caller", async () => {
    const mia = person('mia');
    expect(await h.valueAs(mia.accountId, 'people', 'emailOf', mia.accountId)).toBe('mia@contoso.example');
  });
});
