/**
 * The console's style sheet and its one small script, compiled into the package (nothing is fetched
 * at run time, no CDN). The pages work without the script: it only asks for a confirmation before a
 * resend and keeps the overview fresh.
 */

export const CONSOLE_CSS = `
:root { --ok: #14532d; --ok-bg: #e3f4e6; --warn: #7c4a03; --warn-bg: #fff4e5; --bad: #7f1d1d; --bad-bg: #fde8e8; --line: #d6d6d6; --muted: #555; --brand: #1351b4; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1b; background: #f7f7f8; }
header { background: var(--brand); color: #fff; padding: .6rem 1.2rem; display: flex; flex-wrap: wrap; gap: 1.2rem; align-items: center; }
header strong { font-size: 1.05rem; margin-right: 1rem; }
header a { color: #fff; text-decoration: none; padding: .2rem .4rem; border-radius: 3px; }
header a[aria-current="page"], header a:hover { background: rgba(255,255,255,.18); }
main { padding: 1rem 1.2rem 2rem; max-width: 1400px; }
h1 { font-size: 1.35rem; margin: .4rem 0 1rem; }
h2 { font-size: 1.1rem; margin: 1.4rem 0 .6rem; }
.cards { display: flex; flex-wrap: wrap; gap: .8rem; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .7rem 1rem; min-width: 11rem; }
.card .n { font-size: 1.6rem; font-weight: 600; display: block; }
.card a { color: inherit; text-decoration: none; }
.status { padding: .7rem 1rem; border-radius: 6px; border: 1px solid; }
.green { background: var(--ok-bg); color: var(--ok); border-color: #86c596; }
.amber { background: var(--warn-bg); color: var(--warn); border-color: #f0b35a; }
.red { background: var(--bad-bg); color: var(--bad); border-color: #e6a1a1; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #eef1f6; font-weight: 600; }
th a { color: inherit; }
td.num { text-align: right; }
.state { font-weight: 600; white-space: nowrap; }
.state-I { color: var(--ok); } .state-EN { color: var(--bad); } .state-FI { color: var(--warn); } .state-NI { color: #334; }
form.filters { display: flex; flex-wrap: wrap; gap: .6rem 1rem; align-items: flex-end; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .7rem; margin-bottom: .8rem; }
form.filters label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); }
input, select, button { font: inherit; padding: .25rem .4rem; }
button, .button { background: var(--brand); color: #fff; border: 0; border-radius: 4px; padding: .35rem .8rem; cursor: pointer; text-decoration: none; display: inline-block; }
.button.secondary { background: #e3e7ee; color: #1b1b1b; }
.pager { display: flex; gap: 1rem; align-items: center; margin: .6rem 0; }
.muted { color: var(--muted); }
.notice { background: var(--ok-bg); border: 1px solid #86c596; padding: .5rem .8rem; border-radius: 4px; }
.error { background: var(--bad-bg); border: 1px solid #e6a1a1; padding: .5rem .8rem; border-radius: 4px; }
pre.xml { background: #fff; border: 1px solid var(--line); padding: .7rem; overflow-x: auto; font-size: .85rem; }
.x-tag { color: #1351b4; } .x-text { color: #1b1b1b; } .x-decl { color: #777; }
svg.chart { background: #fff; border: 1px solid var(--line); border-radius: 6px; max-width: 100%; height: auto; }
svg.chart .accepted { fill: #3b8a4a; } svg.chart .failures { fill: #c0392b; }
.legend span { display: inline-block; width: .8rem; height: .8rem; margin: 0 .3rem 0 1rem; vertical-align: middle; }
.legend .accepted { background: #3b8a4a; } .legend .failures { background: #c0392b; }
footer { color: var(--muted); font-size: .8rem; padding: 0 1.2rem 1rem; }
.verdict { display: inline-block; padding: .4rem .8rem; border-radius: 4px; font-weight: 600; }
.verdict.ok { background: var(--ok-bg); color: var(--ok); border: 1px solid #86c596; }
.verdict.bad { background: var(--bad-bg); color: var(--bad); border: 1px solid #e6a1a1; }
tr.exceeded td { background: var(--warn-bg); }
@media print { header, form, .pager, footer { display: none; } body { background: #fff; } }
`;

/** Confirms a resend; refreshes the overview every minute. Loaded from /assets/console.js ('self'). */
export const CONSOLE_JS = `
document.addEventListener('submit', function (event) {
  var form = event.target;
  var question = form.getAttribute('data-confirm');
  if (question && !window.confirm(question)) event.preventDefault();
});
if (document.body.getAttribute('data-refresh')) {
  setTimeout(function () { window.location.reload(); }, Number(document.body.getAttribute('data-refresh')) * 1000);
}
`;
