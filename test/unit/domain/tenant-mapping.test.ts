import {
  applyTenantMappingInput,
  tenantMappingInputSchema,
  type TenantMapping,
} from '../../../src/domain/tenant-mapping';

const TENANT = '8b2a4c1e-3f5d-4e6a-9b7c-0d1e2f3a4b5c';
const CLIENT = 'a7c9e1f3-2b4d-4c6e-8f0a-1b3d5f7a9c2e';

describe('tenant mapping', () => {
  it('accepts GUIDs and a date, and refuses anything else with a field message', () => {
    expect(
      tenantMappingInputSchema.safeParse({
        tenantId: TENANT,
        clientId: CLIENT,
        secretExpiresOn: '2027-06-30',
      }).success,
    ).toBe(true);
    const bad = tenantMappingInputSchema.safeParse({
      tenantId: 'contoso',
      clientId: CLIENT,
      secretExpiresOn: '30/06/2027',
    });
    expect(bad.success).toBe(false);
    expect(new Set(bad.error?.issues.map((i) => i.path[0]))).toEqual(
      new Set(['tenantId', 'secretExpiresOn']),
    );
  });

  it('keeps consent for the same app and drops it for another', () => {
    const granted: TenantMapping = {
      schemaVersion: 1,
      tenantId: TENANT,
      clientId: CLIENT,
      secretExpiresOn: '2027-01-01',
      consent: { status: 'granted', grantedAt: 'x', grantedBy: 'a', boundTenantId: TENANT },
      updatedAt: 'x',
      updatedBy: 'a',
    };
    const same = applyTenantMappingInput(
      granted,
      { tenantId: TENANT.toUpperCase(), clientId: CLIENT, secretExpiresOn: '2027-06-30' },
      'b',
      'now',
    );
    expect(same.consent.status).toBe('granted');
    const other = applyTenantMappingInput(
      granted,
      { tenantId: TENANT, clientId: TENANT, secretExpiresOn: '2027-06-30' },
      'b',
      'now',
    );
    expect(other.consent.status).toBe('not-granted');
  });

  it('keeps link previews turned off when the form is saved again', () => {
    const off: TenantMapping = {
      schemaVersion: 1,
      tenantId: TENANT,
      clientId: CLIENT,
      secretExpiresOn: '2027-01-01',
      consent: { status: 'not-granted' },
      updatedAt: 'x',
      updatedBy: 'a',
      linkPreviews: false,
    };
    const input = { tenantId: TENANT, clientId: CLIENT, secretExpiresOn: '2027-06-30' };
    expect(applyTenantMappingInput(off, input, 'b', 'now').linkPreviews).toBe(false);
    expect(
      applyTenantMappingInput({ ...off, linkPreviews: undefined }, input, 'b', 'now'),
    ).not.toHaveProperty('linkPreviews');
  });
});
