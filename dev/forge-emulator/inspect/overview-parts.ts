import { html, type Markup } from './html';
import type { Bounded } from './overview-model';

/** The page's only styles: inline, light and dark, no external assets. */
export const OVERVIEW_STYLE = `
:root { color-scheme: light dark; --fg: #172b4d; --muted: #626f86; --line: #dcdfe4; --bg: #fff;
  --head: #f7f8f9; --bad: #ae2e24; --ok: #216e4e; --code: #f1f2f4; }
@media (prefers-color-scheme: dark) { :root { --fg: #dee4ea; --muted: #9fadbc; --line: #38414a;
  --bg: #1d2125; --head: #22272b; --bad: #fd9891; --ok: #7ee2b8; --code: #2c333a; } }
body { font: 14px/1.45 system-ui, sans-serif; color: var(--fg); background: var(--bg); margin: 0; }
header { padding: 16px 24px; border-bottom: 1px solid var(--line); background: var(--head); }
header h1 { margin: 0 0 4px; font-size: 20px; }
nav a { margin-right: 14px; }
main { padding: 8px 24px 40px; max-width: 1400px; }
h2 { font-size: 16px; margin: 28px 0 8px; }
h3 { font-size: 14px; margin: 16px 0 6px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--line); }
th { color: var(--muted); font-weight: 600; }
code, .mono { font: 12px/1.4 ui-monospace, monospace; }
td.value { font: 12px/1.4 ui-monospace, monospace; word-break: break-all; background: var(--code); }
.muted { color: var(--muted); } .bad { color: var(--bad); } .ok { color: var(--ok); }
pre.log { margin: 0; white-space: pre-wrap; word-break: break-word; }
a { color: #0c66e4; } @media (prefers-color-scheme: dark) { a { color: #579dff; } }
`;

/** "Showing 200 of 512 …" when a list was cut. */
export const more = (list: Bounded<unknown>, what: string): Markup | undefined =>
  list.total > list.rows.length
    ? html`<p class="muted">Showing ${list.rows.length} of ${list.total} ${what}.</p>`
    : undefined;
export const none = (text: string) => html`<p class="muted">${text}</p>`;
