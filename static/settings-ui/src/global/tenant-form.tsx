import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { Box, Stack, xcss } from '@atlaskit/primitives';
import { useState, type FormEvent } from 'react';
import type { TenantSettingsView } from '../../../../src/contracts/tenant';
import { asFailure, call, ResolverFailure } from '../api/resolver-client';
import { TEST_IDS } from '../testids';
import { FailureNotice } from '../ui/failure-notice';
import { errorAt, TextInput, withoutErrorsAt } from '../ui/fields';
import { LiveRegion } from '../ui/live-region';
import { Notice } from '../ui/notice';

const formStyles = xcss({ maxWidth: '520px' });

const FIELDS = ['tenantId', 'clientId', 'clientSecret', 'secretExpiresOn'];

/** Today and tomorrow as the server counts them: a secret stops working at the start of its day, in UTC. */
const utcDay = (offsetDays = 0): string =>
  new Date(Date.now() + offsetDays * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

export const PAST_DATE =
  'This date has passed. Create a new client secret in Microsoft Entra and enter its expiry date.';

/**
 * What the form can tell without the server, in words that match the controls (the date field
 * shows the browser's date format, so no "YYYY-MM-DD"). The server checks the same and more; its
 * field messages are shown too, so every field is flagged on the first save.
 */
const localErrors = (tenant: TenantSettingsView, clientSecret: string, secretExpiresOn: string) => ({
  ...(!tenant.clientSecretStored && !clientSecret.trim() ? { clientSecret: 'Enter the client secret' } : {}),
  ...(!secretExpiresOn
    ? { secretExpiresOn: 'Choose the date the client secret expires, as Microsoft Entra shows it' }
    : secretExpiresOn <= utcDay()
      ? { secretExpiresOn: PAST_DATE }
      : {}),
});

/**
 * A refusal in the form's words: the server's sentence repeats its first field message, which
 * may be one the form words differently (a date "as YYYY-MM-DD" where the field shows the
 * browser's format).
 */
const refusalOf = (refused: ResolverFailure, errors: Record<string, string>): ResolverFailure => {
  const messages = FIELDS.map((field) => errors[field]).filter((text): text is string => Boolean(text));
  if (refused.code !== 'invalid_input' || messages.length === 0) return refused;
  const message =
    messages.length === 1
      ? `${messages[0]?.replace(/\.$/, '')}.`
      : `${messages.length} fields need a change: each says what to fix.`;
  return new ResolverFailure(refused.code, message, errors);
};

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

  /** A changed field drops its old message (and the "saved" note, which no longer holds). */
  const edit = (field: string, set: (value: string) => void) => (value: string) => {
    set(value);
    setSaved(false);
    setErrors((current) => withoutErrorsAt(current, [field]));
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const local = localErrors(tenant, clientSecret, secretExpiresOn);
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
      // The form's own wording wins where both speak of the same field.
      const merged = { ...refused.fieldErrors, ...local };
      setFailure(refusalOf(refused, merged));
      setErrors(merged);
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
            onChange={edit('tenantId', setTenantId)}
            testId={TEST_IDS.tenantTenantId}
            isMonospaced
            placeholder="00000000-0000-0000-0000-000000000000"
            error={errorAt(errors, 'tenantId')}
          />
          <TextInput
            id="client-id"
            label="Application (client) ID"
            value={clientId}
            onChange={edit('clientId', setClientId)}
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
            onChange={edit('clientSecret', setClientSecret)}
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
            onChange={edit('secretExpiresOn', setSecretExpiresOn)}
            testId={TEST_IDS.tenantSecretExpiresOn}
            width={220}
            min={utcDay(1)}
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
