/**
 * A Confluence-like look in both themes: white (or dark) top bar, sunken sidebar, blue accents.
 * Every colour is a custom property; the dark values are those of Atlassian's design tokens
 * (`@atlaskit/tokens`, theme `atlassian-dark`), so the shell matches the app rendered inside it.
 */
const LIGHT = `
--text:#172b4d;--text-subtle:#44546f;--text-subtlest:#626f86;--text-inverse:#fff;
--link:#0c66e4;--brand:#0c66e4;--surface:#fff;--surface-sunken:#f7f8f9;--surface-overlay:#fff;
--border:#dcdfe4;--border-input:#8590a2;--input:#fff;--neutral:#f1f2f4;--neutral-hovered:#dcdfe4;
--label-bg:#e9f2ff;--label-text:#0055cc;--warning-bg:#fff7d6;--warning-border:#f5cd47;
--danger-bg:#ffeceb;--danger-border:#f87168;--success-bg:#dcfff1;--shadow:rgba(9,30,66,.15);
--blanket:rgba(5,12,31,.46);color-scheme:light`;

const DARK = `
--text:#cecfd2;--text-subtle:#a9abaf;--text-subtlest:#96999e;--text-inverse:#1f1f21;
--link:#669df1;--brand:#669df1;--surface:#1f1f21;--surface-sunken:#18191a;--surface-overlay:#2b2c2f;
--border:#e3e4f21f;--border-input:#7e8188;--input:#242528;--neutral:#ceced912;--neutral-hovered:#e3e4f21f;
--label-bg:#1c2b42;--label-text:#8fb8f6;--warning-bg:#3a2c1f;--warning-border:#f68909;
--danger-bg:#42221f;--danger-border:#f15b50;--success-bg:#28311b;--shadow:rgba(1,4,4,.5);
--blanket:rgba(16,18,20,.6);color-scheme:dark`;

export const STYLES = `
:root{${LIGHT}}
:root[data-color-mode=dark]{${DARK}}
@media (prefers-color-scheme:dark){:root[data-color-mode=auto]{${DARK}}}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,sans-serif;color:var(--text);background:var(--surface)}
a{color:var(--link);text-decoration:none}a:hover{text-decoration:underline}
.topbar{display:flex;align-items:center;gap:16px;height:56px;padding:0 16px;border-bottom:1px solid var(--border);background:var(--surface);position:sticky;top:0;z-index:5}
.brand{font-weight:700;color:var(--brand);font-size:16px}.brand small{color:var(--text-subtlest);font-weight:400}
.topbar nav{display:flex;gap:14px;align-items:center;flex:1}
.menu{position:relative}.menu summary{cursor:pointer;list-style:none;color:var(--text-subtle);font-weight:500}
.menu summary::-webkit-details-marker{display:none}
.menu>div{position:absolute;top:28px;left:0;min-width:200px;background:var(--surface-overlay);border:1px solid var(--border);border-radius:4px;box-shadow:0 4px 8px var(--shadow);padding:6px 0}
.menu.end>div{left:auto;right:0;min-width:160px}
.menu>div a,.menu>div button,.menu>div span{display:block;padding:6px 14px;white-space:nowrap;background:none;border:0;font:inherit;color:var(--text);text-align:left;width:100%;cursor:pointer}
.menu>div a:hover,.menu>div button:hover{background:var(--neutral);text-decoration:none}
.menu>div a[aria-current]{font-weight:600;box-shadow:inset 2px 0 0 var(--brand)}
.user-switcher select{padding:4px 6px;border:1px solid var(--border-input);border-radius:4px;background:var(--input);color:var(--text)}
.shell{display:flex;min-height:calc(100vh - 56px)}
.sidebar{width:250px;flex:none;background:var(--surface-sunken);border-right:1px solid var(--border);padding:16px}
.sidebar h3{font-size:12px;text-transform:uppercase;color:var(--text-subtlest);margin:16px 0 6px}
.sidebar ul{list-style:none;margin:0;padding-left:12px}.sidebar>ul{padding-left:0}
.content{flex:1;padding:24px 40px;max-width:1000px}
.breadcrumb{color:var(--text-subtlest);font-size:13px}
.byline{color:var(--text-subtlest);font-size:13px;margin-bottom:16px}
.toolbar{display:flex;gap:8px;align-items:center;float:right}
.btn{display:inline-block;padding:6px 12px;border-radius:3px;border:0;background:var(--neutral);color:var(--text);font:inherit;cursor:pointer}
.btn:hover{background:var(--neutral-hovered);text-decoration:none}
.btn-primary,.btn-primary:hover{background:var(--brand);color:var(--text-inverse)}
.label{display:inline-block;background:var(--label-bg);color:var(--label-text);border-radius:3px;padding:0 6px;margin-right:4px;font-size:12px}
.comment{border-left:3px solid var(--border);padding:4px 12px;margin:10px 0}.comment .comment{margin-left:16px}
.notice{background:var(--warning-bg);border:1px solid var(--warning-border);padding:12px;border-radius:4px}
.error{background:var(--danger-bg);border:1px solid var(--danger-border);padding:12px;border-radius:4px}
form.stack label{display:block;margin:12px 0 4px;font-weight:600}
form.stack input[type=text],form.stack textarea,form.stack select{width:100%;padding:6px;border:1px solid var(--border-input);border-radius:3px;font:inherit;background:var(--input);color:var(--text)}
form.stack textarea{min-height:260px;font-family:ui-monospace,monospace}
dialog{width:min(900px,95vw);border:0;border-radius:6px;box-shadow:0 8px 24px var(--shadow);padding:0;background:var(--surface-overlay);color:var(--text)}
dialog::backdrop{background:var(--blanket)}
.forge-container{min-height:120px;padding:8px 0}
table{border-collapse:collapse}td,th{border-bottom:1px solid var(--border);padding:6px 10px;text-align:left}
pre{background:var(--surface-sunken);padding:8px;overflow:auto;font-size:12px}
.compare-head{display:flex;gap:24px;margin-bottom:12px}.compare-side{flex:1;border:1px solid var(--border);border-radius:4px;padding:8px 12px}
.diff{border:1px solid var(--border);border-radius:4px;padding:6px 0}.diff>div{padding:2px 12px}
.diff-mark{display:inline-block;width:18px;color:var(--text-subtlest)}.diff-added{background:var(--success-bg)}.diff-removed{background:var(--danger-bg);text-decoration:line-through}
ins.diff-added,del.diff-removed{padding:0 2px}
.mention{display:inline-block;padding:0 6px;border-radius:20px;background:var(--neutral);color:var(--text-subtle);line-height:1.5}
.mention-me{background:var(--brand);color:var(--text-inverse)}
.btn .icon{width:16px;height:16px;vertical-align:-3px;margin-right:4px;fill:none;stroke:currentColor;stroke-width:2}
.btn[aria-pressed=true]{background:var(--label-bg);color:var(--label-text)}
.title-row{display:flex;align-items:baseline;gap:12px;flex-wrap:wrap}
`;
