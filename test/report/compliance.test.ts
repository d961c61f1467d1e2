import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { resetLanguage, setLanguage } from '../../src/i18n/language.js';
import { complianceReport, dayBounds, monthPeriod } from '../../src/report/compliance.js';
import { escapeHtml, reportCsv, reportHtml, reportJson, reportTable } from '../../src/report/formats.js';
import { Store } from '../../src/store/store.js';
import { runInProcess } from '../helpers/in-process.js';
import { validDocumento } from '../helpers/documentos.js';
import { simulator, SIM_PASSWORD, SIM_USER } from '../helpers/simulator.js';
import { createSender } from '../../src/library/sender.js';

const ZONE = 'America/Sao_Paulo';
/** Local time of São Paulo (UTC-3, no daylight saving since 2019) as an ISO instant. */
const at = (day: number, hour: number, minute = 0): string => new Date(Date.UTC(2026, 10, day, hour + 3, minute)).toISOString();
const NOW = Date.parse('2026-12-01T12:00:00.000Z');

interface Day {
  day: number;
  /** The run's outcome that day at 02:00, if it ran. */
  run?: 'ok' | 'failed';
  /** Packages created that day at 01:00 (answered by the run if it was ok). */
  created?: number;
}

/** A store whose November is `days`; each ok run answers everything waiting (the first refused when more than one waits). */
function storeOf(days: Day[]): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'pi-report-')), 'state.db');
  Store.open(file).close();
  const db = new Database(file);
  const waiting: number[] = [];
  let pkg = 0;
  for (const d of days) {
    for (let i = 0; i < (d.created ?? 0); i++) {
      pkg++;
      db.prepare("INSERT INTO packages (id, process, protocolo, state, created_at, state_at) VALUES (?, ?, ?, 'NI', ?, ?)").run(
        pkg,
        `p${pkg}`,
        `9999100000${pkg}`,
        at(d.day, 1),
        at(d.day, 1),
      );
      waiting.push(pkg);
    }
    if (!d.run) continue;
    db.prepare('INSERT INTO runs (started_at, finished_at, status) VALUES (?, ?, ?)').run(at(d.day, 2), at(d.day, 2, 5), d.run);
    const outcome = d.run === 'ok' ? 'accepted' : 'failed';
    for (const [i, id] of [...waiting].entries()) {
      const o = d.run === 'ok' && i === 0 && waiting.length > 1 ? 'rejected' : outcome;
      db.prepare('INSERT INTO attempts (package, at, outcome) VALUES (?, ?, ?)').run(id, at(d.day, 2, 1), o);
      db.prepare('UPDATE packages SET state = ?, sent_at = ? WHERE id = ?').run(o === 'accepted' ? 'I' : o === 'rejected' ? 'EN' : 'FI', at(d.day, 2, 1), id);
    }
    if (d.run === 'ok') waiting.length = 0;
  }
  db.close();
  return file;
}

const november = (f: (day: number) => Day): Day[] => Array.from({ length: 30 }, (_, i) => f(i + 1));

function report(file: string): ReturnType<typeof complianceReport> {
  const store = Store.openReadOnly(file);
  try {
    return complianceReport(store, monthPeriod('2026-11', ZONE), { agency: 'Ministério <script>alert(1)</script> Exemplo', now: NOW });
  } finally {
    store.close();
  }
}

afterEach(() => resetLanguage());

describe('the compliance report', () => {
  it('is compliant when the PI accepted something every day', () => {
    const r = report(storeOf(november((day) => ({ day, run: 'ok', created: 3 }))));
    expect(r.days).toHaveLength(30);
    expect(r.summary).toMatchObject({ compliant: true, violations: [], daysWithoutSuccess: [], runs: 30, successfulRuns: 30, accepted: 60, rejected: 30 });
    expect(r.summary.worstGap?.hours).toBe(24);
    expect(r.days[0]).toMatchObject({ day: '2026-11-01', runs: 1, successfulRuns: 1, accepted: 2, rejected: 1, pendingAtEnd: 0, gapExceeded: false });
  });

  it('is not compliant when nothing was accepted for more than 48 hours while packages waited; says which gap and which days', () => {
    const file = storeOf(november((day) => ({ day, run: day >= 11 && day <= 14 ? 'failed' : 'ok', created: 2 })));
    const r = report(file);
    expect(r.summary.compliant).toBe(false);
    expect(r.summary.violations).toEqual([{ from: at(10, 2, 1), until: at(15, 2, 1), hours: 120, pending: true, open: false }]);
    expect(r.summary.worstGap).toEqual(r.summary.violations[0]);
    expect(r.summary.daysWithoutSuccess).toEqual(['2026-11-11', '2026-11-12', '2026-11-13', '2026-11-14']);
    const day12 = r.days.find((d) => d.day === '2026-11-12')!;
    expect(day12).toMatchObject({ runs: 1, successfulRuns: 0, accepted: 0, failed: 4, longestGapHours: 120, gapExceeded: true, pendingAtEnd: 4 });
    // The oldest waiting package was created on the 11th at 01:00; the day ends at midnight of the 13th.
    expect(day12.oldestPendingHours).toBe(47);
    expect(r.days.find((d) => d.day === '2026-11-16')).toMatchObject({ gapExceeded: false, pendingAtEnd: 0 });
  });

  it('does not count a long gap during which nothing waited (an idle SPE), but shows it', () => {
    const r = report(storeOf(november((day) => (day >= 5 && day <= 9 ? { day } : { day, run: 'ok', created: 1 }))));
    expect(r.summary.compliant).toBe(true);
    expect(r.summary.worstGap).toMatchObject({ from: at(4, 2, 1), until: at(10, 2, 1), hours: 144, pending: false });
    expect(r.summary.violations).toEqual([]);
  });

  it('judges the gap still open at the end of the period, and only the days the store has a record of', () => {
    const r = report(storeOf(november((day) => (day < 20 ? { day } : day <= 25 ? { day, run: 'ok', created: 1 } : { day, run: 'failed', created: 1 }))));
    expect(r.summary.firstRecordAt).toBe(at(20, 1));
    expect(r.summary.daysWithoutSuccess).toEqual(['2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30']);
    const open = r.summary.violations.find((v) => v.open)!;
    expect(open).toMatchObject({ from: at(25, 2, 1), pending: true });
    expect(open.until).toBe(r.period.end);
  });

  it('prints a table in Portuguese, CSV with stable columns, JSON, and a page that escapes the agency name', () => {
    const r = report(storeOf(november((day) => ({ day, run: day === 12 ? 'failed' : 'ok', created: 1 }))));
    setLanguage('pt-BR');
    const table = reportTable(r);
    expect(table).toMatch(/^Conformidade com a regra das 48 horas \(Portaria Interministerial 2\.320\/2014\)\n/);
    expect(table).toContain('Período: 01/11/2026 a 30/11/2026 (America/Sao_Paulo)');
    expect(table).toMatch(/\n01\/11\/2026 +1 +1 +1 +0 +0 +0 +/);
    expect(table).toContain('CONFORME:');
    const csv = reportCsv(r).trimEnd().split('\n');
    expect(csv[0]).toBe('day,runs,successfulRuns,accepted,rejected,invalid,failed,longestGapHours,gapExceeded,pendingAtEnd,oldestPendingHours');
    expect(csv).toHaveLength(31);
    expect(csv[12]).toBe('2026-11-12,1,0,0,0,0,1,48,false,1,23');
    expect(JSON.parse(reportJson(r))).toMatchObject({ type: 'compliance-report', summary: { compliant: true } });
    const html = reportHtml(r, 'pt-BR');
    expect(html).toContain('Ministério &#60;script&#62;alert(1)&#60;/script&#62; Exemplo');
    expect(html).not.toContain('<script>');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(escapeHtml(`"'&`)).toBe('&#34;&#39;&#38;');
  });

  it("works on a library sender's store (--store): its sends are the record, there are no runs", async () => {
    const sim = await simulator();
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'pi-report-lib-')), 'lib.db');
    const sender = createSender({ store: file, pi: { endpoint: sim.url, user: SIM_USER, password: SIM_PASSWORD } });
    try {
      await sender.enqueue(validDocumento());
      expect((await sender.flush()).map((o) => o.outcome)).toEqual(['accepted']);
    } finally {
      await sender.close();
      await sim.close();
    }
    const r = await runInProcess(['report', '--store', file, '--format', 'json'], { PI_SENDER_AGENCY: 'Órgão da Biblioteca' });
    expect(r.code, r.stderr).toBe(0);
    const parsed = JSON.parse(r.stdout) as ReturnType<typeof complianceReport>;
    expect(parsed).toMatchObject({ agency: 'Órgão da Biblioteca', summary: { compliant: true, runs: 0, accepted: 1 } });
    expect(parsed.days.at(-1)).toMatchObject({ runs: 0, accepted: 1, pendingAtEnd: 0 });
  });

  it('pi-sender report: exit 0 compliant, 1 not, 2 on a bad period; --format and --output', async () => {
    const good = storeOf(november((day) => ({ day, run: 'ok', created: 1 })));
    const bad = storeOf(november((day) => ({ day, run: day >= 11 && day <= 14 ? 'failed' : 'ok', created: 1 })));
    expect((await runInProcess(['report', '--store', good, '--month', '2026-11'])).code).toBe(0);
    const r = await runInProcess(['report', '--store', bad, '--from', '01/11/2026', '--until', '2026-11-30', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ period: { from: '2026-11-01', until: '2026-11-30' }, summary: { compliant: false } });
    const out = path.join(path.dirname(bad), 'relatorio.html');
    const html = await runInProcess(['report', '--store', bad, '--month', '2026-11', '--format', 'html', '--output', out, '--agency', 'Órgão X']);
    expect(html).toMatchObject({ code: 1, stdout: '', stderr: `wrote ${out}\n` });
    for (const args of [
      ['--month', '2026-13'],
      ['--from', '01/11/2026'],
      ['--month', '2026-11', '--from', '01/11/2026', '--until', '02/11/2026'],
      ['--from', '31/11/2026', '--until', '01/12/2026'],
    ])
      expect((await runInProcess(['report', '--store', good, ...args])).code, args.join(' ')).toBe(2);
  });
});

describe("the report's packages waiting at each day's end", () => {
  /** The one SQL statement that computed them before a pass in JavaScript did: the reference. */
  const REFERENCE = `WITH days AS (SELECT value->>'day' AS day, value->>'start' AS s, value->>'end' AS e FROM json_each(?)),
      c AS MATERIALIZED (
        SELECT p.id, p.created_at,
               (SELECT min(a.at) FROM attempts a WHERE a.package = p.id AND a.outcome IN ('accepted', 'rejected', 'invalid')) AS settled
        FROM packages p WHERE p.created_at < ? AND NOT (p.state = 'I' AND p.sent_at < ?))
    SELECT d.day, count(c.id) AS n, min(c.created_at) AS oldest
    FROM days d LEFT JOIN c ON c.created_at < d.e AND (c.settled IS NULL OR c.settled >= d.e)
    WHERE c.settled IS NULL OR c.settled >= ?
    GROUP BY d.day ORDER BY d.day`;

  it('are those of the reference statement on random stores', () => {
    let seed = 17;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    // A quarter of the instants fall exactly on a midnight of São Paulo, a day's end.
    const instant = (fromDay: number, spanDays: number): string => {
      const ms = Date.UTC(2026, 9, 1) + (fromDay + random() * spanDays) * 86_400_000;
      return new Date(random() < 0.25 ? Math.floor((ms - 3 * 3_600_000) / 86_400_000) * 86_400_000 + 3 * 3_600_000 : ms).toISOString();
    };
    const outcomes = ['accepted', 'rejected', 'invalid', 'failed'] as const;
    for (let round = 0; round < 6; round++) {
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'pi-report-pending-')), 'state.db');
      Store.open(file).close();
      const db = new Database(file);
      db.transaction(() => {
        for (let id = 1; id <= 400; id++) {
          // From October to mid-December: before, inside and after November.
          const created = instant(0, 75);
          const attempts = Array.from({ length: Math.floor(random() * 4) }, () => ({
            at: instant(Date.parse(created) / 86_400_000 - Date.UTC(2026, 9, 1) / 86_400_000, 20 * random()),
            outcome: outcomes[Math.floor(random() * 4)]!,
          })).sort((a, b) => (a.at < b.at ? -1 : 1));
          const last = attempts.at(-1);
          const state = last ? ({ accepted: 'I', rejected: 'EN', invalid: 'EN', failed: 'FI' } as const)[last.outcome] : random() < 0.1 ? 'I' : 'NI';
          // Now and then an integrated package with no send on record, or a send time of its own.
          const sentAt = last ? (random() < 0.1 ? null : last.at) : state === 'I' && random() < 0.5 ? instant(0, 75) : null;
          db.prepare('INSERT INTO packages (id, process, protocolo, state, created_at, state_at, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
            id,
            `p${id}`,
            `9999100000${id}`,
            state,
            created,
            created,
            sentAt,
          );
          for (const a of attempts) db.prepare('INSERT INTO attempts (package, at, outcome) VALUES (?, ?, ?)').run(id, a.at, a.outcome);
        }
      })();
      const store = Store.openReadOnly(file);
      try {
        const now = Date.parse('2026-12-20T00:00:00.000Z');
        const bounds = dayBounds(monthPeriod('2026-11', ZONE), now);
        expect(bounds).toHaveLength(30);
        const reference = db.prepare(REFERENCE).all(JSON.stringify(bounds), bounds.at(-1)!.end, bounds[0]!.start, bounds[0]!.start);
        const ours = store.complianceFacts(bounds, 60).pending;
        expect(ours.some((p) => p.n > 0)).toBe(true);
        expect(ours).toEqual(reference);
      } finally {
        store.close();
        db.close();
      }
    }
  });
});
