import { Stack } from '@atlaskit/primitives';
import { useResolver } from '../api/use-resolver';
import { ConnectionPanel } from '../connection/connection-panel';
import { SignInFinisher } from '../connection/sign-in-finisher';
import { MyRules } from '../personal/my-rules';
import { PreferencesForm } from '../personal/preferences-form';
import { useSite } from '../site/site-context';
import { Loading } from '../ui/loading';
import { ErrorNotice, Notice } from '../ui/notice';
import { Section } from '../ui/section';

const Preferences = () => {
  const site = useSite();
  const preferences = useResolver('preferences/get', {});
  return (
    <Section
      title="Notifications for you"
      description="Messages for you alone, from the Confluence app in your own chat with it in Teams."
    >
      {!site.botConfigured && (
        <Notice appearance="information">
          <p>
            These messages need the Microsoft Teams companion app, which a Confluence site admin hasn't set up
            yet. Your choices are kept and apply once it is.
          </p>
        </Notice>
      )}
      {preferences.error && (
        <ErrorNotice error={preferences.error} onRetry={() => void preferences.reload()} />
      )}
      {!preferences.data && !preferences.error && <Loading label="Loading your preferences" />}
      {preferences.data && <PreferencesForm initial={preferences.data} />}
    </Section>
  );
};

/** Apps → Microsoft Teams: everyone's own connection, notification preferences and rules. */
export const PersonalView = () => (
  <Stack space="space.400">
    <SignInFinisher />
    <Section title="Your Microsoft Teams connection">
      <ConnectionPanel />
    </Section>
    <Preferences />
    <MyRules />
  </Stack>
);
