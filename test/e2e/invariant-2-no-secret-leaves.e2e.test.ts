import { SURFACES, invokeAs } from '../../dev/sandbox/sandbox-driver';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { ENTRA_APP, TENANT, person } from '../../dev/seed';
import { CLIENT_SECRET_PATTERN, findSecrets, REFRESH_TOKEN_PATTERN } from '../support/secret-patterns';
import { startSandboxAfterFirstSlice } from '../support/sandbox-fixture';

/** A bot registered in Teams Developer Portal, with a secret of its own. */
const SEPARATE_BOT_ID = 'b0b0b0b0-1111-4222-8333-444455556666';
const BOT_SECRET = 'separate-bot-secret-7Hq~never-shown';

describe('invariant 2: no secret is returned to the UI, logged, or put in an error message', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandboxAfterFirstSlice();
  });
  afterAll(() => sandbox.stop());

  it('holds for every resolver answer, errors included', async () => {
    const ada = person('ada');
    const rex = person('rex');
    const answers = await Promise.all([
      invokeAs(sandbox, ada, SURFACES.global, 'tenant/get', {}),
      invokeAs(sandbox, ada, SURFACES.global, 'tenant/save', {
        tenantId: TENANT.id,
        clientId: ENTRA_APP.clientId,
        secretExpiresOn: ENTRA_APP.secretExpiresOn,
      }),
      invokeAs(sandbox, ada, SURFACES.global, 'tenant/save', {
        tenantId: 'not-a-guid',
        clientId: ENTRA_APP.clientId,
        clientSecret: ENTRA_APP.clientSecret,
        secretExpiresOn: 'soon',
      }),
      invokeAs(sandbox, rex, SURFACES.global, 'tenant/get', {}),
      invokeAs(sandbox, ada, SURFACES.personal, 'connection/get', {}),
      invokeAs(sandbox, ada, SURFACES.space('ENG'), 'teams/list', {}),
      invokeAs(sandbox, ada, SURFACES.space('ENG'), 'rules/list', { scope: 'space', spaceKey: 'ENG' }),
      invokeAs(sandbox, rex, SURFACES.personal, 'connection/start-login', {}),
    ]);
    const text = JSON.stringify(answers);
    expect(text).toContain('clientSecretStored');
    expect(findSecrets(text)).toEqual([]);
  });

  it('holds for the Teams app section: the bot secret is write-only, refusals included', async () => {
    const ada = person('ada');
    const separate = { kind: 'separate', botId: SEPARATE_BOT_ID, botSecret: BOT_SECRET } as const;
    const answers = [
      await invokeAs(sandbox, ada, SURFACES.global, 'teams-app/save-bot', {
        ...separate,
        secretExpiresOn: '2020-01-01',
      }),
      await invokeAs(sandbox, ada, SURFACES.global, 'teams-app/save-bot', {
        ...separate,
        secretExpiresOn: '2030-01-01',
      }),
      await invokeAs(sandbox, ada, SURFACES.global, 'teams-app/get', {}),
      await invokeAs(sandbox, ada, SURFACES.global, 'teams-app/test-message', {}),
    ];
    const text = JSON.stringify(answers);
    expect(text).toContain('secretStored');
    expect(text).not.toContain(BOT_SECRET);
    expect(findSecrets(text)).toEqual([]);
  });

  it('holds for every line the functions logged', () => {
    expect(sandbox.forge.logs.length).toBeGreaterThan(0);
    expect(findSecrets(JSON.stringify(sandbox.forge.logs))).toEqual([]);
    expect(JSON.stringify(sandbox.forge.logs)).not.toContain(BOT_SECRET);
  });

  it('keeps refresh tokens and the client secret only in KVS secrets; access tokens elsewhere only as their copies', () => {
    const dump = sandbox.forge.kvsDump();
    // docs/architecture.md, "Access tokens outside secrets": an access token alone, with its expiry.
    const isCopy = (key: string) => key.startsWith('ms-access:') || key === 'bot-connector-access';
    const copies = Object.entries(dump.keys).filter(([key]) => isCopy(key));
    const rest = Object.fromEntries(Object.entries(dump.keys).filter(([key]) => !isCopy(key)));
    expect(copies.map(([key]) => key)).toContain(`ms-access:${person('ada').accountId}`);
    for (const [key, value] of copies) {
      expect(Object.keys(value as object).sort()).toEqual(
        key === 'bot-connector-access'
          ? ['accessToken', 'clientId', 'expiresAt']
          : ['accessToken', 'accessTokenExpiresAt'],
      );
    }
    expect(JSON.stringify(copies)).not.toMatch(REFRESH_TOKEN_PATTERN);
    expect(JSON.stringify(copies)).not.toMatch(CLIENT_SECRET_PATTERN);
    expect(findSecrets(JSON.stringify({ keys: rest, entities: dump.entities }))).toEqual([]);
    expect(JSON.stringify({ keys: dump.keys, entities: dump.entities })).not.toContain(BOT_SECRET);
    expect(dump.secretKeys).toEqual(
      expect.arrayContaining([
        'ms-client-secret',
        `ms-token:${person('ada').accountId}`,
        'bot-client-secret',
      ]),
    );
  });
});
