import Lozenge from '@atlaskit/lozenge';
import { Stack } from '@atlaskit/primitives';
import { useResolver } from '../api/use-resolver';
import { useReloadSite } from '../site/site-context';
import { Loading } from '../ui/loading';
import { ErrorNotice } from '../ui/notice';
import { Section } from '../ui/section';
import { useReturnRefresh } from '../ui/use-return-refresh';
import { ConsentPanel } from './consent-panel';
import { RegistrationSteps } from './registration-steps';
import { SecretExpiryNotice } from './secret-expiry-notice';
import { TenantForm } from './tenant-form';

/** The site's Microsoft connection (tenant mapping): steps in Entra, the form, admin consent. */
export const TenantSection = () => {
  const tenant = useResolver('tenant/get', {});
  const reloadSite = useReloadSite();
  const { reload } = tenant;
  // Consent happens in another tab: coming back is when its result is most likely there.
  useReturnRefresh(() => void reload());

  const view = tenant.data;
  return (
    <Section
      title="Microsoft connection"
      description="Connect this Confluence site to your organisation's Microsoft tenant through an app registration of your own."
      actions={
        view && (
          <Lozenge appearance={view.configured ? 'success' : 'default'}>
            {view.configured ? 'Set up' : 'Not set up'}
          </Lozenge>
        )
      }
    >
      {!view && tenant.error && <ErrorNotice error={tenant.error} onRetry={() => void reload()} />}
      {!view && !tenant.error && <Loading label="Loading the Microsoft connection" />}
      {view && (
        <Stack space="space.300">
          <SecretExpiryNotice tenant={view} />
          <Section level={3} title="1. Register an app in Microsoft Entra">
            <RegistrationSteps tenant={view} />
          </Section>
          <Section level={3} title="2. Enter the app registration">
            <TenantForm
              tenant={view}
              onSaved={(saved) => {
                tenant.setData(saved);
                void reloadSite();
              }}
            />
          </Section>
          <Section level={3} title="3. Grant admin consent">
            <ConsentPanel tenant={view} onCheck={() => void reload()} />
          </Section>
        </Stack>
      )}
    </Section>
  );
};
