import type { ConnectedSignIn } from '../../../../src/contracts/connection';
import { TEST_IDS } from '../testids';
import { Notice } from '../ui/notice';

const CLOSE_TAB = 'You can close this tab and go back to where you started.';
const NOT_YOURS =
  'If it is not yours, select Disconnect below and log in to Microsoft Teams with your own account.';

/** The sentence the page and the screen reader say about the account a sign-in linked. */
export const linkedAccountSummary = (finished: ConnectedSignIn): string => {
  const account = `${finished.displayName || finished.upn} (${finished.upn || finished.microsoftEmail})`;
  switch (finished.accountMatch) {
    case 'same-email':
      return `You are signed in as ${account}. ${CLOSE_TAB}`;
    case 'different-email':
      return `You linked the Microsoft account ${account}, whose e-mail is not your Confluence e-mail (${finished.confluenceEmail ?? ''}). Rules you set up post to Teams as that account. ${NOT_YOURS}`;
    case 'confluence-email-hidden':
      return `You linked the Microsoft account ${account}. Confluence does not show your e-mail to apps, so the app could not check that this account is yours. ${NOT_YOURS}`;
  }
};

/**
 * Which Microsoft account a finished sign-in linked. Nothing is refused: a different e-mail, or
 * one Confluence hides, only turns the notice into a warning that says so.
 */
export const LinkedAccountNotice = ({ finished }: { finished: ConnectedSignIn }) => {
  const same = finished.accountMatch === 'same-email';
  return (
    <Notice
      appearance={same ? 'success' : 'warning'}
      level="h2"
      testId={TEST_IDS.signInFinished}
      title={
        finished.accountMatch === 'different-email'
          ? 'Connected to Microsoft Teams with another e-mail'
          : 'Connected to Microsoft Teams'
      }
    >
      <p>{linkedAccountSummary(finished)}</p>
    </Notice>
  );
};
