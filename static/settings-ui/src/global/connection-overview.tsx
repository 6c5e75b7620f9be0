import { Inline, Stack, Text } from '@atlaskit/primitives';
import { useResolver } from '../api/use-resolver';
import { TEST_IDS } from '../testids';
import { FailureNotice } from '../ui/failure-notice';
import { Loading } from '../ui/loading';
import { Section } from '../ui/section';

const Count = ({
  label,
  value,
  more,
  name,
}: {
  label: string;
  value: number;
  more: boolean;
  name: string;
}) => (
  <Stack space="space.050">
    <Text weight="bold" size="large" testId={`${TEST_IDS.connectionOverview}-${name}`}>
      {more ? `${value}+` : String(value)}
    </Text>
    <Text color="color.text.subtle">{label}</Text>
  </Stack>
);

/** Site admins: who is connected, whose sign-in expired (their rules are paused), who has the Teams app. */
export const ConnectionOverviewSection = () => {
  const { data, error, loading } = useResolver('connections/overview', {});
  return (
    <Section
      title="People and connections"
      description="Counted from this site's stored connections and the companion bot's chats."
      testId={TEST_IDS.connectionOverview}
    >
      {error && (
        <FailureNotice failure={error} title="The overview could not be loaded" placed={[]} level="h3" />
      )}
      {!data && loading && <Loading label="Counting connections" />}
      {data && (
        <Inline space="space.500" shouldWrap>
          <Count
            label="connected to Microsoft Teams"
            value={data.connected}
            more={!data.complete}
            name="connected"
          />
          <Count
            label="need to log in again (their rules are paused)"
            value={data.needsLogin}
            more={!data.complete}
            name="needs-login"
          />
          <Count
            label="added the Teams app"
            value={data.botInstalled}
            more={!data.complete}
            name="bot-installed"
          />
        </Inline>
      )}
    </Section>
  );
};
