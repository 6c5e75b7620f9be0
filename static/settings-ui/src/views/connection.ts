import { router } from '@forge/bridge';
import type { ConnectionView } from '../../../../src/contracts/resolver-api';
import { call, messageOf } from '../api';
import { h, notice, replace, section } from '../dom';

const POLL_MS = 2000;
const POLL_LIMIT_MS = 10 * 60 * 1000;

/**
 * "Log in to Microsoft Teams" and Disconnect. Sign-in happens in a new tab (Microsoft refuses
 * to be framed); this panel polls until the callback has stored the connection.
 */
export const connectionPanel = (onChange: (view: ConnectionView) => void): HTMLElement => {
  const root = section('Your Microsoft Teams connection', h('p', { class: 'muted' }, 'Checking…'));

  const render = (view: ConnectionView, message?: HTMLElement) => {
    const body: (HTMLElement | null)[] = [];
    if (!view.tenantConfigured) {
      body.push(
        notice(
          'warning',
          'A Confluence site admin must connect Microsoft first (Settings → Microsoft Teams).',
        ),
      );
    } else if (view.status === 'ok') {
      body.push(
        h(
          'p',
          { 'data-testid': 'connection-status' },
          'Connected as ',
          h('strong', {}, view.displayName),
          ` (${view.upn})`,
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'button',
            'data-testid': 'disconnect',
            onclick: () => void doDisconnect(),
          },
          'Disconnect',
        ),
      );
    } else {
      if (view.status === 'needs-login')
        body.push(notice('warning', 'Your Microsoft sign-in expired. Log in to Microsoft Teams again.'));
      else body.push(h('p', { 'data-testid': 'connection-status' }, 'Not connected.'));
      body.push(loginButton());
    }
    replace(root, h('h2', {}, 'Your Microsoft Teams connection'), message ?? null, ...body);
    onChange(view);
  };

  const loginButton = () =>
    h(
      'button',
      {
        type: 'button',
        class: 'button button-primary',
        'data-testid': 'login',
        onclick: () => void doLogin(),
      },
      'Log in to Microsoft Teams',
    );

  const refresh = async (message?: HTMLElement) => {
    try {
      render(await call('connection/get', {}), message);
    } catch (error) {
      replace(root, h('h2', {}, 'Your Microsoft Teams connection'), notice('error', messageOf(error)));
    }
  };

  const doLogin = async () => {
    try {
      const { url } = await call('connection/start-login', {});
      await router.open(url);
      const started = Date.now();
      const poll = async () => {
        const view = await call('connection/get', {});
        if (view.status === 'ok') return render(view, notice('success', 'Connected to Microsoft Teams.'));
        if (Date.now() - started < POLL_LIMIT_MS) setTimeout(() => void poll(), POLL_MS);
      };
      setTimeout(() => void poll(), POLL_MS);
    } catch (error) {
      await refresh(notice('error', messageOf(error)));
    }
  };

  const doDisconnect = async () => {
    if (!window.confirm('Disconnect Microsoft Teams? Rules you own stop sending until you log in again.'))
      return;
    try {
      render(await call('connection/disconnect', {}), notice('info', 'Disconnected from Microsoft Teams.'));
    } catch (error) {
      await refresh(notice('error', messageOf(error)));
    }
  };

  void refresh();
  return root;
};
