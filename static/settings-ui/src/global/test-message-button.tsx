import Button from '@atlaskit/button/new';
import { Stack } from '@atlaskit/primitives';
import { useState } from 'react';
import { asFailure, call, type ResolverFailure } from '../api/resolver-client';
import { TEST_IDS } from '../testids';
import { LiveRegion } from '../ui/live-region';
import { ErrorNotice, Notice } from '../ui/notice';

/**
 * "Send me a test message": the server checks that the admin is connected and has the app in
 * Teams, and says what to do when not; the bot's queue sends the card a moment later.
 */
export const TestMessageButton = ({ disabled }: { disabled: boolean }) => {
  const [sending, setSending] = useState(false);
  const [sentTo, setSentTo] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<ResolverFailure | undefined>(undefined);

  const send = async () => {
    setSending(true);
    setSentTo(undefined);
    setFailure(undefined);
    try {
      setSentTo((await call('teams-app/test-message', {})).to);
    } catch (error) {
      setFailure(asFailure(error));
    } finally {
      setSending(false);
    }
  };

  return (
    <Stack space="space.150">
      <div>
        <Button
          onClick={() => void send()}
          isLoading={sending}
          isDisabled={disabled}
          testId={TEST_IDS.sendTestMessage}
        >
          Send me a test message
        </Button>
      </div>
      <LiveRegion testId={TEST_IDS.testMessageResult}>
        {sentTo && (
          <Notice appearance="success">
            <p>
              Test message on its way to your chat with the bot in Teams ({sentTo}). It should arrive within a
              minute; if it does not, check the health above.
            </p>
          </Notice>
        )}
        {failure && <ErrorNotice error={failure} title="The test message was not sent" level="h4" />}
      </LiveRegion>
    </Stack>
  );
};
