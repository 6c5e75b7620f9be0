import { html } from '../html-template';
import { renderLayout } from '../layout';
import { page, type WebRequest, type WebResult } from '../web-handler';

/** The product events emitted since start, newest first, to watch what the app receives. */
export function eventsView(req: WebRequest): WebResult {
  const events = [...req.site.events].reverse();
  const content = html`<h1>Product events</h1>
    <p class="byline">
      ${events.length} event(s) since the simulator started. <a href="/wiki/sandbox/events">Refresh</a>
    </p>
    ${events.map(
      (e) =>
        html`<details data-testid="event">
          <summary>
            <code>${e.eventType}</code>
            ${String((e.payload as { eventCreatedDate?: string }).eventCreatedDate ?? '')}
          </summary>
          <pre>${JSON.stringify(e.payload, null, 2)}</pre>
        </details>`,
    )}`;
  return page(
    renderLayout({
      theme: req.theme,
      title: 'Product events',
      user: req.user,
      ui: req.ui,
      path: req.path,
      content,
    }),
  );
}
