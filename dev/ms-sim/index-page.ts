import { ENTRA_APP, TENANT } from '../seed';
import { escapeHtml } from './http/html';

/** `GET /`: what the simulator serves, for a developer who opens it in a browser. */
export function indexPage(url: string): string {
  const rows = [
    ['Sign-in (login.microsoftonline.com)', `${url}/login/${TENANT.id}/oauth2/v2.0/authorize`],
    ['Token endpoint', `${url}/login/${TENANT.id}/oauth2/v2.0/token`],
    ['Admin consent', `${url}/login/${TENANT.id}/v2.0/adminconsent`],
    ['Graph (graph.microsoft.com)', `${url}/graph/v1.0/me`],
    ['Teams view', `${url}/teams`],
    ['Posted messages (JSON)', `${url}/_sim/messages`],
    ['Faults (JSON; POST to change)', `${url}/_sim/faults`],
  ]
    .map(
      ([name = '', link = '']) =>
        `<tr><th scope="row">${escapeHtml(name)}</th><td><code>${escapeHtml(link)}</code></td></tr>`,
    )
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Microsoft simulator</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}th{text-align:left;padding-right:1rem}td,th{padding:.3rem}</style>
</head><body><h1>Microsoft simulator</h1>
<p>Tenant <strong>${escapeHtml(TENANT.name)}</strong> (<code>${TENANT.id}</code>), app registration <code>${ENTRA_APP.clientId}</code>.</p>
<table>${rows}</table>
<p><a href="/teams">Open the Teams view</a> (or <a href="/teams?theme=dark">in the dark theme</a>)</p></body></html>`;
}
