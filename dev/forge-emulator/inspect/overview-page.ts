import { html, Markup } from './html';
import { activitySection, queueSection } from './overview-activity.view';
import type { Bounded, EmulatorOverview, StoredRow } from './overview-model';
import { more, none, OVERVIEW_STYLE } from './overview-parts';
import { scheduleSection } from './overview-schedule.view';

function storedTable(list: Bounded<StoredRow>, what: string): Markup {
  if (list.total === 0) return none(`No ${what}.`);
  return html`<table>
      <tr>
        <th>Key</th>
        <th>Value</th>
        <th>Updated</th>
        <th>Expires</th>
      </tr>
      ${list.rows.map(
        (r) =>
          html`<tr>
            <td><code>${r.key}</code></td>
            <td class="value">${r.value}</td>
            <td class="mono">${r.updatedAt}</td>
            <td class="mono">${r.expiresAt ?? ''}</td>
          </tr>`,
      )}
    </table>
    ${more(list, what)}`;
}

function appSections(o: EmulatorOverview): Markup {
  return html`<h2 id="functions">Functions</h2>
    <table>
      <tr>
        <th>Function</th>
        <th>Handler</th>
        <th>Timeout</th>
        <th>Invocations</th>
        <th>Failed</th>
        <th>Mean</th>
      </tr>
      ${o.functions.map(
        (f) =>
          html`<tr>
            <td><code>${f.key}</code></td>
            <td><code>${f.handler}</code></td>
            <td>${f.timeoutSeconds !== undefined ? `${f.timeoutSeconds} s` : ''}</td>
            <td>${f.count}</td>
            <td class="${f.failures > 0 ? 'bad' : ''}">${f.failures}</td>
            <td>${f.count > 0 ? `${f.meanMs} ms` : ''}</td>
          </tr>`,
      )}
    </table>
    <h2 id="modules">Modules</h2>
    <table>
      <tr>
        <th>Type</th>
        <th>Key</th>
        <th>Function</th>
        <th>Details</th>
      </tr>
      ${o.modules.map(
        (m) =>
          html`<tr>
            <td><code>${m.type}</code></td>
            <td><code>${m.key}</code></td>
            <td><code>${m.functionKey ?? ''}</code></td>
            <td>${m.detail}${m.link ? html` · <a href="${m.link}">open resource</a>` : ''}</td>
          </tr>`,
      )}
    </table>
    <h2 id="web-triggers">Web triggers</h2>
    ${
      o.webTriggers.length === 0
        ? none('No web triggers.')
        : html`<table>
            <tr>
              <th>Key</th>
              <th>Function</th>
              <th>Response</th>
              <th>URL</th>
            </tr>
            ${o.webTriggers.map(
              (w) =>
                html`<tr data-testid="web-trigger">
                  <td><code>${w.key}</code></td>
                  <td><code>${w.functionKey}</code></td>
                  <td>${w.responseType}</td>
                  <td class="mono">${w.url}</td>
                </tr>`,
            )}
          </table>`
    }`;
}

function storageSection(o: EmulatorOverview): Markup {
  const { keys, entities, secretNames } = o.kvs;
  return html`<h2 id="storage">Storage (KVS)</h2>
    <h3>Keys</h3>
    ${storedTable(keys, 'keys')}
    ${entities.map(
      (e) =>
        html`<h3>Entity <code>${e.name}</code></h3>
          ${storedTable(e, `${e.name} entities`)}`,
    )}
    <h3>Secrets</h3>
    ${
      secretNames.total === 0
        ? none('No secrets.')
        : html`<table>
              <tr>
                <th>Key</th>
                <th>Value</th>
              </tr>
              ${secretNames.rows.map(
                (name) =>
                  html`<tr>
                    <td><code>${name}</code></td>
                    <td class="muted">•••••• (hidden)</td>
                  </tr>`,
              )}
            </table>
            ${more(secretNames, 'secrets')}`
    }`;
}

/** The emulator's overview page: server-rendered, self-contained (no scripts, no external assets). */
export function renderOverviewPage(o: EmulatorOverview): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Forge emulator</title>
        <style>
          ${new Markup(OVERVIEW_STYLE)}
        </style>
      </head>
      <body>
        <header>
          <h1>Forge emulator</h1>
          <div class="muted mono">${o.app.appAri} · site ${o.app.siteUrl} · manifest ${o.app.manifest}</div>
          <nav>
            <a href="#functions">Functions</a><a href="#modules">Modules</a
            ><a href="#web-triggers">Web triggers</a><a href="#scheduled-triggers">Scheduled triggers</a>
            <a href="#storage">Storage</a><a href="#queues">Queues</a><a href="#invocations">Invocations</a>
            <a href="#logs">Logs</a><a href="/">Refresh</a><a href="/?format=json">JSON</a>
          </nav>
        </header>
        <main>
          ${appSections(o)} ${scheduleSection(o)} ${storageSection(o)} ${queueSection(o)}
          ${activitySection(o)}
        </main>
      </body>
    </html>`.value;
}
