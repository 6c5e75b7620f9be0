import { view } from '@forge/bridge';
import { useEffect, useRef, useState } from 'react';
import type { FinishedSignIn } from '../../../../src/contracts/connection';
import { asFailure, call, type ResolverFailure } from '../api/resolver-client';
import { useConnection } from '../site/connection-context';
import { TEST_IDS } from '../testids';
import { useAnnounce } from '../ui/announcer';
import { Loading } from '../ui/loading';
import { ErrorNotice, Notice } from '../ui/notice';
import { LinkedAccountNotice, linkedAccountSummary } from './linked-account-notice';

/** The query parameter Microsoft's redirect leaves on this page (src/application/use-cases/sign-in/oauth-redirect.ts). */
const COMPLETION_PARAM = 'teams-sign-in';

type Outcome =
  | { kind: 'none' }
  | { kind: 'finishing' }
  | { kind: 'done'; finished: FinishedSignIn }
  | { kind: 'failed'; failure: ResolverFailure };

/**
 * After Microsoft, the sign-in tab lands here with a one-time code. Redeeming it is what links the
 * account, and the server allows it only for the person who started the sign-in: someone who was
 * sent the link is told so and nothing changes. The code is taken off the address at once.
 */
export const SignInFinisher = () => {
  const { refresh } = useConnection();
  const announce = useAnnounce();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });

  // Runs once per page load; the latest callbacks are read through a ref so a re-render cannot
  // start a second redemption or drop the first one's answer.
  const latest = useRef({ refresh, announce });
  latest.current = { refresh, announce };
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const finish = async () => {
      const history = await view.createHistory();
      const code = new URLSearchParams(history.location.search).get(COMPLETION_PARAM);
      if (!code) return;
      history.replace(history.location.pathname);
      setOutcome({ kind: 'finishing' });
      try {
        const finished = await call('connection/finish-sign-in', { code });
        setOutcome({ kind: 'done', finished });
        latest.current.announce(
          finished.kind === 'connected' ? linkedAccountSummary(finished) : 'Admin consent granted.',
        );
        await latest.current.refresh();
      } catch (error) {
        setOutcome({ kind: 'failed', failure: asFailure(error) });
      }
    };
    void finish();
  }, []);

  if (outcome.kind === 'none') return null;
  if (outcome.kind === 'finishing') return <Loading label="Finishing your Microsoft sign-in" />;
  if (outcome.kind === 'failed') {
    return <ErrorNotice error={outcome.failure} title="Microsoft Teams was not connected" level="h2" />;
  }
  const { finished } = outcome;
  if (finished.kind === 'connected') return <LinkedAccountNotice finished={finished} />;
  return (
    <Notice appearance="success" level="h2" testId={TEST_IDS.signInFinished} title="Admin consent granted">
      <p>
        Microsoft Teams is connected to this Confluence site. You can close this tab and go back to the
        settings.
      </p>
    </Notice>
  );
};
