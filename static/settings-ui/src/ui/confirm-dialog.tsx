import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { view } from '@forge/bridge';
import { useEffect, useRef, useState } from 'react';
import { asFailure, call, type ResolverFailure } from '../api/resolver-client';
import type { ConfirmRequest } from './confirm-request';
import { LiveRegion } from './live-region';
import { ErrorNotice, Notice } from './notice';

const dialogStyles = xcss({ padding: 'space.300' });

/**
 * The inside of a confirmation modal (see confirm-request.ts): a destructive action asked once
 * more, in words that say what will happen. Forge draws no header and no close button, so
 * Cancel is the one way out besides Escape.
 */
export const ConfirmDialog = ({ request }: { request: ConfirmRequest }) => {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ResolverFailure | undefined>(undefined);
  const cancelButton = useRef<HTMLButtonElement>(null);
  // The safe choice has the focus, as in Atlaskit's own danger dialogs.
  useEffect(() => cancelButton.current?.focus(), []);

  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const { key, input } = request.action;
      const result = await call(key, input as never);
      await view.close({ done: true, result });
    } catch (failure) {
      setError(asFailure(failure));
      setBusy(false);
    }
  };
  return (
    <Box
      xcss={dialogStyles}
      testId={request.testId}
      role="alertdialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-text"
    >
      <Stack space="space.200">
        <Heading as="h1" size="small" id="confirm-title">
          {request.title}
        </Heading>
        <Text as="p" id="confirm-text">
          {request.text}
        </Text>
        {request.warning && (
          <Notice appearance="warning">
            <p>{request.warning}</p>
          </Notice>
        )}
        <LiveRegion>{error && <ErrorNotice error={error} level="h2" title="That didn't work" />}</LiveRegion>
        <Inline space="space.100" alignInline="end">
          <Button
            ref={cancelButton}
            appearance="subtle"
            onClick={() => void view.close()}
            testId={`${request.testId}-cancel`}
          >
            Cancel
          </Button>
          <Button
            appearance="danger"
            isLoading={busy}
            onClick={() => void confirm()}
            testId={`${request.testId}-confirm`}
          >
            {request.confirmLabel}
          </Button>
        </Inline>
      </Stack>
    </Box>
  );
};
