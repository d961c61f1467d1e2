/**
 * The console's web server: pi-sender's own HTTP(S) server on loopback by default. It reads the state
 * store through a read-only connection (an export may run beside it; it never blocks it) and writes
 * only for the one action, resend, when started with `allowActions`. Every response carries a strict
 * Content-Security-Policy; actions are POSTs with a CSRF token and a same-origin check; off loopback a
 * token is checked on every request (a session cookie after signing in, or an Authorization header).
 * The request log has the method, the path without its query, the status and the time: never a token.
 */

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listen, readBody, type Listening } from '../http-server.js';
import { currentLanguage } from '../i18n/language.js';
import { t } from '../i18n/translate.js';
import type { Logger } from '../logging.js';
import { complianceReport, dayBounds, monthPeriod } from '../report/compliance.js';
import { reportCsv, reportHtml } from '../report/formats.js';
import { nowInZone, parsePersonDate } from '../standard/datetime.js';
import { normalizeProtocolo } from '../standard/normalize.js';
import { readListaDocumentos } from '../standard/reader.js';
import { documentoXml } from '../standard/writer.js';
import { PACKAGE_SORTS, Store, type PackageFilter, type PackageRow, type PackageSort, type PackageState } from '../store/store.js';
import { CONSOLE_CSS, CONSOLE_JS } from './assets.js';
import { compliancePage, loginPage, messagePage, overviewPage, packagePage, packagesPage, runsPage, type PageContext } from './pages.js';
import { highlightXml } from './xml-highlight.js';

export const CONSOLE_PAGE_SIZE = 50;
const DEFAULT_DAYS = 3;
const DAY = 86_400_000;
const SESSION_COOKIE = 'pi_sender_console';

export interface ConsoleOptions {
  store: string;
  timeZone: string;
  maxAttempts: number;
  agency?: string | null;
  host?: string;
  port?: number;
  allowActions?: boolean;
  /** Required off loopback; checked on every request when given. */
  token?: string;
  tls?: { cert: string | Buffer; key: string | Buffer };
  log: Logger;
  /**
   * The time the pages answer for, in ms since the epoch (default: the clock): the overview's last 30
   * days and the package list's default last 3 days end there. The bench gives the time its store was
   * made for, so that its figures do not change as the calendar moves past it.
   */
  now?: () => number;
}

export interface RunningConsole {
  url: string;
  close(): Promise<void>;
}

const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** The downloaded report's CSP: no script at all and its style inline, stricter than the console's. */
const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** What every answer carries: no type sniffing, and no caching (the store's state, with people's names in it). */
const baseHeaders = (type: string, csp = CSP): Record<string, string> => ({
  'content-type': type,
  'content-security-policy': csp,
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
});

/** Whether `host` names this machine only (127.0.0.0/8, ::1, localhost). */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();
const same = (a: string, b: string): boolean => timingSafeEqual(digest(a), digest(b));

export async function startConsole(options: ConsoleOptions): Promise<RunningConsole> {
  const reader = Store.openReadOnly(options.store);
  const csrf = randomBytes(24).toString('base64url');
  const loopback = isLoopback(options.host ?? '127.0.0.1');
  const sessions = new Set<string>();
  let origin = '';
  /** The Host headers a loopback console answers to: a loopback address or localhost, at its port (set once listening). */
  let loopbackHost = /(?!)/;

  const clock = options.now ?? Date.now;
  const ctx = (): PageContext => ({
    timeZone: options.timeZone,
    store: options.store,
    language: currentLanguage(),
    csrf,
    allowActions: options.allowActions === true,
    now: clock(),
  });

  const send = (res: ServerResponse, status: number, body: string, type = 'text/html; charset=utf-8', extra: Record<string, string> = {}): void => {
    res.writeHead(status, {
      ...baseHeaders(type),
      'x-frame-options': 'DENY',
      // same-origin, not no-referrer: with no-referrer a browser sends `Origin: null` on a form POST.
      'referrer-policy': 'same-origin',
      ...extra,
    });
    res.end(body);
  };

  const authorized = (req: IncomingMessage): boolean => {
    if (!options.token) return true;
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ') && same(header.slice(7), options.token)) return true;
    const cookie = /(?:^|;\s*)pi_sender_console=([A-Za-z0-9_-]+)/.exec(req.headers.cookie ?? '')?.[1];
    return cookie !== undefined && [...sessions].some((s) => same(s, cookie));
  };

  /** Same origin for actions: the browser says where the form came from (Origin, else Referer), and it must be this server. */
  const sameOrigin = (req: IncomingMessage): boolean => {
    const from = req.headers.origin ?? (req.headers.referer ? new URL(req.headers.referer).origin : undefined);
    return from === undefined || from === `${origin.startsWith('https:') ? 'https' : 'http'}://${req.headers.host ?? ''}`;
  };

  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = Date.now();
    const url = new URL(req.url ?? '/', origin);
    res.on('finish', () => options.log.info({ method: req.method, path: url.pathname, status: res.statusCode, ms: Date.now() - started }, 'console'));
    // On loopback, a page asked for under another host name (DNS rebinding) is refused.
    if (loopback && !loopbackHost.test(req.headers.host ?? '')) {
      send(res, 421, 'misdirected request', 'text/plain; charset=utf-8');
      return;
    }
    if (req.method === 'GET' && url.pathname === '/assets/console.css') return send(res, 200, CONSOLE_CSS, 'text/css; charset=utf-8');
    if (req.method === 'GET' && url.pathname === '/assets/console.js') return send(res, 200, CONSOLE_JS, 'text/javascript; charset=utf-8');
    if (url.pathname === '/favicon.ico') return send(res, 204, '', 'image/x-icon');
    if (url.pathname === '/entrar' && options.token) return login(req, res);
    if (!authorized(req)) {
      if (req.method === 'GET' && (req.headers.accept ?? '').includes('text/html')) return send(res, 303, '', 'text/plain', { location: '/entrar' });
      return send(res, 401, 'token required', 'text/plain; charset=utf-8', { 'www-authenticate': 'Bearer' });
    }
    if (req.method === 'POST') return action(req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed', 'text/plain; charset=utf-8', { allow: 'GET, POST' });
    const page = /^\/pacotes\/(\d+)$/.exec(url.pathname);
    if (url.pathname === '/') return send(res, 200, overview());
    if (url.pathname === '/pacotes') return send(res, 200, packages(url));
    if (url.pathname === '/pacotes.csv') return packagesCsv(url, res);
    if (page) return packageDetail(Number(page[1]), url, res);
    if (url.pathname === '/execucoes') return send(res, 200, runs(url));
    if (url.pathname === '/conformidade') return send(res, 200, compliance(url));
    if (url.pathname === '/conformidade.html' || url.pathname === '/conformidade.csv') return complianceDownload(url, res);
    send(res, 404, messagePage(ctx(), t('page.notFound'), t('page.notFound')));
  };

  const login = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'POST') return send(res, 200, loginPage(ctx(), false));
    const token = new URLSearchParams(await readBody(req, 4096)).get('token') ?? '';
    if (!sameOrigin(req) || !options.token || !same(token, options.token)) return send(res, 401, loginPage(ctx(), true));
    const session = randomBytes(32).toString('base64url');
    sessions.add(session);
    const secure = origin.startsWith('https:') ? '; Secure' : '';
    send(res, 303, '', 'text/plain', { location: '/', 'set-cookie': `${SESSION_COOKIE}=${session}; HttpOnly; SameSite=Strict; Path=/${secure}` });
  };

  const action = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const m = /^\/pacotes\/(\d+)\/reenviar$/.exec(url.pathname);
    if (!m) return send(res, 404, messagePage(ctx(), t('page.notFound'), t('page.notFound')));
    const body = new URLSearchParams(await readBody(req, 4096));
    if (!sameOrigin(req) || !same(body.get('csrf') ?? '', csrf))
      return send(res, 403, messagePage(ctx(), t('page.package', { id: m[1]! }), t('page.forbidden')));
    if (!options.allowActions) return send(res, 403, messagePage(ctx(), t('page.package', { id: m[1]! }), t('page.readOnly')));
    const id = Number(m[1]);
    if (!reader.packageById(id)) return send(res, 404, messagePage(ctx(), t('page.notFound'), t('page.notFound')));
    // The one write: a writable connection for this action only.
    const writer = Store.open(options.store);
    try {
      writer.resend({ id });
    } finally {
      writer.close();
    }
    options.log.warn({ package: id }, 'console: resend');
    send(res, 303, '', 'text/plain', { location: `/pacotes/${id}?reenviado=1` });
  };

  const overview = (): string => {
    const status = reader.status(options.maxAttempts);
    const now = clock();
    const from = nowInZone(options.timeZone, now - 29 * DAY).slice(0, 10);
    const days = dayBounds({ from, until: nowInZone(options.timeZone, now).slice(0, 10), timeZone: options.timeZone }, now);
    const per = new Map(days.map((d) => [d.day, { day: d.day, accepted: 0, failures: 0 }]));
    for (const o of reader.outcomesPerDay(days)) {
      const row = per.get(o.day)!;
      if (o.outcome === 'accepted') row.accepted += o.n;
      else row.failures += o.n;
    }
    return overviewPage(ctx(), {
      status,
      hoursSinceSuccess: status.lastSuccessAt ? (now - Date.parse(status.lastSuccessAt)) / 3_600_000 : null,
      runs: reader.runs(10),
      chart: [...per.values()],
      oldest: reader.oldestPending(options.maxAttempts, 10),
    });
  };

  /** The filters of the query, as the store takes them (dates people typed, in the zone). */
  const filterOf = (url: URL): { filter: PackageFilter; form: Record<string, string>; error?: string } => {
    const q = url.searchParams;
    const form: Record<string, string> = {};
    for (const k of ['state', 'protocolo', 'unit', 'code', 'createdFrom', 'createdUntil', 'sentFrom', 'sentUntil']) form[k] = (q.get(k) ?? '').trim();
    const filter: PackageFilter = {};
    let error: string | undefined;
    if (['NI', 'I', 'EN', 'FI'].includes(form['state']!)) filter.state = form['state'] as PackageState;
    if (form['protocolo']) filter.protocolo = normalizeProtocolo(form['protocolo']);
    if (form['unit']) filter.unit = form['unit'];
    if (form['code']) filter.code = form['code'].toUpperCase();
    const day = (key: string, end: boolean): string | undefined => {
      const v = form[key]!;
      if (!v) return undefined;
      const at = parsePersonDate(v, options.timeZone);
      if (at === undefined) {
        error = t('filter.badDate', { value: v });
        return undefined;
      }
      // An "until" day is included whole.
      return end && !/\d:\d/.test(v) ? new Date(Date.parse(at) + DAY).toISOString() : at;
    };
    const set = (k: keyof PackageFilter, v: string | undefined): void => {
      if (v !== undefined) (filter as Record<string, string>)[k] = v;
    };
    set('createdFrom', day('createdFrom', false));
    set('createdUntil', day('createdUntil', true));
    set('sentFrom', day('sentFrom', false));
    set('sentUntil', day('sentUntil', true));
    // The SEI screen's default: what was generated in the last 3 days, unless asked otherwise.
    const anyFilter = Object.values(form).some(Boolean) || q.get('all') === '1';
    if (!anyFilter) {
      const from = clock() - DEFAULT_DAYS * DAY;
      filter.createdFrom = new Date(from).toISOString();
      form['createdFrom'] = nowInZone(options.timeZone, from).slice(0, 10).split('-').reverse().join('/');
    }
    return { filter, form, ...(error ? { error } : {}) };
  };

  const sortOf = (url: URL): { by: PackageSort; desc: boolean } => {
    const by = url.searchParams.get('sort') as PackageSort | null;
    return { by: by && PACKAGE_SORTS.includes(by) ? by : 'id', desc: url.searchParams.get('dir') !== 'asc' };
  };

  const packages = (url: URL): string => {
    const { filter, form, error } = filterOf(url);
    const sort = sortOf(url);
    const total = reader.countPackages(filter);
    const pages = Math.max(1, Math.ceil(total / CONSOLE_PAGE_SIZE));
    const page = Math.min(pages, Math.max(1, Number(url.searchParams.get('page')) || 1));
    const rows = reader.findPackages(filter, sort, CONSOLE_PAGE_SIZE, (page - 1) * CONSOLE_PAGE_SIZE);
    const query = (changes: Record<string, string | undefined>): string => {
      const q = new URLSearchParams(url.searchParams);
      for (const [k, v] of Object.entries(changes)) {
        if (v === undefined) q.delete(k);
        else q.set(k, v);
      }
      const s = q.toString();
      return s ? `?${s}` : '';
    };
    return packagesPage(ctx(), { rows, total, page, pages, form, sort: { by: sort.by, desc: sort.desc }, query, ...(error ? { error } : {}) });
  };

  /** The filtered packages as CSV, the keys of `pi-sender list --json`, a page of the store at a time. */
  const packagesCsv = (url: URL, res: ServerResponse): void => {
    const { filter } = filterOf(url);
    const sort = sortOf(url);
    res.writeHead(200, { ...baseHeaders('text/csv; charset=utf-8'), 'content-disposition': 'attachment; filename="pacotes.csv"' });
    const cell = (v: unknown): string => {
      const s = v === null || v === undefined ? '' : String(v);
      return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    };
    res.write('id,protocolo,state,attempts,code,message,origin,createdAt,sentAt,stateAt\n');
    for (let offset = 0; ; offset += 1000) {
      const rows: PackageRow[] = reader.findPackages(filter, sort, 1000, offset);
      for (const r of rows)
        res.write(`${[r.id, r.protocolo, r.state, r.attempts, r.code, r.message, r.origin, r.created_at, r.sent_at, r.state_at].map(cell).join(',')}\n`);
      if (rows.length < 1000) break;
    }
    res.end();
  };

  const packageDetail = async (id: number, url: URL, res: ServerResponse): Promise<void> => {
    const row = reader.packageById(id);
    if (!row) return send(res, 404, messagePage(ctx(), t('page.notFound'), t('page.notFound')));
    let xml: string | null = null;
    if (row.xml) {
      for await (const ev of readListaDocumentos(Buffer.from(`<ListaDocumentos>${row.xml}</ListaDocumentos>`))) {
        if (ev.kind === 'documento') xml = highlightXml(documentoXml(ev.documento, { indent: true }));
      }
    }
    send(
      res,
      200,
      packagePage(ctx(), {
        row,
        attempts: reader.attemptsOf(id),
        units: reader.unitsOf(id),
        xml,
        ...(url.searchParams.get('reenviado') === '1' ? { notice: t('package.resent', { id: String(id) }) } : {}),
      }),
    );
  };

  const runs = (url: URL): string => {
    const pages = Math.max(1, Math.ceil(reader.countRuns() / CONSOLE_PAGE_SIZE));
    const page = Math.min(pages, Math.max(1, Number(url.searchParams.get('page')) || 1));
    return runsPage(ctx(), reader.runs(CONSOLE_PAGE_SIZE, (page - 1) * CONSOLE_PAGE_SIZE), page, pages);
  };

  const monthOf = (url: URL): string => url.searchParams.get('month') || nowInZone(options.timeZone, clock()).slice(0, 7);

  const compliance = (url: URL): string => {
    const month = monthOf(url);
    try {
      return compliancePage(ctx(), month, complianceReport(reader, monthPeriod(month, options.timeZone), { agency: options.agency ?? null, now: clock() }));
    } catch {
      return compliancePage(ctx(), month, undefined, t('compliance.badMonth', { value: month }));
    }
  };

  const complianceDownload = (url: URL, res: ServerResponse): void => {
    let report;
    try {
      report = complianceReport(reader, monthPeriod(monthOf(url), options.timeZone), { agency: options.agency ?? null, now: clock() });
    } catch {
      return send(res, 400, compliancePage(ctx(), monthOf(url), undefined, t('compliance.badMonth', { value: monthOf(url) })));
    }
    const csv = url.pathname.endsWith('.csv');
    const name = `conformidade-${report.period.from.slice(0, 7)}.${csv ? 'csv' : 'html'}`;
    res.writeHead(200, {
      ...baseHeaders(csv ? 'text/csv; charset=utf-8' : 'text/html; charset=utf-8', REPORT_CSP),
      'content-disposition': `${csv ? 'attachment' : 'inline'}; filename="${name}"`,
    });
    res.end(csv ? reportCsv(report) : reportHtml(report, currentLanguage()));
  };

  let listening: Listening;
  try {
    listening = await listen(handler, { host: options.host ?? '127.0.0.1', port: options.port ?? 8790, ...(options.tls ? { tls: options.tls } : {}) });
  } catch (err) {
    reader.close();
    throw err;
  }
  origin = listening.origin;
  loopbackHost = new RegExp(`^(127\\.\\d+\\.\\d+\\.\\d+|localhost|\\[::1\\]):${new URL(origin).port}$`);
  return {
    url: `${origin}/`,
    close: async () => {
      await listening.close();
      reader.close();
    },
  };
}
