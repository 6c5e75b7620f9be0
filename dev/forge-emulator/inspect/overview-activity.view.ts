import { html, type Markup } from './html';
import type { EmulatorOverview } from './overview-model';
import { more, none } from './overview-parts';

/** Pending queue messages and event retries, and dead letters. */
export function queueSection(o: EmulatorOverview): Markup {
  const { pending, deadLetters } = o.queue;
  return html`<h2 id="queues">Queues and event retries</h2>
    <h3>Pending (${pending.total})</h3>
    ${
      pending.total === 0
        ? none('Nothing pending.')
        : html`<table>
              <tr>
                <th>Queue / event</th>
                <th>Function</th>
                <th>Attempt</th>
                <th>State</th>
                <th>Job</th>
                <th>Body</th>
              </tr>
              ${pending.rows.map(
                (p) =>
                  html`<tr>
                    <td><code>${p.source}</code></td>
                    <td><code>${p.functionKey}</code></td>
                    <td>${p.attempt}</td>
                    <td>
                      ${p.state === 'running' ? 'running' : p.dueInMs > 0 ? `due in ${Math.ceil(p.dueInMs / 1000)} s` : 'due'}
                    </td>
                    <td class="mono">${p.jobId ?? ''}</td>
                    <td class="value">${p.body}</td>
                  </tr>`,
              )}
            </table>
            ${more(pending, 'pending messages')}`
    }
    <h3>Dead letters (${deadLetters.total})</h3>
    ${
      deadLetters.total === 0
        ? none('No dead letters.')
        : html`<table>
              <tr>
                <th>Time</th>
                <th>Queue / event</th>
                <th>Function</th>
                <th>Attempts</th>
                <th>Reason</th>
                <th>Body</th>
              </tr>
              ${deadLetters.rows.map(
                (d) =>
                  html`<tr>
                    <td class="mono">${d.time}</td>
                    <td><code>${d.source}</code></td>
                    <td><code>${d.functionKey}</code></td>
                    <td>${d.attempts}</td>
                    <td class="bad">${d.reason}</td>
                    <td class="value">${d.body}</td>
                  </tr>`,
              )}
            </table>
            ${more(deadLetters, 'dead letters')}`
    }`;
}

/** The newest invocations and log lines (of one invocation when the page was opened from its row). */
export function activitySection(o: EmulatorOverview): Markup {
  const { invocations, logs } = o;
  return html`<h2 id="invocations">Recent invocations</h2>
    ${
      invocations.total === 0
        ? none('No invocations yet.')
        : html`<table>
              <tr>
                <th>Started</th>
                <th>Function</th>
                <th>Module</th>
                <th>Kind</th>
                <th>Duration</th>
                <th>Result</th>
                <th></th>
              </tr>
              ${invocations.rows.map(
                (i) =>
                  html`<tr data-testid="invocation">
                    <td class="mono">${i.startedAt}</td>
                    <td><code>${i.functionKey}</code></td>
                    <td><code>${i.moduleKey}</code></td>
                    <td>${i.kind}</td>
                    <td>${i.durationMs} ms</td>
                    <td class="${i.ok ? 'ok' : 'bad'}">
                      ${i.ok ? 'ok' : i.timedOut ? 'timed out' : 'failed'}
                    </td>
                    <td><a href="?invocation=${encodeURIComponent(i.invocationId)}#logs">logs</a></td>
                  </tr>`,
              )}
            </table>
            ${more(invocations, 'kept invocations')}`
    }
    <h2 id="logs">
      Logs${logs.invocationId ? html` of invocation <code>${logs.invocationId}</code> · <a href="/#logs">all logs</a>` : ''}
    </h2>
    ${
      logs.total === 0
        ? none('No log lines.')
        : html`<table>
              <tr>
                <th>Time</th>
                <th>Level</th>
                <th>Function</th>
                <th>Message</th>
              </tr>
              ${logs.rows.map(
                (l) =>
                  html`<tr>
                    <td class="mono">${l.time}</td>
                    <td class="${l.level === 'error' || l.level === 'warn' ? 'bad' : ''}">${l.level}</td>
                    <td><code>${l.functionKey}</code></td>
                    <td><pre class="log">${l.message}</pre></td>
                  </tr>`,
              )}
            </table>
            ${more(logs, 'log lines, newest first')}`
    }`;
}
