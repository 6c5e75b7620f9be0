import Heading from '@atlaskit/heading';
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import { useConnection } from '../site/connection-context';
import { TEST_IDS } from '../testids';
import { Notice } from '../ui/notice';
import { LoginButton } from './login-button';

const emptyStateStyles = xcss({
  padding: 'space.300',
  borderRadius: 'radius.medium',
  borderWidth: 'border.width',
  borderStyle: 'solid',
  borderColor: 'color.border',
  backgroundColor: 'color.background.neutral.subtle',
});

/**
 * The first step before any rule: rules post to Teams as the person who sets them up, so they
 * must connect their Microsoft account first. An expired sign-in says what stopped working.
 */
export const ConnectPrompt = ({ level = 'h3' }: { level?: 'h2' | 'h3' | 'h4' }) => {
  const { connection } = useConnection();
  if (connection?.status === 'needs-login') {
    return (
      <Notice
        appearance="warning"
        title="Your Microsoft sign-in expired"
        level={level}
        testId={TEST_IDS.connectEmptyState}
      >
        <Stack space="space.150">
          <Text as="p">
            Rules you own are paused and send nothing until you log in to Microsoft Teams again.
          </Text>
          <LoginButton />
        </Stack>
      </Notice>
    );
  }
  return (
    <Box xcss={emptyStateStyles} testId={TEST_IDS.connectEmptyState}>
      <Stack space="space.150" alignInline="start">
        <Heading as={level} size="small">
          Connect your Microsoft account to choose where notifications go
        </Heading>
        <Text as="p">
          Rules post to Teams channels and chats as you, so Confluence needs your Microsoft account first. You
          pick the channel or chat next.
        </Text>
        <LoginButton />
      </Stack>
    </Box>
  );
};
