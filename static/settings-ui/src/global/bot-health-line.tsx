import Lozenge from '@atlaskit/lozenge';
import type { TeamsAppSettingsView } from '../../../../src/contracts/teams-app';
import { TEST_IDS } from '../testids';
import { formatDay } from './secret-expiry-notice';

const when = (iso: string): string =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const EXPIRY_LOZENGES = {
  ok: { appearance: 'success', text: 'Valid' },
  expiring: { appearance: 'moved', text: 'Expires soon' },
  expired: { appearance: 'removed', text: 'Expired' },
  unknown: { appearance: 'default', text: 'Unknown' },
} as const;

/**
 * Whether Teams reaches the bot: the last request it accepted, the last it refused and why (in
 * the server's words), and when the secret the bot signs in with expires.
 */
export const BotHealthLine = ({ view }: { view: TeamsAppSettingsView }) => {
  const { health, bot } = view;
  const expiry = EXPIRY_LOZENGES[bot.secretExpiry.state];
  const whose =
    bot.kind === 'separate' ? 'Bot client secret' : 'Client secret (the connection’s app is the bot)';
  return (
    <dl className="details-list" data-testid={TEST_IDS.botHealth}>
      <dt>Last request from Teams</dt>
      <dd>{health.lastRequestAt ? when(health.lastRequestAt) : 'None yet'}</dd>
      <dt>Last refused request</dt>
      <dd>
        {health.lastAuthFailureAt && health.lastAuthFailure
          ? `${when(health.lastAuthFailureAt)}: ${health.lastAuthFailure}`
          : 'None'}
      </dd>
      <dt>{whose}</dt>
      <dd data-testid={TEST_IDS.botSecretExpiry}>
        {bot.secretExpiresOn ? (
          <>
            Expires on {formatDay(bot.secretExpiresOn)}{' '}
            <Lozenge appearance={expiry.appearance}>{expiry.text}</Lozenge>
          </>
        ) : (
          'Not entered yet'
        )}
      </dd>
    </dl>
  );
};
