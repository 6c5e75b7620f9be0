import Button from '@atlaskit/button/new';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { useEffect, useRef } from 'react';
import type { TeamsAppSettingsView } from '../../../../src/contracts/teams-app';
import { useResolver } from '../api/use-resolver';
import { useSite } from '../site/site-context';
import { TEST_IDS } from '../testids';
import { CopyButton } from '../ui/copy-button';
import { Loading } from '../ui/loading';
import { ErrorNotice, Notice } from '../ui/notice';
import { Section } from '../ui/section';
import { BotHealthLine } from './bot-health-line';
import { BotRegistrationForm } from './bot-registration-form';
import { LinkPreviewsSwitch } from './link-previews-switch';
import { PackageDownload } from './package-download';
import { TestMessageButton } from './test-message-button';

const RegisterBot = ({ view }: { view: TeamsAppSettingsView }) => (
  <Stack space="space.150">
    <Text>
      In the Azure portal, create an Azure Bot (Single Tenant, using the existing app registration of the
      Microsoft connection) and turn on its Microsoft Teams channel; or create a bot in Teams Developer Portal
      (Tools → Bot management). Either way, enter this messaging endpoint:
    </Text>
    <Inline space="space.100" alignBlock="center" shouldWrap>
      <code className="copyable" data-testid={TEST_IDS.botEndpoint}>
        {view.messagingEndpoint}
      </code>
      <CopyButton text={view.messagingEndpoint} what="messaging endpoint" testId={TEST_IDS.copyBotEndpoint} />
    </Inline>
    <Text>
      Bot id now:{' '}
      <code className="copyable" data-testid={TEST_IDS.botIdShown}>
        {view.bot.botId || 'not set: save the Microsoft connection first'}
      </code>
    </Text>
  </Stack>
);

/**
 * The companion Teams app, for site admins: the bot's messaging endpoint and which app is the bot,
 * the package to upload in Teams admin center, and whether Teams reaches the bot.
 */
export const TeamsAppSection = () => {
  const teamsApp = useResolver('teams-app/get', {});
  const { tenantConfigured } = useSite();
  const { reload } = teamsApp;
  // The bot id and the package follow the Microsoft connection, saved in the section above.
  const seenTenant = useRef(tenantConfigured);
  useEffect(() => {
    if (seenTenant.current === tenantConfigured) return;
    seenTenant.current = tenantConfigured;
    void reload();
  }, [tenantConfigured, reload]);
  const view = teamsApp.data;
  return (
    <Section
      title="Teams app"
      testId={TEST_IDS.teamsAppSection}
      description="The companion app in Microsoft Teams: personal notifications and confirmations in each person's chat with the bot."
      actions={
        <Button spacing="compact" onClick={() => void reload()} isLoading={teamsApp.loading && Boolean(view)}>
          Refresh
        </Button>
      }
    >
      {!view && teamsApp.error && <ErrorNotice error={teamsApp.error} onRetry={() => void reload()} />}
      {!view && !teamsApp.error && <Loading label="Loading the Teams app settings" />}
      {view && (
        <Stack space="space.300">
          {!view.tenantConfigured && (
            <Notice appearance="information">
              <p>Set up the Microsoft connection above first: the bot and the package use its app.</p>
            </Notice>
          )}
          <Section level={3} title="1. Register the bot">
            <RegisterBot view={view} />
          </Section>
          <Section level={3} title="2. Choose which app is the bot">
            <BotRegistrationForm view={view} onSaved={teamsApp.setData} />
          </Section>
          <Section level={3} title="3. Upload the app in Teams admin center">
            <Text>
              Download the package, then in Teams admin center open Teams apps → Manage apps → Upload new app,
              and allow it in your app permission policy.
            </Text>
            <PackageDownload disabled={!view.tenantConfigured} />
          </Section>
          <Section level={3} title="4. Check that Teams reaches the bot">
            <BotHealthLine view={view} />
            <TestMessageButton disabled={!view.tenantConfigured} />
          </Section>
          <Section level={3} title="Link previews">
            <LinkPreviewsSwitch view={view} onSaved={teamsApp.setData} />
          </Section>
        </Stack>
      )}
    </Section>
  );
};
