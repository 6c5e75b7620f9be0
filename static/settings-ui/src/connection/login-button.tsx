import Button from '@atlaskit/button/new';
import { Stack, Text } from '@atlaskit/primitives';
import { useState } from 'react';
import { useConnection } from '../site/connection-context';
import { TEST_IDS } from '../testids';
import { LiveRegion } from '../ui/live-region';
import { Loading } from '../ui/loading';
import { ErrorNotice } from '../ui/notice';

/**
 * "Log in to Microsoft Teams": Microsoft's sign-in opens in a new tab (it refuses to be framed);
 * this page notices by itself when it is done.
 */
export const LoginButton = ({ appearance = 'primary' }: { appearance?: 'primary' | 'default' }) => {
  const { login, waiting, loginError } = useConnection();
  const [starting, setStarting] = useState(false);
  const start = async () => {
    setStarting(true);
    await login();
    setStarting(false);
  };
  return (
    <Stack space="space.150">
      <div>
        <Button
          appearance={appearance}
          isLoading={starting}
          onClick={() => void start()}
          testId={TEST_IDS.loginButton}
        >
          Log in to Microsoft Teams
        </Button>
      </div>
      <LiveRegion testId={TEST_IDS.loginMessage}>
        {waiting && (
          <Stack space="space.050" testId={TEST_IDS.loginWaiting}>
            <Loading label="Waiting for Microsoft sign-in" />
            <Text color="color.text.subtle">
              Finish signing in on the Microsoft tab that opened. This page updates by itself when you are
              done.
            </Text>
          </Stack>
        )}
        {loginError && <ErrorNotice error={loginError} title="Microsoft sign-in didn't start" level="h4" />}
      </LiveRegion>
    </Stack>
  );
};
