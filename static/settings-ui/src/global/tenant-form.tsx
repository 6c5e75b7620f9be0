import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { Box, Stack, xcss } from '@atlaskit/primitives';
import { useState, type FormEvent } from 'react';
import type { TenantSettingsView } from '../../../../src/contracts/tenant';
import { asFailure, call, type ResolverFailure } from '../api/resolver-client';
import { TEST_IDS } from '../testids';
import { FailureNotice } from '../ui/failure-notice';
import { errorAt, TextInput } from '../ui/fields';
import { LiveRegion } from '../ui/live-region';
import { Notice } from '../ui/notice';

const formStyles = xcss({ maxWidth: '520px' });

const FIELDS = ['tenantId', 'clientId', 'clientSecret', 'secretExpiresOn'];

/** The tenant mapping. The client secret is write-only: left empty, the stored one is kept. */
export const TenantForm = ({
  tenant,
  onSaved,
}: {
  tenant: TenantSettingsView;
  onSaved: (view: TenantSettingsView) => void;
}) => {
  const [tenantId, setTenantId] = useState(tenant.tenantId);
  const [clientId, setClientId] = useState(tenant.clientId);
  const [clientSecret, setClientSecret] = useState('');
  const [secretExpiresOn, setSecretExpiresOn] = useState(tenant.secretExpiresOn);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ResolverFailure | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setSaved(false);
    setFailure(undefined);
    try {
      const view = await call('tenant/save', {
        tenantId: tenantId.trim(),
        clientId: clientId.trim(),
        ...(clientSecret.trim() ? { clientSecret: clientSecret.trim() } : {}),
        secretExpiresOn,
      });
      setErrors({});
      setClientSecret('');
      setSaved(true);
      onSaved(view);
    } catch (error) {
      const refused = asFailure(error);
      setFailure(refused);
      setErrors(refused.fieldErrors);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={(event) => void save(event)} noValidate data-testid={TEST_IDS.tenantForm}>
      <Box xcss={formStyles}>
        <Stack space="space.200">
          <TextInput
            id="tenant-id"
            label="Directory (tenant) ID"
            value={tenantId}
            onChange={setTenantId}
            testId={TEST_IDS.tenantTenantId}
            isMonospaced
            placeholder="00000000-0000-0000-0000-000000000000"
            error={errorAt(errors, 'tenantId')}
          />
          <TextInput
            id="client-id"
            label="Application (client) ID"
            value={clientId}
            onChange={setClientId}
            testId={TEST_IDS.tenantClientId}
            isMonospaced
            placeholder="00000000-0000-0000-0000-000000000000"
            error={errorAt(errors, 'clientId')}
          />
          <TextInput
            id="client-secret"
            label="Client secret"
            type="password"
            autoComplete="new-password"
            value={clientSecret}
            onChange={setClientSecret}
            testId={TEST_IDS.tenantClientSecret}
            after={
              tenant.clientSecretStored ? (
                <span style={{ paddingInlineEnd: 8 }} data-testid={TEST_IDS.tenantSecretStored}>
                  <Lozenge appearance="success">Stored</Lozenge>
                </span>
              ) : undefined
            }
            helper={
              tenant.clientSecretStored
                ? 'A secret is stored and is never shown again. Leave this empty to keep it, or enter a new one to replace it.'
                : 'Stored encrypted and never shown again, not even to you.'
            }
            error={errorAt(errors, 'clientSecret')}
          />
          <TextInput
            id="secret-expires-on"
            label="Client secret expires on"
            type="date"
            value={secretExpiresOn}
            onChange={setSecretExpiresOn}
            testId={TEST_IDS.tenantSecretExpiresOn}
            width={220}
            helper="As shown in Microsoft Entra next to the secret. You'll be warned 30 days before."
            error={errorAt(errors, 'secretExpiresOn')}
          />
          <LiveRegion testId={TEST_IDS.tenantMessage}>
            {saved && (
              <Notice appearance="success">
                <p>
                  Microsoft connection saved.
                  {tenant.consent === 'granted' ? '' : ' Next, grant admin consent.'}
                </p>
              </Notice>
            )}
            {failure && (
              <FailureNotice
                failure={failure}
                title="The Microsoft connection was not saved"
                placed={FIELDS}
              />
            )}
          </LiveRegion>
          <div>
            <Button type="submit" appearance="primary" isLoading={saving} testId={TEST_IDS.tenantSave}>
              Save
            </Button>
          </div>
        </Stack>
      </Box>
    </form>
  );
};
