/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Styles shared by the sign-in, consent and error pages: a plain card in Microsoft's sign-in look. */
const SIGN_IN_STYLES = `
  body { margin: 0; font-family: "Segoe UI", system-ui, sans-serif; background: #f2f2f2; color: #1b1b1b; }
  main { max-width: 440px; margin: 48px auto; background: #fff; padding: 32px 40px; box-shadow: 0 2px 6px rgba(0,0,0,.2); }
  h1 { font-size: 1.5rem; font-weight: 600; margin: 0 0 16px; }
  p { line-height: 1.4; }
  .brand { font-weight: 600; color: #5e5e5e; margin-bottom: 16px; }
  .accounts { list-style: none; padding: 0; margin: 0 0 16px; }
  .account { display: flex; flex-direction: column; align-items: flex-start; width: 100%; text-align: left;
    padding: 12px; border: 1px solid transparent; background: none; font: inherit; cursor: pointer; }
  .account:hover, .account:focus-visible { background: #e6e6e6; outline: 2px solid #0067b8; }
  .account .upn { color: #5e5e5e; font-size: .9rem; }
  .actions { display: flex; gap: 8px; justify-content: flex-end; }
  .button { padding: 6px 20px; font: inherit; border: 1px solid #8a8a8a; background: #fff; cursor: pointer; }
  .button.primary { background: #0067b8; color: #fff; border-color: #0067b8; }
  .button:focus-visible { outline: 2px solid #1b1b1b; outline-offset: 2px; }
  .error { border-left: 4px solid #d13438; padding-left: 12px; }
  code { word-break: break-all; }
  ul.scopes { padding-left: 20px; }
`;

/** A complete HTML document in the simulator's sign-in look. */
export function signInPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${SIGN_IN_STYLES}</style>
</head>
<body>
<main>
<div class="brand" aria-hidden="true">Microsoft (simulated)</div>
${body}
</main>
</body>
</html>`;
}
