import Button from '@atlaskit/button/new';
import SectionMessage, { type SectionMessageProps } from '@atlaskit/section-message';
import type { ReactNode } from 'react';
import type { ResolverFailure } from '../api/resolver-client';
import { TEST_IDS } from '../testids';

type Level = 'h2' | 'h3' | 'h4';

interface NoticeProps {
  appearance: NonNullable<SectionMessageProps['appearance']>;
  title?: string;
  /** The title's heading level, to keep headings in order where the notice sits. */
  level?: Level;
  children: ReactNode;
  actions?: SectionMessageProps['actions'];
  testId?: string;
}

/** A SectionMessage whose title is a heading at the right level. */
export const Notice = ({ appearance, title, level = 'h3', children, actions, testId }: NoticeProps) =>
  title ? (
    <SectionMessage
      appearance={appearance}
      title={title}
      headingLevel={level}
      actions={actions}
      testId={testId}
    >
      {children}
    </SectionMessage>
  ) : (
    <SectionMessage appearance={appearance} actions={actions} testId={testId}>
      {children}
    </SectionMessage>
  );

/** A resolver's refusal in the server's words, with a way to try again. */
export const ErrorNotice = ({
  error,
  onRetry,
  level,
  title = 'Something went wrong',
}: {
  error: ResolverFailure;
  onRetry?: () => void;
  level?: Level;
  title?: string;
}) => (
  <Notice appearance="error" title={title} level={level} testId={TEST_IDS.errorMessage}>
    <p>{error.message}</p>
    {onRetry && (
      <Button appearance="default" spacing="compact" onClick={onRetry}>
        Try again
      </Button>
    )}
  </Notice>
);
