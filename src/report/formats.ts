/**
 * The compliance report for people and programs: a table for a terminal, CSV (stable English
 * header, ISO days, decimal point), JSON (the report as it is), and a self-contained HTML page to
 * print to PDF for an auditor. Everything from the store or the configuration is escaped.
 */

import { formatDay, formatInstant } from '../i18n/format.js';
import { formatNumber, t } from '../i18n/translate.js';
import { LIMIT_HOURS, type ComplianceReport, type ReportDay, type ReportGap } from './compliance.js';

export const REPORT_FORMATS = ['table', 'csv', 'json', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const COLUMNS: ReadonlyArray<keyof ReportDay> = [
  'day',
  'runs',
  'successfulRuns',
  'accepted',
  'rejected',
  'invalid',
  'failed',
  'longestGapHours',
  'gapExceeded',
  'pendingAtEnd',
  'oldestPendingHours',
];

/** `&`, `<`, `>`, `"` and `'` as HTML entities: any text of the SPE or the configuration goes through it. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function hours(h: number | null): string {
  return h === null ? '–' : t('report.hours', { hours: h });
}

function gapText(g: ReportGap, zone: string): string {
  return t(g.open ? 'report.gapOpen' : 'report.gap', {
    hours: g.hours,
    from: formatInstant(g.from, zone),
    until: formatInstant(g.until, zone),
  });
}

/** The summary's sentences, in the current language. */
export function summaryLines(r: ComplianceReport): string[] {
  const s = r.summary;
  const zone = r.period.timeZone;
  const shown = s.daysWithoutSuccess.slice(0, 10).map((d) => formatDay(d));
  const verdict =
    s.firstRecordAt === null || s.firstRecordAt >= r.period.end
      ? t('report.noRecord')
      : s.compliant
        ? t('report.compliant', { limit: LIMIT_HOURS })
        : t('report.notCompliant', { limit: LIMIT_HOURS, count: s.violations.length });
  const lines = [
    verdict,
    s.worstGap ? t('report.worstGap', { gap: gapText(s.worstGap, zone) }) : t('report.noGap'),
    t('report.daysWithoutSuccess', {
      count: s.daysWithoutSuccess.length,
      days: (s.daysWithoutSuccess.length > shown.length ? [...shown, '...'] : shown).join(', ') || '–',
    }),
    ...(s.firstRecordAt && s.firstRecordAt > r.period.start ? [t('report.firstRecord', { when: formatInstant(s.firstRecordAt, zone) })] : []),
    t('report.totals', { ...s }),
    t('report.lastSuccess', { when: formatInstant(s.lastSuccessAt, zone) }),
  ];
  for (const v of s.violations) lines.push(t('report.violation', { gap: gapText(v, zone) }));
  return lines;
}

function header(r: ComplianceReport): string[] {
  return [
    t('report.title'),
    ...(r.agency ? [r.agency] : []),
    t('report.period', { from: formatDay(r.period.from), until: formatDay(r.period.until), zone: r.period.timeZone }),
  ];
}

function cells(d: ReportDay): string[] {
  return [
    formatDay(d.day),
    formatNumber(d.runs),
    formatNumber(d.successfulRuns),
    formatNumber(d.accepted),
    formatNumber(d.rejected),
    formatNumber(d.invalid),
    formatNumber(d.failed),
    hours(d.longestGapHours),
    d.gapExceeded ? t('report.yes') : t('report.no'),
    formatNumber(d.pendingAtEnd),
    hours(d.oldestPendingHours),
  ];
}

/** The report as a table for a terminal. */
export function reportTable(r: ComplianceReport): string {
  const head = t('report.columns').split('|');
  const rows = r.days.map(cells);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cols: string[]): string => cols.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return `${[...header(r), '', line(head), ...rows.map(line), '', ...summaryLines(r)].join('\n')}\n`;
}

/** The report as CSV: one line per day, English column names, values as programs read them. */
export function reportCsv(r: ComplianceReport): string {
  const value = (v: unknown): string => (v === null ? '' : typeof v === 'boolean' ? String(v) : String(v));
  return `${[COLUMNS.join(','), ...r.days.map((d) => COLUMNS.map((c) => value(d[c])).join(','))].join('\n')}\n`;
}

/** The report as JSON (stable English keys; instants in ISO-8601). */
export function reportJson(r: ComplianceReport): string {
  return `${JSON.stringify(r)}\n`;
}

const STYLE = `
  body { font: 14px/1.4 system-ui, sans-serif; color: #1b1b1b; margin: 2rem; }
  h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
  .meta { color: #555; margin: 0 0 1rem; }
  .verdict { display: inline-block; padding: .4rem .8rem; border-radius: 4px; font-weight: 600; }
  .ok { background: #e3f4e6; color: #14532d; border: 1px solid #86c596; }
  .bad { background: #fde8e8; color: #7f1d1d; border: 1px solid #e6a1a1; }
  ul.summary { padding-left: 1.2rem; }
  table { border-collapse: collapse; width: 100%; margin-top: 1rem; }
  th, td { border: 1px solid #ccc; padding: .25rem .5rem; text-align: right; }
  th { background: #f2f2f2; }
  td:first-child, th:first-child { text-align: left; }
  tr.exceeded td { background: #fff4e5; }
  footer { margin-top: 1.5rem; color: #555; font-size: .85rem; }
  @media print { body { margin: 1cm; } .verdict { border-width: 2px; } }
`;

/** The table and the verdict as an HTML fragment (the console shows it inside its own page). */
export function reportHtmlBody(r: ComplianceReport): string {
  const head = t('report.columns').split('|');
  const s = r.summary;
  return [
    `<p class="verdict ${s.compliant ? 'ok' : 'bad'}">${escapeHtml(summaryLines(r)[0]!)}</p>`,
    `<ul class="summary">${summaryLines(r)
      .slice(1)
      .map((l) => `<li>${escapeHtml(l)}</li>`)
      .join('')}</ul>`,
    `<table><thead><tr>${head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>`,
    ...r.days.map(
      (d) =>
        `<tr${d.gapExceeded ? ' class="exceeded"' : ''}>${cells(d)
          .map((c) => `<td>${escapeHtml(c)}</td>`)
          .join('')}</tr>`,
    ),
    '</tbody></table>',
  ].join('\n');
}

/** A self-contained page (no script, no external resource) that prints to PDF from any browser. */
export function reportHtml(r: ComplianceReport, lang: string): string {
  const [title, ...meta] = header(r);
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title!)}${r.agency ? ` - ${escapeHtml(r.agency)}` : ''}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title!)}</h1>
${meta.map((m) => `<p class="meta">${escapeHtml(m)}</p>`).join('\n')}
${reportHtmlBody(r)}
<footer>${escapeHtml(t('report.footer', { when: formatInstant(r.generatedAt, r.period.timeZone), store: r.store }))}</footer>
</body>
</html>
`;
}
