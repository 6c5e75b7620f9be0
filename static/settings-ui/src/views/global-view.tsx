import { Stack } from '@atlaskit/primitives';
import { ConnectionOverviewSection } from '../global/connection-overview';
import { DeliveryHealth } from '../global/delivery-health';
import { TeamsAppSection } from '../global/teams-app-section';
import { TenantSection } from '../global/tenant-section';
import { UserMappingSection } from '../global/user-mapping-section';
import { RulesSection } from '../rules/rules-section';
import { useSite } from '../site/site-context';
import { TEST_IDS } from '../testids';
import { Notice } from '../ui/notice';

/** Confluence settings → Microsoft Teams, for site admins: tenant mapping, Teams app, global rules, delivery health. */
export const GlobalView = () => {
  const site = useSite();
  if (!site.isSiteAdmin) {
    return (
      <Notice
        appearance="information"
        title="Only site admins can change these settings"
        level="h2"
        testId={TEST_IDS.noAuthority}
      >
        <p>Ask a Confluence site admin to connect Microsoft Teams or change global rules.</p>
      </Notice>
    );
  }
  return (
    <Stack space="space.400">
      <TenantSection />
      <TeamsAppSection />
      <UserMappingSection />
      <ConnectionOverviewSection />
      <RulesSection
        scope={{ scope: 'global' }}
        title="Global rules"
        description="Rules for content anywhere on this site."
        canManage
        noAuthorityText=""
        tenantNotice={
          <Notice appearance="information">
            <p>Set up the Microsoft connection above first; then you can add global rules.</p>
          </Notice>
        }
      />
      <DeliveryHealth />
    </Stack>
  );
};
