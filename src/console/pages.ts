/**
 * The console's pages, rendered on the server in the current language: every text that comes from
 * the SPE, the PI or the configuration goes through escapeHtml. No inline script or style (the CSP
 * allows only our own /assets); forms work without JavaScript.
 */

import { formatDay, formatInstant } from '../i18n/format.js';
import { formatNumber, t, type MessageKey } from '../i18n/translate.js';
import type { ComplianceReport } from '../report/compliance.js';
import { escapeHtml, reportHtmlBody } from '../report/formats.js';
import type { AttemptRow, PackageRow, PackageState, RunRow, StoreStatus } from '../store/store.js';
import { maskCpfsInText } from '../standard/cpf.js';
import { formatNup } from '../standard/nup.js';
import type { Problem } from '../standard/problems.js';

const h = escapeHtml;
/** A message of the PI or of a check, shown to people: escaped, and a CPF in it masked as the SEI module does. */
const msg = (text: string | null | undefined): string => h(maskCpfsInText(text ?? ''));

export type PageName = 'overview' | 'packages' | 'package' | 'runs' | 'compliance' | 'login' | 'error';

export interface PageContext {
  timeZone: string;
  store: string;
  language: string;
  csrf: string;
  allowActions: boolean;
  now: number;
}

const NAV: Array<[PageName, string, MessageKey & `page.${string}`]> = [
  ['overview', '/', 'page.overview'],
  ['packages', '/pacotes', 'page.packages'],
  ['runs', '/execucoes', 'page.runs'],
  ['compliance', '/conformidade', 'page.compliance'],
];

/** The page around a body: header with the navigation, the body, a footer. */
export function layout(ctx: PageContext, active: PageName, title: string, body: string, options: { refreshSeconds?: number } = {}): string {
  const nav = NAV.map(
    ([name, href, key]) =>
      `<a href="${href}"${name === active || (active === 'package' && name === 'packages') ? ' aria-current="page"' : ''}>${h(t(key as 'page.overview'))}</a>`,
  ).join('');
  return `<!doctype html>
<html lang="${h(ctx.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(title)} - ${h(t('page.title'))}</title>
<link rel="stylesheet" href="/assets/console.css">
<script src="/assets/console.js" defer></script>
</head>
<body${options.refreshSeconds ? ` data-refresh="${options.refreshSeconds}"` : ''}>
<header><strong>${h(t('page.title'))}</strong><nav>${active === 'login' ? '' : nav}</nav></header>
<main>
<h1>${h(title)}</h1>
${body}
</main>
<footer>${h(t('page.store', { file: ctx.store }))} · ${h(t('page.generated', { when: formatInstant(ctx.now, ctx.timeZone) }))}</footer>
</body>
</html>
`;
}

const when = (ctx: PageContext, iso: string | null | undefined): string => h(formatInstant(iso, ctx.timeZone));
const stateCell = (s: PackageState): string => `<span class="state state-${s}" title="${h(t(`state.${s}`))}">${s}</span> ${h(t(`state.${s}`))}`;
/** A Protocolo as people read it: a 17-digit NUP with its punctuation, others as they are. */
const nup = (p: string | null): string => (p && /^\d{17}$/.test(p) ? formatNup(p) : (p ?? ''));
const nupLink = (r: Pick<PackageRow, 'id' | 'protocolo'>): string => `<a href="/pacotes/${r.id}">${h(r.protocolo ? nup(r.protocolo) : `#${r.id}`)}</a>`;

export interface OverviewData {
  status: StoreStatus;
  hoursSinceSuccess: number | null;
  runs: RunRow[];
  chart: Array<{ day: string; accepted: number; failures: number }>;
  oldest: PackageRow[];
}

export function overviewPage(ctx: PageContext, d: OverviewData): string {
  const c = d.status.counts;
  const cards = (['NI', 'I', 'EN', 'FI'] as const)
    .map((s) => `<div class="card"><a href="/pacotes?state=${s}&amp;all=1"><span class="n">${h(formatNumber(c[s]))}</span>${stateCell(s)}</a></div>`)
    .join('');
  const since = d.hoursSinceSuccess;
  const level = since === null || since > 48 ? 'red' : since > 24 ? 'amber' : 'green';
  const health =
    since === null
      ? h(t('overview.never'))
      : `${when(ctx, d.status.lastSuccessAt)}: ${h(t('overview.hoursAgo', { hours: Math.round(since * 10) / 10 }))}; ${h(t(`overview.${level}`))}`;
  const oldest = d.oldest.length ? packageTable(ctx, d.oldest) : `<p class="muted">${h(t('overview.nonePending'))}</p>`;
  return layout(
    ctx,
    'overview',
    t('page.overview'),
    `<h2>${h(t('overview.states'))}</h2><div class="cards">${cards}</div>
<h2>${h(t('overview.lastSuccess'))}</h2><p class="status ${level}" data-level="${level}">${health}</p>
<h2>${h(t('overview.chart'))}</h2>${chartSvg(d.chart)}
<p class="legend"><span class="accepted"></span>${h(t('overview.chartAccepted'))}<span class="failures"></span>${h(t('overview.chartFailures'))}</p>
<h2>${h(t('overview.lastRuns'))}</h2>${runsTable(ctx, d.runs)}
<h2>${h(t('overview.oldest'))}</h2>${oldest}`,
    { refreshSeconds: 60 },
  );
}

/** Bars per day, accepted above failures, as inline SVG (no script, no external resource). */
function chartSvg(days: OverviewData['chart']): string {
  const width = 900;
  const height = 180;
  const bar = width / Math.max(days.length, 1);
  const max = Math.max(1, ...days.map((d) => d.accepted + d.failures));
  const rects = days
    .map((d, i) => {
      const ha = (d.accepted / max) * (height - 30);
      const hf = (d.failures / max) * (height - 30);
      const x = i * bar + 2;
      const label = `${formatDay(d.day)}: ${formatNumber(d.accepted)} ${t('overview.chartAccepted')}, ${formatNumber(d.failures)} ${t('overview.chartFailures')}`;
      return `<g><title>${h(label)}</title><rect class="accepted" x="${x.toFixed(1)}" y="${(height - 20 - ha).toFixed(1)}" width="${(bar - 4).toFixed(1)}" height="${ha.toFixed(1)}"/><rect class="failures" x="${x.toFixed(1)}" y="${(height - 20 - ha - hf).toFixed(1)}" width="${(bar - 4).toFixed(1)}" height="${hf.toFixed(1)}"/></g>`;
    })
    .join('');
  const first = days[0] ? formatDay(days[0].day) : '';
  const last = days[days.length - 1] ? formatDay(days[days.length - 1]!.day) : '';
  return `<svg class="chart" role="img" aria-label="${h(t('overview.chart'))}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${rects}<text x="2" y="${height - 4}" font-size="11">${h(first)}</text><text x="${width - 2}" y="${height - 4}" font-size="11" text-anchor="end">${h(last)}</text></svg>`;
}

function packageTable(ctx: PageContext, rows: PackageRow[], sort?: { by: string; desc: boolean; link: (by: string, desc: boolean) => string }): string {
  const col = (key: MessageKey, by?: string): string => {
    if (!sort || !by) return `<th scope="col">${h(t(key as 'col.id'))}</th>`;
    const active = sort.by === by;
    const desc = active ? !sort.desc : true;
    return `<th scope="col"${active ? ` aria-sort="${sort.desc ? 'descending' : 'ascending'}"` : ''}><a href="${h(sort.link(by, desc))}">${h(t(key as 'col.id'))}${active ? (sort.desc ? ' ▼' : ' ▲') : ''}</a></th>`;
  };
  const head = [
    col('col.id', 'id'),
    col('col.protocolo', 'protocolo'),
    col('col.state', 'state'),
    col('col.attempts', 'attempts'),
    col('col.created', 'created_at'),
    col('col.sent', 'sent_at'),
    col('col.code'),
    col('col.message'),
  ].join('');
  const body = rows
    .map(
      (r) =>
        `<tr data-id="${r.id}"><td class="num"><a href="/pacotes/${r.id}">${r.id}</a></td><td>${nupLink(r)}</td><td>${stateCell(r.state)}</td><td class="num">${r.attempts}</td><td>${when(ctx, r.created_at)}</td><td>${when(ctx, r.sent_at)}</td><td>${h(r.code ?? '')}</td><td>${msg((r.message ?? '').slice(0, 160))}</td></tr>`,
    )
    .join('\n');
  return `<table class="packages"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function runsTable(ctx: PageContext, runs: RunRow[]): string {
  const head = ['col.run', 'col.when', 'col.window', 'col.status', 'col.duration', 'col.counts', 'col.error']
    .map((k) => `<th scope="col">${h(t(k as 'col.run'))}</th>`)
    .join('');
  const body = runs
    .map((r) => {
      const counts = r.counts ? (JSON.parse(r.counts) as { send?: Record<string, number> }).send : undefined;
      const seconds = r.finished_at ? Math.round((Date.parse(r.finished_at) - Date.parse(r.started_at)) / 100) / 10 : null;
      const status = ['ok', 'failed', 'interrupted', 'running'].includes(r.status) ? t(`run.${r.status}` as 'run.ok') : r.status;
      return `<tr><td class="num">${r.id}</td><td>${when(ctx, r.started_at)}</td><td>${h(r.since && r.until ? `${r.since} → ${r.until}` : '')}</td><td class="run-${h(r.status)}">${h(status)}</td><td class="num">${seconds === null ? '' : h(`${formatNumber(seconds)} s`)}</td><td>${counts ? h(t('run.counts', { accepted: counts['accepted'] ?? 0, rejected: counts['rejected'] ?? 0, invalid: counts['invalid'] ?? 0, failed: counts['failed'] ?? 0 })) : ''}</td><td>${msg(r.error)}</td></tr>`;
    })
    .join('\n');
  return `<table class="runs"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

export interface PackagesData {
  rows: PackageRow[];
  total: number;
  page: number;
  pages: number;
  /** The filters as typed (echoed into the form). */
  form: Record<string, string>;
  sort: { by: string; desc: boolean };
  /** The query string of these filters, to build links (sorting, paging, CSV). */
  query: (changes: Record<string, string | undefined>) => string;
  error?: string;
}

export function packagesPage(ctx: PageContext, d: PackagesData): string {
  const f = d.form;
  const input = (name: string, key: MessageKey, placeholder = ''): string =>
    `<label>${h(t(key as 'filter.unit'))}<input name="${name}" value="${h(f[name] ?? '')}"${placeholder ? ` placeholder="${h(placeholder)}"` : ''}></label>`;
  const states = ['', 'NI', 'I', 'EN', 'FI']
    .map(
      (s) =>
        `<option value="${s}"${(f['state'] ?? '') === s ? ' selected' : ''}>${s ? `${s} - ${h(t(`state.${s}` as 'state.NI'))}` : h(t('filter.any'))}</option>`,
    )
    .join('');
  const form = `<form class="filters" method="get" action="/pacotes">
<label>${h(t('filter.state'))}<select name="state">${states}</select></label>
${input('protocolo', 'filter.protocolo', '99991.000007/2025-30')}
${input('unit', 'filter.unit')}
${input('code', 'filter.code', 'NF002')}
${input('createdFrom', 'filter.createdFrom', 'DD/MM/AAAA')}
${input('createdUntil', 'filter.createdUntil', 'DD/MM/AAAA')}
${input('sentFrom', 'filter.sentFrom', 'DD/MM/AAAA')}
${input('sentUntil', 'filter.sentUntil', 'DD/MM/AAAA')}
<input type="hidden" name="sort" value="${h(d.sort.by)}"><input type="hidden" name="dir" value="${d.sort.desc ? 'desc' : 'asc'}">
<button type="submit">${h(t('filter.apply'))}</button>
<a class="button secondary" href="/pacotes">${h(t('filter.clear'))}</a>
<a class="button secondary" href="/pacotes?all=1">${h(t('filter.all'))}</a>
<a class="button secondary" id="csv" href="${h(`/pacotes.csv${d.query({ page: undefined })}`)}">${h(t('filter.csv'))}</a>
</form>`;
  const pager = (top: boolean): string =>
    `<div class="pager"><span${top ? ' id="count"' : ''}>${h(t('list.count', { total: d.total, page: d.page, pages: d.pages }))}</span>${
      d.page > 1 ? `<a href="${h(`/pacotes${d.query({ page: String(d.page - 1) })}`)}">${h(t('list.previous'))}</a>` : ''
    }${d.page < d.pages ? `<a${top ? ' rel="next"' : ''} href="${h(`/pacotes${d.query({ page: String(d.page + 1) })}`)}">${h(t('list.next'))}</a>` : ''}</div>`;
  const table = d.rows.length
    ? packageTable(ctx, d.rows, { ...d.sort, link: (by, desc) => `/pacotes${d.query({ sort: by, dir: desc ? 'desc' : 'asc', page: undefined })}` })
    : `<p class="muted">${h(t('list.none'))}</p>`;
  return layout(ctx, 'packages', t('page.packages'), `${form}${d.error ? `<p class="error">${h(d.error)}</p>` : ''}${pager(true)}${table}${pager(false)}`);
}

export interface PackageData {
  row: PackageRow;
  attempts: AttemptRow[];
  units: string[];
  xml: string | null;
  notice?: string;
}

export function packagePage(ctx: PageContext, d: PackageData): string {
  const r = d.row;
  const problems = r.problems ? (JSON.parse(r.problems) as Problem[]) : [];
  const origin = r.origin && ['pi', 'validation', 'transport'].includes(r.origin) ? t(`package.origin.${r.origin}` as 'package.origin.pi') : '';
  const summary = `<table class="summary"><tbody>
<tr><th scope="row">${h(t('col.protocolo'))}</th><td id="protocolo">${h(nup(r.protocolo))}</td></tr>
<tr><th scope="row">${h(t('col.state'))}</th><td>${stateCell(r.state)}</td></tr>
<tr><th scope="row">${h(t('col.attempts'))}</th><td>${r.attempts}</td></tr>
<tr><th scope="row">${h(t('col.created'))}</th><td>${when(ctx, r.created_at)}</td></tr>
<tr><th scope="row">${h(t('col.sent'))}</th><td>${when(ctx, r.sent_at)}</td></tr>
<tr><th scope="row">${h(t('col.changed'))}</th><td>${when(ctx, r.state_at)}</td></tr>
<tr><th scope="row">${h(t('col.message'))}</th><td>${msg([r.code, r.message].filter(Boolean).join(' - '))}${origin ? ` <span class="muted">(${h(origin)})</span>` : ''}</td></tr>
<tr><th scope="row">${h(t('col.units'))}</th><td>${d.units.map(h).join('<br>')}</td></tr>
</tbody></table>`;
  const resend = ctx.allowActions
    ? `<form method="post" action="/pacotes/${r.id}/reenviar" data-confirm="${h(t('package.resendHint'))}"><input type="hidden" name="csrf" value="${h(ctx.csrf)}"><button type="submit" id="resend">${h(t('package.resend'))}</button> <span class="muted">${h(t('package.resendHint'))}</span></form>`
    : `<p class="muted">${h(t('page.readOnly'))}</p>`;
  const attempts = d.attempts.length
    ? `<table class="attempts"><thead><tr><th scope="col">${h(t('col.when'))}</th><th scope="col">${h(t('col.outcome'))}</th><th scope="col">${h(t('col.code'))}</th><th scope="col">${h(t('col.message'))}</th><th scope="col">${h(t('col.protocolo'))}</th></tr></thead><tbody>${d.attempts
        .map(
          (a) =>
            `<tr><td>${when(ctx, a.at)}</td><td>${h(t(`outcome.${a.outcome}` as 'outcome.accepted'))}</td><td>${h(a.code ?? '')}</td><td>${msg(a.message)}</td><td>${h(a.protocolo ?? '')}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : `<p class="muted">${h(t('package.noAttempts'))}</p>`;
  const problemList = problems.length
    ? `<h2>${h(t('package.problems'))}</h2><table class="problems"><thead><tr><th scope="col">${h(t('col.code'))}</th><th scope="col">${h(t('col.field'))}</th><th scope="col">${h(t('col.message'))}</th></tr></thead><tbody>${problems
        .map((p) => `<tr><td>${h(p.code)}</td><td>${h(p.field ?? '')}</td><td>${msg(p.message)}</td></tr>`)
        .join('')}</tbody></table>`
    : '';
  const xml = d.xml ? `<pre class="xml" id="xml">${d.xml}</pre>` : `<p class="muted">${h(t('package.notBuilt'))}</p>`;
  return layout(
    ctx,
    'package',
    t('page.package', { id: String(r.id) }),
    `${d.notice ? `<p class="notice" role="status">${h(d.notice)}</p>` : ''}<h2>${h(t('package.summary'))}</h2>${summary}${resend}
<h2>${h(t('package.attempts'))}</h2>${attempts}${problemList}
<h2>${h(t('package.xml'))}</h2>${xml}`,
  );
}

export function runsPage(ctx: PageContext, runs: RunRow[], page: number, pages: number): string {
  const pager = `<div class="pager"><span>${h(t('list.pageOf', { page, pages }))}</span>${
    page > 1 ? `<a href="/execucoes?page=${page - 1}">${h(t('list.previous'))}</a>` : ''
  }${page < pages ? `<a href="/execucoes?page=${page + 1}">${h(t('list.next'))}</a>` : ''}</div>`;
  return layout(ctx, 'runs', t('page.runs'), `${runsTable(ctx, runs)}${pager}`);
}

export function compliancePage(ctx: PageContext, month: string, report: ComplianceReport | undefined, error?: string): string {
  const form = `<form class="filters" method="get" action="/conformidade"><label>${h(t('compliance.month'))}<input type="month" name="month" value="${h(month)}"></label><button type="submit">${h(t('compliance.show'))}</button>
<a class="button secondary" id="report-html" href="/conformidade.html?month=${encodeURIComponent(month)}">${h(t('compliance.html'))}</a>
<a class="button secondary" id="report-csv" href="/conformidade.csv?month=${encodeURIComponent(month)}">${h(t('compliance.csv'))}</a></form>`;
  return layout(ctx, 'compliance', t('page.compliance'), `${form}${error ? `<p class="error">${h(error)}</p>` : ''}${report ? reportHtmlBody(report) : ''}`);
}

export function loginPage(ctx: PageContext, failed: boolean): string {
  return layout(
    ctx,
    'login',
    t('page.login'),
    `${failed ? `<p class="error">${h(t('page.badToken'))}</p>` : ''}<form method="post" action="/entrar"><label>${h(t('page.token'))} <input type="password" name="token" autocomplete="current-password" required></label> <button type="submit">${h(t('page.login'))}</button></form>`,
  );
}

export function messagePage(ctx: PageContext, title: string, text: string): string {
  return layout(ctx, 'error', title, `<p class="error">${h(text)}</p>`);
}
