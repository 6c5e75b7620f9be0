import { router } from '@forge/bridge';
import type { TenantSettingsView } from '../../../../src/contracts/resolver-api';
import { call, messageOf, ResolverFailure } from '../api';
import { field, h, notice, replace, section } from '../dom';

const copyButton = (text: string, label: string) =>
  h(
    'button',
    {
      type: 'button',
      class: 'button button-subtle',
      'aria-label': label,
      onclick: () => void navigator.clipboard?.writeText(text),
    },
    'Copy',
  );

/** Site admins: the Entra app registration to create, the form, and admin consent. */
export const tenantPanel = (): HTMLElement => {
  const root = section('Microsoft connection', h('p', { class: 'muted' }, 'Loading…'));

  const render = (view: TenantSettingsView, message?: HTMLElement, errors: Record<string, string> = {}) => {
    const input = (name: string, value: string, type = 'text') =>
      h('input', {
        name,
        id: `tenant-${name}`,
        type,
        value,
        autocomplete: 'off',
        'data-testid': `tenant-${name}`,
      });
    const form = h(
      'form',
      {
        'data-testid': 'tenant-form',
        onsubmit: (e: Event) => {
          e.preventDefault();
          void save(e.target as HTMLFormElement);
        },
      },
      field('Directory (tenant) ID', input('tenantId', view.tenantId), errors['tenantId']),
      field('Application (client) ID', input('clientId', view.clientId), errors['clientId']),
      field(
        'Client secret',
        input('clientSecret', '', 'password'),
        errors['clientSecret'],
        view.clientSecretStored
          ? 'A secret is stored. Leave empty to keep it.'
          : 'Stored encrypted; never shown again.',
      ),
      field(
        'Client secret expires on',
        input('secretExpiresOn', view.secretExpiresOn, 'date'),
        errors['secretExpiresOn'],
      ),
      h('button', { type: 'submit', class: 'button button-primary', 'data-testid': 'tenant-save' }, 'Save'),
    );
    const consent =
      view.consent === 'granted'
        ? h('p', { 'data-testid': 'consent-status' }, `Admin consent granted ${view.consentGrantedAt ?? ''}.`)
        : h(
            'div',
            {},
            h('p', { 'data-testid': 'consent-status' }, 'Admin consent not granted yet.'),
            h(
              'button',
              {
                type: 'button',
                class: 'button',
                disabled: !view.configured,
                'data-testid': 'grant-consent',
                onclick: () => void consentNow(),
              },
              'Grant admin consent',
            ),
          );
    replace(
      root,
      h('h2', {}, 'Microsoft connection'),
      message ?? null,
      h(
        'ol',
        { class: 'steps' },
        h('li', {}, 'In Microsoft Entra admin center, register an application (single tenant).'),
        h(
          'li',
          {},
          'Add this Web redirect URI: ',
          h('code', { 'data-testid': 'redirect-uri' }, view.redirectUri),
          ' ',
          copyButton(view.redirectUri, 'Copy redirect URI'),
        ),
        h(
          'li',
          {},
          'Add these delegated Microsoft Graph permissions: ',
          h('code', {}, view.permissions.join(', ')),
          ' ',
          copyButton(view.permissions.join(' '), 'Copy permissions'),
        ),
        h('li', {}, 'Create a client secret, then enter the IDs, the secret and its expiry date below.'),
      ),
      form,
      consent,
    );
  };

  const save = async (form: HTMLFormElement) => {
    const data = new FormData(form);
    const value = (name: string) => {
      const entry = data.get(name);
      return typeof entry === 'string' ? entry.trim() : '';
    };
    try {
      const view = await call('tenant/save', {
        tenantId: value('tenantId'),
        clientId: value('clientId'),
        ...(value('clientSecret') ? { clientSecret: value('clientSecret') } : {}),
        secretExpiresOn: value('secretExpiresOn'),
      });
      render(view, notice('success', 'Saved.'));
    } catch (error) {
      const current = await call('tenant/get', {});
      render(
        current,
        notice('error', messageOf(error)),
        error instanceof ResolverFailure ? error.fieldErrors : {},
      );
    }
  };

  const consentNow = async () => {
    try {
      const { url } = await call('tenant/start-consent', {});
      await router.open(url);
    } catch (error) {
      render(await call('tenant/get', {}), notice('error', messageOf(error)));
    }
  };

  call('tenant/get', {}).then(
    (view) => render(view),
    (error) => replace(root, notice('error', messageOf(error))),
  );
  return root;
};
