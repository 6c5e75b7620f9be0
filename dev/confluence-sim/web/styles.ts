/** A light Confluence-like look: white top bar, grey sidebar, blue accents (Atlassian's palette). */
export const STYLES = `
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,sans-serif;color:#172b4d;background:#fff}
a{color:#0c66e4;text-decoration:none}a:hover{text-decoration:underline}
.topbar{display:flex;align-items:center;gap:16px;height:56px;padding:0 16px;border-bottom:1px solid #dcdfe4;background:#fff;position:sticky;top:0;z-index:5}
.brand{font-weight:700;color:#0c66e4;font-size:16px}.brand small{color:#626f86;font-weight:400}
.topbar nav{display:flex;gap:14px;align-items:center;flex:1}
.menu{position:relative}.menu summary{cursor:pointer;list-style:none;color:#44546f;font-weight:500}
.menu summary::-webkit-details-marker{display:none}
.menu>div{position:absolute;top:28px;left:0;min-width:200px;background:#fff;border:1px solid #dcdfe4;border-radius:4px;box-shadow:0 4px 8px rgba(9,30,66,.15);padding:6px 0}
.menu>div a,.menu>div button,.menu>div span{display:block;padding:6px 14px;white-space:nowrap;background:none;border:0;font:inherit;color:#172b4d;text-align:left;width:100%;cursor:pointer}
.menu>div a:hover,.menu>div button:hover{background:#f1f2f4;text-decoration:none}
.user-switcher select{padding:4px 6px;border:1px solid #8590a2;border-radius:4px}
.shell{display:flex;min-height:calc(100vh - 56px)}
.sidebar{width:250px;flex:none;background:#f7f8f9;border-right:1px solid #dcdfe4;padding:16px}
.sidebar h3{font-size:12px;text-transform:uppercase;color:#626f86;margin:16px 0 6px}
.sidebar ul{list-style:none;margin:0;padding-left:12px}.sidebar>ul{padding-left:0}
.content{flex:1;padding:24px 40px;max-width:1000px}
.breadcrumb{color:#626f86;font-size:13px}
.byline{color:#626f86;font-size:13px;margin-bottom:16px}
.toolbar{display:flex;gap:8px;align-items:center;float:right}
.btn{display:inline-block;padding:6px 12px;border-radius:3px;border:0;background:#f1f2f4;color:#172b4d;font:inherit;cursor:pointer}
.btn-primary{background:#0c66e4;color:#fff}
.label{display:inline-block;background:#e9f2ff;color:#0055cc;border-radius:3px;padding:0 6px;margin-right:4px;font-size:12px}
.comment{border-left:3px solid #dcdfe4;padding:4px 12px;margin:10px 0}.comment .comment{margin-left:16px}
.notice{background:#fff7d6;border:1px solid #f5cd47;padding:12px;border-radius:4px}
.error{background:#ffeceb;border:1px solid #f87168;padding:12px;border-radius:4px}
form.stack label{display:block;margin:12px 0 4px;font-weight:600}
form.stack input[type=text],form.stack textarea,form.stack select{width:100%;padding:6px;border:1px solid #8590a2;border-radius:3px;font:inherit}
form.stack textarea{min-height:260px;font-family:ui-monospace,monospace}
dialog{width:min(900px,95vw);border:0;border-radius:6px;box-shadow:0 8px 24px rgba(9,30,66,.3);padding:0}
dialog .modal-head{display:flex;justify-content:space-between;align-items:center;padding:12px 16px;border-bottom:1px solid #dcdfe4}
.forge-container{min-height:120px;padding:8px 0}
table{border-collapse:collapse}td,th{border-bottom:1px solid #dcdfe4;padding:6px 10px;text-align:left}
pre{background:#f7f8f9;padding:8px;overflow:auto;font-size:12px}
.compare-head{display:flex;gap:24px;margin-bottom:12px}.compare-side{flex:1;border:1px solid #dcdfe4;border-radius:4px;padding:8px 12px}
.diff{border:1px solid #dcdfe4;border-radius:4px;padding:6px 0}.diff>div{padding:2px 12px}
.diff-mark{display:inline-block;width:18px;color:#626f86}.diff-added{background:#dcfff1}.diff-removed{background:#ffeceb;text-decoration:line-through}
ins.diff-added,del.diff-removed{padding:0 2px}
`;
