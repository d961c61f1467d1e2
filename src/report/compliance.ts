/**
 * The 48-hour compliance report (Portaria Interministerial 2.320/2014: updates to the Protocolo
 * Integrado at most every 48 hours) for a period of days, from a state store's record of runs and
 * answers: per day, the runs, the Documentos answered, the longest gap between successful sends and
 * what was waiting; for the period, whether the rule held. The counting is the store's SQL
 * ({@link Store.complianceFacts}); here the days are cut in the agency's zone and the gaps judged.
 */

import { PiSenderError } from '../errors.js';
import { t } from '../i18n/translate.js';
import { instantOf, nowInZone, withZoneOffset } from '../standard/datetime.js';
import type { ComplianceFacts, DayBounds, Store } from '../store/store.js';

/** The Portaria's limit between two updates. */
export const LIMIT_HOURS = 48;
/** Sends closer than this are one activity: gaps shorter than it are not looked at. */
const GAP_THRESHOLD_MINUTES = 10;
const HOUR = 3_600_000;

/** A period of whole days, `from` to `until` inclusive (`AAAA-MM-DD`), in a time zone. */
export interface ReportPeriod {
  from: string;
  until: string;
  timeZone: string;
}

/** What a day (or the whole period) counts: runs, and the answers Documentos got. */
export interface ReportCounts {
  runs: number;
  successfulRuns: number;
  accepted: number;
  rejected: number;
  invalid: number;
  failed: number;
}

export interface ReportDay extends ReportCounts {
  day: string;
  /** The longest gap between successful sends that overlaps the day, in hours (null: none over 10 minutes). */
  longestGapHours: number | null;
  gapExceeded: boolean;
  pendingAtEnd: number;
  /** Age of the oldest package waiting at the end of the day, in hours. */
  oldestPendingHours: number | null;
}

export interface ReportGap {
  from: string;
  until: string;
  hours: number;
  /** Something waited to be sent during the gap (at the end of a day it overlaps). */
  pending: boolean;
  /** The gap is still open: no successful send since `from`. */
  open: boolean;
}

export interface ComplianceReport {
  type: 'compliance-report';
  agency: string | null;
  store: string;
  period: ReportPeriod & { start: string; end: string };
  generatedAt: string;
  limitHours: number;
  days: ReportDay[];
  summary: ReportCounts & {
    compliant: boolean;
    /** The store's first record (a run or a package): days before it are not judged. */
    firstRecordAt: string | null;
    worstGap: ReportGap | null;
    /** Gaps over the limit during which something waited: each breaks the rule. */
    violations: ReportGap[];
    daysWithoutSuccess: string[];
    lastSuccessAt: string | null;
  };
}

const MONTH = /^(\d{4})-(\d{2})$/;

/** The period of a month (`AAAA-MM` or `MM/AAAA`). */
export function monthPeriod(month: string, timeZone: string): ReportPeriod {
  const m = MONTH.exec(month.trim()) ?? /^(\d{2})\/(\d{4})$/.exec(month.trim());
  const [year, mon] = m ? (m[1]!.length === 4 ? [m[1]!, m[2]!] : [m[2]!, m[1]!]) : [];
  if (!year || !mon || Number(mon) < 1 || Number(mon) > 12) throw new PiSenderError('ERR_USAGE', t('report.badMonth', { value: month }));
  const last = new Date(Date.UTC(Number(year), Number(mon), 0)).getUTCDate();
  return { from: `${year}-${mon}-01`, until: `${year}-${mon}-${String(last).padStart(2, '0')}`, timeZone };
}

/** The instant (ISO, UTC) local midnight of `day` is in `timeZone`. */
function midnight(day: string, timeZone: string): number {
  return instantOf(withZoneOffset(`${day}T00:00:00`, timeZone))!;
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The days of the period up to today (a day that has not begun is not reported), with their bounds. */
export function dayBounds(period: ReportPeriod, nowMs: number): DayBounds[] {
  if (period.from > period.until) throw new PiSenderError('ERR_USAGE', t('report.badPeriod', { from: period.from, until: period.until }));
  const today = nowInZone(period.timeZone, nowMs).slice(0, 10);
  const days: DayBounds[] = [];
  for (let day = period.from; day <= period.until && day <= today; day = nextDay(day)) {
    const start = midnight(day, period.timeZone);
    const end = Math.min(midnight(nextDay(day), period.timeZone), nowMs);
    days.push({ day, start: new Date(start).toISOString(), end: new Date(end).toISOString() });
    if (days.length > 3660) throw new PiSenderError('ERR_USAGE', t('report.tooLong'));
  }
  return days;
}

const hoursBetween = (a: string, b: string): number => Math.round(((Date.parse(b) - Date.parse(a)) / HOUR) * 10) / 10;

/** Makes the report of `period` from `store` (which may be read-only). */
export function complianceReport(store: Store, period: ReportPeriod, options: { agency?: string | null; now?: number } = {}): ComplianceReport {
  const nowMs = options.now ?? Date.now();
  const days = dayBounds(period, nowMs);
  const start = days[0]?.start ?? new Date(midnight(period.from, period.timeZone)).toISOString();
  const end = days[days.length - 1]?.end ?? start;
  const facts: ComplianceFacts | undefined = days.length > 0 ? store.complianceFacts(days, GAP_THRESHOLD_MINUTES) : undefined;
  const rows: ReportDay[] = days.map((d) => ({
    day: d.day,
    runs: 0,
    successfulRuns: 0,
    accepted: 0,
    rejected: 0,
    invalid: 0,
    failed: 0,
    longestGapHours: null,
    gapExceeded: false,
    pendingAtEnd: 0,
    oldestPendingHours: null,
  }));
  const byDay = new Map(rows.map((r) => [r.day, r]));
  const bounds = new Map(days.map((d) => [d.day, d]));
  for (const r of facts?.runs ?? []) Object.assign(byDay.get(r.day)!, { runs: r.runs, successfulRuns: r.ok });
  for (const o of facts?.outcomes ?? []) (byDay.get(o.day)! as unknown as Record<string, number>)[o.outcome] = o.n;
  for (const p of facts?.pending ?? []) {
    const row = byDay.get(p.day)!;
    row.pendingAtEnd = p.n;
    row.oldestPendingHours = p.oldest ? hoursBetween(p.oldest, bounds.get(p.day)!.end) : null;
  }

  // The gaps: between sends in the period (from the last one before it), and the one still open at
  // its end; with no send ever, the whole time since the store's first activity.
  const raw: Array<{ from: string; until: string; open: boolean }> = (facts?.gaps ?? []).map((g) => ({ ...g, open: false }));
  const last = facts?.lastSuccess ?? facts?.successBefore ?? null;
  const firstActivity = facts?.firstActivity ?? null;
  const longEnough = (from: string, until: string): boolean => (Date.parse(until) - Date.parse(from)) / 60_000 > GAP_THRESHOLD_MINUTES;
  const firstSeen = firstActivity && firstActivity > start ? firstActivity : start;
  if (!facts?.successBefore && facts?.firstSuccess && longEnough(firstSeen, facts.firstSuccess))
    raw.unshift({ from: firstSeen, until: facts.firstSuccess, open: false });
  const openFrom = last ?? (firstActivity && firstActivity < end ? firstSeen : null);
  if (openFrom && longEnough(openFrom, end)) raw.push({ from: openFrom, until: end, open: true });

  const gaps: ReportGap[] = raw.map((g) => {
    const overlapping = days.filter((d) => d.start < g.until && d.end > g.from).map((d) => byDay.get(d.day)!);
    const hours = hoursBetween(g.from, g.until);
    for (const row of overlapping) {
      if (row.longestGapHours === null || hours > row.longestGapHours) row.longestGapHours = hours;
      if (hours > LIMIT_HOURS) row.gapExceeded = true;
    }
    return { ...g, hours, pending: overlapping.some((row) => row.pendingAtEnd > 0) };
  });
  const violations = gaps.filter((g) => g.hours > LIMIT_HOURS && g.pending);
  // Days before the store's first record say nothing: they are not days "without a send".
  const recorded = (d: DayBounds): boolean => firstActivity !== null && d.end > firstActivity;
  const recordedDays = new Set(days.filter(recorded).map((d) => d.day));
  const worstGap = gaps.reduce<ReportGap | null>((w, g) => (w === null || g.hours > w.hours ? g : w), null);
  const sum = (k: keyof ReportCounts): number => rows.reduce((n, r) => n + r[k], 0);
  return {
    type: 'compliance-report',
    agency: options.agency ?? null,
    store: store.file,
    period: { ...period, start, end },
    generatedAt: new Date(nowMs).toISOString(),
    limitHours: LIMIT_HOURS,
    days: rows,
    summary: {
      // No record in the period proves nothing: it is not reported as compliant.
      compliant: violations.length === 0 && recordedDays.size > 0,
      firstRecordAt: firstActivity,
      worstGap,
      violations,
      daysWithoutSuccess: rows.filter((r) => r.accepted === 0 && recordedDays.has(r.day)).map((r) => r.day),
      runs: sum('runs'),
      successfulRuns: sum('successfulRuns'),
      accepted: sum('accepted'),
      rejected: sum('rejected'),
      invalid: sum('invalid'),
      failed: sum('failed'),
      lastSuccessAt: last,
    },
  };
}
