import type { WebTriggerResponse } from '@forge/api';

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

const HEADERS = {
  'Content-Type': ['text/html; charset=utf-8'],
  'Cache-Control': ['no-store'],
  'Referrer-Policy': ['no-referrer'],
  'X-Content-Type-Options': ['nosniff'],
  'Content-Security-Policy': ["default-src 'none'; style-src 'unsafe-inline'"],
};

/**
 * The small page a browser tab shows after Microsoft redirects back. The URL carried an
 * authorization code, so the page is not cached and sends no referrer.
 */
export const htmlPage = (statusCode: number, title: string, message: string): WebTriggerResponse => ({
  statusCode,
  headers: HEADERS,
  body: page(title, `<p>${escapeHtml(message)}</p>`),
});

/**
 * Sends the browser on to Confluence (303: the next request is a GET) with a page that links
 * there too, for a client that does not follow redirects.
 */
export const redirectPage = (location: string): WebTriggerResponse => ({
  statusCode: 303,
  headers: { ...HEADERS, Location: [location] },
  body: page(
    'Finish in Confluence',
    `<p>Microsoft has answered. <a href="${escapeHtml(location)}">Go back to Confluence</a> to finish.</p>`,
  ),
});

const page = (title: string, content: string): string => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Teams for Confluence</title>
<style>body{font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,sans-serif;margin:0;display:grid;place-items:center;min-height:100vh;background:#f7f8f9;color:#172b4d}
main{background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(9,30,66,.25);padding:32px 40px;max-width:480px}
h1{font-size:20px;margin:0 0 12px}p{margin:0;line-height:1.5}</style></head>
<body><main role="main"><h1>${escapeHtml(title)}</h1>${content}</main></body></html>`;
