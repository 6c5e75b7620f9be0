import { PEOPLE } from '../../seed';
import { html, raw, type SafeHtml } from './html-template';
import { STYLES } from './styles';
import { globalPagePath, moduleRoute, modulesOfType, type SimulatorUiOptions } from './ui-options';
import type { UiUser } from './ui-session';
import { type UiTheme, withTheme } from './ui-theme';

/** What every page passes to the chrome. */
export interface LayoutInput {
  title: string;
  user: UiUser;
  ui: SimulatorUiOptions;
  theme: UiTheme;
  /** Where the user switcher returns to. */
  path: string;
  sidebar?: SafeHtml;
  content: SafeHtml;
}

function appsMenu(ui: SimulatorUiOptions): SafeHtml {
  const pages = modulesOfType(ui, 'confluence:globalPage');
  const items = pages.length
    ? pages.map(
        (m) =>
          html`<a
            href="${globalPagePath(ui.forge ?? { hostScriptUrl: '', modules: [] }, m)}"
            data-testid="apps-menu-item"
            >${m.title}</a
          >`,
      )
    : html`<span>No apps installed</span>`;
  return html`<details class="menu" data-testid="apps-menu">
    <summary>Apps ▾</summary>
    <div>${items}</div>
  </details>`;
}

/** Global settings are for site admins only, so the menu is not shown to anyone else. */
function settingsMenu(ui: SimulatorUiOptions, user: UiUser): SafeHtml | '' {
  if (!user.person.siteAdmin) return '';
  const settings = modulesOfType(ui, 'confluence:globalSettings');
  const items = settings.length
    ? settings.map(
        (m) => html`<a href="/wiki/admin/${moduleRoute(m)}" data-testid="settings-menu-item">${m.title}</a>`,
      )
    : html`<span>No app settings</span>`;
  return html`<details class="menu" data-testid="settings-menu">
    <summary>Settings ▾</summary>
    <div>${items}</div>
  </details>`;
}

function userSwitcher(user: UiUser, path: string): SafeHtml {
  const options = PEOPLE.map(
    (p) =>
      html`<option value="${p.accountId}" ${p.accountId === user.accountId ? html`selected` : ''}>
        ${p.displayName}
      </option>`,
  );
  return html`<form class="user-switcher" method="post" action="/wiki/sandbox/user">
    <input type="hidden" name="returnTo" value="${path}" />
    <label
      >Acting as
      <select name="accountId" data-testid="user-switcher" onchange="this.form.submit()">
        ${options}
      </select></label
    >
    <noscript><button class="btn">Switch</button></noscript>
  </form>`;
}

const THEME_NAMES: Record<UiTheme, string> = { light: 'Light', dark: 'Dark', auto: 'Match browser' };

/** Like the theme choice in a Confluence profile; each entry reloads this page with `?theme=`. */
function themeMenu(theme: UiTheme, path: string): SafeHtml {
  const items = (Object.keys(THEME_NAMES) as UiTheme[]).map(
    (t) =>
      html`<a
        href="${withTheme(path, t)}"
        data-testid="theme-${t}"
        ${t === theme ? html`aria-current="true"` : ''}
        >${THEME_NAMES[t]}</a
      >`,
  );
  return html`<details class="menu end" data-testid="theme-menu">
    <summary>Theme ▾</summary>
    <div>${items}</div>
  </details>`;
}

/** The Teams view follows a theme other than the default, as the Teams client follows the OS. */
function teamsLink(url: string, theme: UiTheme): SafeHtml {
  const href = new URL(url);
  if (theme !== 'light') href.searchParams.set('theme', theme);
  return html`<a href="${href.toString()}" target="_blank" rel="noopener" data-testid="teams-view-link"
    >Microsoft Teams view ↗</a
  >`;
}

/** The page chrome: top bar, optional sidebar and content area. */
export function renderLayout(input: LayoutInput): string {
  const { ui, user } = input;
  const teams = ui.teamsViewUrl ? teamsLink(ui.teamsViewUrl, input.theme) : '';
  return html`<!doctype html>
    <html lang="en" data-color-mode="${input.theme}">
      <head>
        <meta charset="utf-8" />
        <title>${input.title} - Confluence sandbox</title>
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <style>
          ${raw(STYLES)}
        </style>
      </head>
      <body>
        <header class="topbar">
          <a class="brand" href="/wiki/home">Confluence <small>sandbox</small></a>
          <nav>
            <a href="/wiki/home" data-testid="spaces-link">Spaces</a
            >${appsMenu(ui)}${settingsMenu(ui, user)}${teams}
            <a href="/wiki/sandbox/events" data-testid="events-link">Events</a>
          </nav>
          ${themeMenu(input.theme, input.path)} ${userSwitcher(user, input.path)}
        </header>
        <div class="shell">
          ${input.sidebar ? html`<aside class="sidebar">${input.sidebar}</aside>` : ''}
          <main class="content">${input.content}</main>
        </div>
      </body>
    </html>`.value;
}
