import { runFirstSlice, SLICE_PAGE_TITLE } from '../../dev/sandbox/first-slice';
import { SURFACES, invokeOk } from '../../dev/sandbox/sandbox-driver';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { person } from '../../dev/seed';
import { manualClock, messagesMentioning, startTestSandbox } from '../support/sandbox-fixture';

const HOUR = 60 * 60 * 1000;

describe('the rule owner’s Microsoft connection over time', () => {
  const clock = manualClock();
  const ada = person('ada');
  const mia = person('mia');
  let sandbox: Sandbox;
  let pageId: string;

  const editAndSettle = async (body: string) => {
    await sandbox.confluence.editPage(mia.accountId, pageId, { body });
    await sandbox.forge.idle({ timeoutMs: 10_000 });
  };

  beforeAll(async () => {
    sandbox = await startTestSandbox({ clock: clock.now });
    pageId = (await runFirstSlice(sandbox)).page.id;
  });
  afterAll(() => sandbox.stop());

  it('refreshes an access token Graph no longer accepts and keeps using the rotated refresh token', async () => {
    clock.advance(2 * HOUR);
    await editAndSettle('<p>after one refresh</p>');
    clock.advance(2 * HOUR);
    // The simulator refuses a refresh token once it has been rotated: this works only if the
    // rotated one was stored.
    await editAndSettle('<p>after a second refresh</p>');
    expect(messagesMentioning(sandbox, SLICE_PAGE_TITLE)).toHaveLength(3);
  });

  it('marks the connection needs-login when Microsoft refuses the refresh token', async () => {
    sandbox.microsoft.revokeRefreshTokens(ada.oid);
    clock.advance(2 * HOUR);
    await editAndSettle('<p>after revocation</p>');
    expect(messagesMentioning(sandbox, SLICE_PAGE_TITLE)).toHaveLength(3);
    const view = await invokeOk(sandbox, ada, SURFACES.personal, 'connection/get', {});
    expect(view.status).toBe('needs-login');
    const failure = Object.values(sandbox.forge.kvsDump().entities['delivery'] ?? {}).find((row) =>
      JSON.stringify(row).includes('"failed"'),
    );
    expect(JSON.stringify(failure)).toContain(
      "Ada Admin's Microsoft sign-in expired; their rules are paused until they log in again.",
    );
  });

  it('sends nothing after Disconnect, and says why in the delivery record', async () => {
    await invokeOk(sandbox, ada, SURFACES.personal, 'connection/disconnect', {});
    const view = await invokeOk(sandbox, ada, SURFACES.personal, 'connection/get', {});
    expect(view.status).toBe('not-connected');
    expect(sandbox.forge.kvsDump().secretKeys).not.toContain(`ms-token:${ada.accountId}`);
    await editAndSettle('<p>after disconnect</p>');
    expect(messagesMentioning(sandbox, SLICE_PAGE_TITLE)).toHaveLength(3);
    const rows = JSON.stringify(sandbox.forge.kvsDump().entities['delivery'] ?? {});
    expect(rows).toContain(
      'Ada Admin is not logged in to Microsoft Teams; their rules are paused until they log in.',
    );
  });
});
