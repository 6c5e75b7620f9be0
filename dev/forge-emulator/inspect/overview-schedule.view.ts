import { html, type Markup } from './html';
import type { EmulatorOverview } from './overview-model';
import { none } from './overview-parts';

/** The scheduled triggers: interval, next run and last run, by the emulator clock. */
export function scheduleSection(o: EmulatorOverview): Markup {
  return html`<h2 id="scheduled-triggers">Scheduled triggers</h2>
    ${
      o.scheduledTriggers.length === 0
        ? none('No scheduled triggers.')
        : html`<table>
            <tr>
              <th>Key</th>
              <th>Function</th>
              <th>Interval</th>
              <th>Next run</th>
              <th>Last run</th>
              <th>Result</th>
            </tr>
            ${o.scheduledTriggers.map(
              (t) =>
                html`<tr data-testid="scheduled-trigger">
                  <td><code>${t.key}</code></td>
                  <td><code>${t.functionKey}</code></td>
                  <td>${t.interval}</td>
                  <td class="mono">${t.nextRunAt}</td>
                  <td class="mono">
                    ${
                      t.lastRun
                        ? html`<a href="?invocation=${encodeURIComponent(t.lastRun.invocationId)}#logs"
                            >${t.lastRun.startedAt}</a
                          >`
                        : 'not yet'
                    }
                  </td>
                  <td class="${t.lastRun ? (t.lastRun.ok ? 'ok' : 'bad') : ''}">
                    ${t.lastRun ? (t.lastRun.ok ? 'ok' : 'failed') : ''}
                  </td>
                </tr>`,
            )}
          </table>`
    }`;
}
