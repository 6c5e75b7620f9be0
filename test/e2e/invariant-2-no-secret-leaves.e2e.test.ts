import { SURFACES, invokeAs } from '../../dev/sandbox/sandbox-driver';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { ENTRA_APP, TENANT, person } from '../../dev/seed';
import { findSecrets } from '../support/secret-patterns';
import { startSandboxAfterFirstSlice } from '../support/sandbox-fixture';

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

  it('holds for every line the functions logged', () => {
    expect(sandbox.forge.logs.length).toBeGreaterThan(0);
    expect(findSecrets(JSON.stringify(sandbox.forge.logs))).toEqual([]);
  });

  it('keeps tokens and the client secret only in KVS secrets', () => {
    const dump = sandbox.forge.kvsDump();
    expect(findSecrets(JSON.stringify({ keys: dump.keys, entities: dump.entities }))).toEqual([]);
    expect(dump.secretKeys).toEqual(
      expect.arrayContaining(['ms-client-secret', `ms-token:${person('ada').accountId}`]),
    );
  });
});
