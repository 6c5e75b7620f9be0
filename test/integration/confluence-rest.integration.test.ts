import { person } from '../../dev/seed';
import type { ContentSummary } from '../../src/application/ports/confluence';
import { startAdapterHarness, type AdapterHarness } from './support/adapter-harness';

describe('Confluence adapter against the Confluence simulator (real requestConfluence, as app and as user)', () => {
  let h: AdapterHarness;
  beforeAll(async () => {
    h = await startAdapterHarness();
  });
  afterAll(() => h.stop());

  it('knows site admins', async () => {
    expect(
      await h.valueAs(person('ada').accountId, 'permissions', 'isSiteAdmin', person('ada').accountId),
    ).toBe(true);
    expect(
      await h.valueAs(person('sam').accountId, 'permissions', 'isSiteAdmin', person('sam').accountId),
    ).toBe(false);
  });

  it('knows space admins per space', async () => {
    expect(
      await h.valueAs(person('sam').accountId, 'permissions', 'isSpaceAdmin', person('sam').accountId, 'ENG'),
    ).toBe(true);
    expect(
      await h.valueAs(person('sam').accountId, 'permissions', 'isSpaceAdmin', person('sam').accountId, 'MKT'),
    ).toBe(false);
    expect(
      await h.valueAs(person('mia').accountId, 'permissions', 'isSpaceAdmin', person('mia').accountId, 'ENG'),
    ).toBe(false);
    expect(
      await h.valueAs(
        person('ada').accountId,
        'permissions',
        'isSpaceAdmin',
        person('ada').accountId,
        'NOPE',
      ),
    ).toBe(false);
  });

  it('knows who may edit a page', async () => {
    const page = h.confluence.findContent('Release plan 2027');
    expect(
      await h.valueAs(
        person('mia').accountId,
        'permissions',
        'canEditContent',
        person('mia').accountId,
        page.id,
      ),
    ).toBe(true);
    expect(
      await h.valueAs(
        person('vic').accountId,
        'permissions',
        'canEditContent',
        person('vic').accountId,
        page.id,
      ),
    ).toBe(false);
  });

  it('reads content as a user and sees nothing the user may not view', async () => {
    const restricted = h.confluence.findContent('Security incident review');
    expect(await h.value('content', 'getContentAs', person('rex').accountId, restricted.id)).toBeNull();
    const seen = await h.value<ContentSummary>(
      'content',
      'getContentAs',
      person('mia').accountId,
      restricted.id,
    );
    expect(seen).toMatchObject({
      id: restricted.id,
      type: 'page',
      title: 'Security incident review',
      spaceKey: 'ENG',
    });
    expect(seen.url).toMatch(new RegExp(`^${h.confluence.url}/wiki/.*${restricted.id}`));
  });

  it('least privilege: the edit check acts as the caller only; the site admin check may ask as someone else', async () => {
    // read:confluence-content.permission carries no allowImpersonation. read:confluence-user does,
    // for one reason: the hourly expiry warning asks, as each connected person, whether they are a
    // site admin (warn-credential-expiry.ts); it can only learn what Confluence tells that person.
    const page = h.confluence.findContent('Release plan 2027');
    const asked = [
      await h.call('permissions', 'isSiteAdmin', person('ada').accountId),
      await h.call('permissions', 'isSiteAdmin', person('mia').accountId),
      await h.call('permissions', 'canEditContent', person('mia').accountId, page.id),
    ];
    expect(asked).toEqual([
      { ok: true, value: true },
      { ok: true, value: false },
      expect.objectContaining({ ok: false, message: expect.stringContaining('IMPERSONATION_NOT_ALLOWED') }),
    ]);
  });

  it('names people by display name', async () => {
    expect(await h.value('people', 'displayNameOf', person('mia').accountId)).toBe('Mia Member');
    expect(await h.value('people', 'displayNameOf', 'no-such-account')).toBe('A Confluence user');
  });
});
