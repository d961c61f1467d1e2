/**
 * The state store: one SQLite file (WAL, synchronous=FULL) holding what the export job took from the
 * SPE, the packages (NI / I / EN / FI) and their results, runs, alerts and the watermark.
 *
 * Durability: every write that matters is in a committed transaction before the job moves on, so a
 * `kill -9` at any moment loses nothing; the watermark moves only after the window it covers is
 * stored. Enqueueing is idempotent (an SPE item key is stored once).
 */

import { t } from '../i18n/translate.js';
import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import type Database from 'better-sqlite3';
import { PiSenderError } from '../errors.js';
import { redact, redactOrNull } from '../redact.js';
import type { DocumentoDraft, InteressadoExtra } from '../standard/model.js';
import { normalizeProtocolo } from '../standard/normalize.js';
import { MIGRATIONS, READABLE_SCHEMA } from './schema.js';
import { openSqlite, openSqliteReadOnly } from './sqlite.js';
import {
  PACKAGE_SORTS,
  PACKAGE_STATES,
  type AttemptRow,
  type ComplianceFacts,
  type DayBounds,
  type ItemRecord,
  type PackageFilter,
  type PackageOutcome,
  type PackageRow,
  type PackageSort,
  type PackageState,
  type ProcessRecord,
  type RunRow,
  type StoreStatus,
} from './types.js';

export { PACKAGE_STATES } from './types.js';
export type {
  Access,
  AttemptRow,
  ComplianceFacts,
  DayBounds,
  ItemRecord,
  PackageFilter,
  PackageOutcome,
  PackageRow,
  PackageSort,
  PackageState,
  ProcessRecord,
  RunRow,
  StoreStatus,
} from './types.js';
export { PACKAGE_SORTS } from './types.js';

export function sha1(...parts: Array<string | null | undefined>): string {
  const h = createHash('sha1');
  for (const p of parts) h.update(`${p ?? '\u0000'}\u001e`);
  return h.digest('hex');
}

const now = (): string => new Date().toISOString();

/** What makes a package due, with the attempt limit as its one parameter: NI, and FI below the limit. */
const DUE = "state = 'NI' OR (state = 'FI' AND attempts < ?)";

/** The index of the first of `ends` (ascending ISO instants) later than `instant`; `ends.length` if none is. */
function firstEndAfter(ends: readonly string[], instant: string): number {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! > instant) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The states of a package not yet integrated, as a list for `state IN (...)`. */
const NOT_INTEGRATED = PACKAGE_STATES.filter((s) => s !== 'I')
  .map((s) => `'${s}'`)
  .join(', ');

/** The report's days (`DayBounds[]` as one JSON parameter) as a table `days(day, s, e)`, for a WITH clause. */
const DAYS = "days AS (SELECT value->>'day' AS day, value->>'start' AS s, value->>'end' AS e FROM json_each(?))";

/** A package's columns for a list: everything but its XML and problems, which only its page reads. */
const LIST_COLUMNS = 'id, process, protocolo, state, attempts, code, message, origin, created_at, sent_at, state_at, NULL AS problems, NULL AS xml';

/**
 * What storing a process did: `public` (publishable as before, or new), `now-public` (it was
 * withheld and may be published now), `withheld` (not publishable), `dropped` (it became not
 * publishable and its unsent movements were deleted).
 */
export type ProcessChange = 'public' | 'now-public' | 'withheld' | 'dropped';

export class Store {
  private readonly db: Database.Database;

  private constructor(
    readonly file: string,
    db: Database.Database,
  ) {
    this.db = db;
  }

  /** Opens (creating if needed) the store at `file`, migrating it to the current schema. */
  static open(file: string): Store {
    return new Store(file, openSqlite(file, MIGRATIONS, t('store.stateStore')));
  }

  /** Opens an existing store for reading only (report, console): it never writes, nor blocks an export. */
  static openReadOnly(file: string): Store {
    return new Store(file, openSqliteReadOnly(file, MIGRATIONS, READABLE_SCHEMA, t('store.stateStore')));
  }

  close(): void {
    this.db.close();
  }

  private readonly statements = new Map<string, Database.Statement>();

  /**
   * A prepared statement, made once per SQL text. Preparing on every call leaves a native statement
   * per call waiting for V8 to collect its wrapper: on a million history items that is over 100 MB.
   */
  private prepare(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  // --- meta, watermark, lock ---

  getMeta(key: string): string | undefined {
    return (this.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  setMeta(key: string, value: string): void {
    this.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  get watermark(): string | undefined {
    return this.getMeta('watermark');
  }

  /**
   * Takes the export lock. A lock held by a process that no longer runs on this host (killed, crashed)
   * is taken over. Returns who holds it when it cannot be taken.
   */
  acquireLock(name = 'export'): { acquired: true } | { acquired: false; pid: number; host: string; since: string } {
    const host = hostname();
    return this.db
      .transaction(() => {
        const held = this.prepare('SELECT pid, host, since FROM lock WHERE name = ?').get(name) as { pid: number; host: string; since: string } | undefined;
        if (held && held.pid !== process.pid && !(held.host === host && !isAlive(held.pid))) {
          return { acquired: false as const, ...held };
        }
        this.prepare(
          'INSERT INTO lock (name, pid, host, since) VALUES (?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET pid = excluded.pid, host = excluded.host, since = excluded.since',
        ).run(name, process.pid, host, now());
        return { acquired: true as const };
      })
      .immediate();
  }

  releaseLock(name = 'export'): void {
    this.prepare('DELETE FROM lock WHERE name = ? AND pid = ?').run(name, process.pid);
  }

  // --- runs ---

  startRun(since: string | null, until: string | null): number {
    return Number(this.prepare("INSERT INTO runs (started_at, status, since, until) VALUES (?, 'running', ?, ?)").run(now(), since, until).lastInsertRowid);
  }

  /** When the first run of this store started, or undefined before any run. */
  firstRunAt(): string | undefined {
    return (this.prepare('SELECT min(started_at) AS t FROM runs').get() as { t: string | null }).t ?? undefined;
  }

  /** The durability settings in force on this connection (journal mode, synchronous level). */
  durability(): { journalMode: string; synchronous: number } {
    return { journalMode: String(this.db.pragma('journal_mode', { simple: true })), synchronous: Number(this.db.pragma('synchronous', { simple: true })) };
  }

  finishRun(id: number, status: 'ok' | 'failed' | 'interrupted', counts: unknown, error?: string): void {
    this.prepare('UPDATE runs SET finished_at = ?, status = ?, counts = ?, error = ? WHERE id = ?').run(
      now(),
      status,
      JSON.stringify(counts),
      redactOrNull(error),
      id,
    );
  }

  // --- extraction ---

  /**
   * Stores a process seen in this run. A process that may not be published keeps only its id and
   * access level, and loses whatever it had not yet sent: such data must never leave.
   */
  upsertProcess(p: ProcessRecord, run: number): ProcessChange {
    const keep = p.publishable;
    const before = this.processPublishable(p.speId);
    this.prepare(
      `INSERT INTO processes (spe_id, access, publishable, protocolo, data_hora_producao, especie, assunto, seen_run, updated_at)
         VALUES (@speId, @access, @publishable, @protocolo, @dataHoraProducao, @especie, @assunto, @run, @now)
         ON CONFLICT(spe_id) DO UPDATE SET access = excluded.access, publishable = excluded.publishable, protocolo = excluded.protocolo,
           data_hora_producao = excluded.data_hora_producao, especie = excluded.especie, assunto = excluded.assunto,
           seen_run = excluded.seen_run, updated_at = excluded.updated_at`,
    ).run({
      speId: p.speId,
      access: p.access,
      publishable: keep ? 1 : 0,
      protocolo: keep ? (p.protocolo ?? null) : null,
      dataHoraProducao: keep ? (p.dataHoraProducao ?? null) : null,
      especie: keep ? (p.especie ?? null) : null,
      assunto: keep ? (p.assunto ?? null) : null,
      run,
      now: now(),
    });
    if (!keep) return this.forgetUnsent(p.speId) > 0 ? 'dropped' : 'withheld';
    return before === false ? 'now-public' : 'public';
  }

  /** Deletes what a process has not sent yet (it became sigiloso, or restrito while those are not published). */
  private forgetUnsent(speId: string): number {
    const items = this.prepare(
      "DELETE FROM items WHERE process = ? AND (package IS NULL OR package IN (SELECT id FROM packages WHERE process = ? AND state <> 'I'))",
    ).run(speId, speId).changes;
    this.prepare("DELETE FROM packages WHERE process = ? AND state <> 'I'").run(speId);
    this.prepare('DELETE FROM interessados WHERE process = ?').run(speId);
    this.prepare('DELETE FROM relacionados WHERE process = ?').run(speId);
    return items;
  }

  /** Adds an interessado; `extra` (CPF, natureza) only when pi.sendCpf is on. */
  addInteressado(speId: string, position: number, nome: string, run: number, extra?: InteressadoExtra): void {
    this.prepare('INSERT INTO interessados (process, position, nome, run, cpf, natureza) VALUES (?, ?, ?, ?, ?, ?)').run(
      speId,
      position,
      nome,
      run,
      extra?.cpf ?? null,
      extra?.natureza ?? null,
    );
  }

  /**
   * Says whether interessados' CPFs and naturezas may be kept (pi.sendCpf). Turned off, those already
   * kept are erased at once: personal data is not held for a purpose that ended (LGPD art. 15–16).
   */
  keepCpfs(keep: boolean): void {
    if (keep) {
      if (this.getMeta('cpfs_kept') !== '1') this.setMeta('cpfs_kept', '1');
      return;
    }
    if (this.getMeta('cpfs_kept') === undefined) return;
    this.transaction(() => {
      this.prepare('UPDATE interessados SET cpf = NULL, natureza = NULL WHERE cpf IS NOT NULL OR natureza IS NOT NULL').run();
      this.prepare("DELETE FROM meta WHERE key = 'cpfs_kept'").run();
    });
  }

  addRelacionado(speId: string, position: number, protocolo: string, run: number): void {
    this.prepare('INSERT INTO relacionados (process, position, protocolo, run) VALUES (?, ?, ?, ?)').run(speId, position, protocolo, run);
  }

  /** Publishable state of a process, or undefined when unknown. */
  processPublishable(speId: string): boolean | undefined {
    const row = this.prepare('SELECT publishable FROM processes WHERE spe_id = ?').get(speId) as { publishable: number } | undefined;
    return row === undefined ? undefined : row.publishable === 1;
  }

  /**
   * Enqueues a history item. Returns `new`, `same` (already stored, nothing changed) or `changed`
   * (its text changed at the SPE: a package not yet integrated will carry the new text).
   */
  upsertItem(item: ItemRecord): 'new' | 'same' | 'changed' {
    const hash = sha1(item.process, item.dataHoraOperacao, item.unidadeOperacao, item.operacao);
    const existing = this.prepare('SELECT id, hash, package FROM items WHERE spe_key = ?').get(item.speKey) as
      { id: number; hash: string; package: number | null } | undefined;
    if (!existing) {
      this.prepare('INSERT INTO items (spe_key, process, data_hora_operacao, unidade_operacao, operacao, hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        item.speKey,
        item.process,
        item.dataHoraOperacao,
        item.unidadeOperacao,
        item.operacao,
        hash,
        now(),
      );
      return 'new';
    }
    if (existing.hash === hash) return 'same';
    this.prepare('UPDATE items SET process = ?, data_hora_operacao = ?, unidade_operacao = ?, operacao = ?, hash = ? WHERE id = ?').run(
      item.process,
      item.dataHoraOperacao,
      item.unidadeOperacao,
      item.operacao,
      hash,
      existing.id,
    );
    // Its EN package goes back to NI with a fresh attempt count: its data changed.
    if (existing.package !== null)
      this.prepare("UPDATE packages SET state = 'NI', attempts = 0, alerted = 0, state_at = ? WHERE state = 'EN' AND id = ?").run(now(), existing.package);
    return 'changed';
  }

  /**
   * Stores a Documento of the data standard (from an XML file, or given by a library caller) as a
   * public process keyed by its Protocolo, replacing its lists, with its items enqueued idempotently.
   * Call inside a transaction; then {@link assemblePackages}.
   */
  storeDocumento(d: DocumentoDraft, run: number): { protocolo: string; items: Record<'new' | 'same' | 'changed', number>; reopened: number } {
    const protocolo = normalizeProtocolo(d.Protocolo ?? '');
    this.upsertProcess(
      { speId: protocolo, access: 'publico', publishable: true, protocolo, dataHoraProducao: d.DataHoraProducao, especie: d.Especie, assunto: d.Assunto },
      run,
    );
    this.prepare('DELETE FROM interessados WHERE process = ?').run(protocolo);
    this.prepare('DELETE FROM relacionados WHERE process = ?').run(protocolo);
    (d.ListaInteressados?.Interessado ?? []).forEach((i, k) => {
      if (i.NomeInteressado !== undefined) this.addInteressado(protocolo, k + 1, i.NomeInteressado, run, i);
    });
    (d.ListaProtocolosRelacionados?.ProtocoloRelacionado ?? []).forEach((r, k) => this.addRelacionado(protocolo, k + 1, normalizeProtocolo(r), run));
    const items = { new: 0, same: 0, changed: 0 };
    for (const i of d.Historico?.ItemHistorico ?? []) {
      const result = this.upsertItem({
        // Items of a Documento have no SPE id: their content is their identity.
        speKey: `doc:${sha1(protocolo, i.DataHoraOperacao, i.UnidadeOperacao, i.Operacao)}`,
        process: protocolo,
        dataHoraOperacao: i.DataHoraOperacao ?? '',
        unidadeOperacao: i.UnidadeOperacao ?? '',
        operacao: i.Operacao ?? '',
      });
      items[result]++;
    }
    return { protocolo, items, reopened: this.rehash(`p.spe_id = ?`, protocolo) };
  }

  /**
   * After a run's lists were read: drops interessados and relacionados replaced in this run, and
   * reopens EN packages of processes whose data changed. Returns how many packages were reopened.
   */
  finishProcesses(run: number, listsRead: { interessados: boolean; relacionados: boolean }): number {
    if (listsRead.interessados) {
      this.prepare('DELETE FROM interessados WHERE run < ? AND process IN (SELECT spe_id FROM processes WHERE seen_run = ?)').run(run, run);
    }
    if (listsRead.relacionados) {
      this.prepare('DELETE FROM relacionados WHERE run < ? AND process IN (SELECT spe_id FROM processes WHERE seen_run = ?)').run(run, run);
    }
    return this.rehash('p.seen_run = ?', run);
  }

  /**
   * Recomputes the data hash of the processes matching `where` (metadata and lists). A process whose
   * data changed (Assunto, Especie, interessados, related protocols, DataHoraProducao, its Protocolo)
   * is sent again on the next run: its EN package goes back to NI, and so does its last integrated
   * package when it has none open. Returns how many packages were reopened.
   */
  private rehash(where: string, arg: string | number): number {
    const rows = this.prepare(
      `SELECT p.spe_id AS id, p.hash AS old, p.protocolo, p.data_hora_producao AS d, p.especie, p.assunto,
           (SELECT group_concat(nome, char(30)) FROM (
              -- A CPF or natureza counts as a change; without them the text is as before, so no hash moves.
              SELECT nome || CASE WHEN cpf IS NULL AND natureza IS NULL THEN '' ELSE char(31) || coalesce(cpf, '') || char(31) || coalesce(natureza, '') END AS nome
              FROM interessados WHERE process = p.spe_id ORDER BY position, rowid)) AS ints,
           (SELECT group_concat(protocolo, char(30)) FROM (SELECT protocolo FROM relacionados WHERE process = p.spe_id ORDER BY position, rowid)) AS rels
         FROM processes p WHERE ${where} AND p.publishable = 1`,
    ).all(arg) as Array<{
      id: string;
      old: string | null;
      protocolo: string | null;
      d: string | null;
      especie: string | null;
      assunto: string | null;
      ints: string | null;
      rels: string | null;
    }>;
    const setHash = this.prepare('UPDATE processes SET hash = ? WHERE spe_id = ?');
    // Packages not yet integrated carry the current Protocolo (a corrected NUP goes out corrected).
    const renumber = this.prepare("UPDATE packages SET protocolo = ? WHERE process = ? AND state <> 'I'");
    const reopenEn = this.prepare("UPDATE packages SET state = 'NI', attempts = 0, alerted = 0, state_at = ? WHERE state = 'EN' AND process = ?");
    // The PI already has an integrated package's movements: sent again, it takes the new data.
    const reopenIntegrated = this.prepare(
      `UPDATE packages SET state = 'NI', attempts = 0, alerted = 0, state_at = ?, protocolo = ?
       WHERE id = (SELECT max(id) FROM packages WHERE process = ? AND state = 'I')
         AND NOT EXISTS (SELECT 1 FROM packages WHERE process = ? AND state <> 'I')`,
    );
    let reopened = 0;
    for (const r of rows) {
      const hash = sha1(r.protocolo, r.d, r.especie, r.assunto, r.ints, r.rels);
      if (hash === r.old) continue;
      setHash.run(hash, r.id);
      if (r.old === null) continue; // a process seen for the first time has nothing sent yet
      renumber.run(r.protocolo, r.id);
      const at = now();
      reopened += reopenEn.run(at, r.id).changes;
      reopened += reopenIntegrated.run(at, r.protocolo, r.id, r.id).changes;
    }
    return reopened;
  }

  /**
   * Puts every item not yet in a package into its process's open package (creating an NI one when
   * there is none). An EN package receiving new items goes back to NI: its data changed.
   */
  assemblePackages(): { created: number; reopened: number; items: number } {
    const at = now();
    return this.transaction(() => {
      this.db.exec('CREATE TEMP TABLE IF NOT EXISTS touched (process TEXT PRIMARY KEY)');
      this.db.exec('DELETE FROM temp.touched');
      this.db.exec(
        `INSERT INTO temp.touched SELECT DISTINCT i.process FROM items i JOIN processes p ON p.spe_id = i.process AND p.publishable = 1 WHERE i.package IS NULL`,
      );
      const created = this.prepare(
        `INSERT INTO packages (process, protocolo, state, created_at, state_at)
           SELECT t.process, p.protocolo, 'NI', ?, ? FROM temp.touched t JOIN processes p ON p.spe_id = t.process
           WHERE NOT EXISTS (SELECT 1 FROM packages k WHERE k.process = t.process AND k.state <> 'I')`,
      ).run(at, at).changes;
      const reopened = this.prepare(
        "UPDATE packages SET state = 'NI', attempts = 0, alerted = 0, state_at = ? WHERE state = 'EN' AND process IN (SELECT process FROM temp.touched)",
      ).run(at).changes;
      const items = this.prepare(
        `UPDATE items SET package = (SELECT k.id FROM packages k WHERE k.process = items.process AND k.state <> 'I')
           WHERE package IS NULL AND process IN (SELECT process FROM temp.touched)`,
      ).run().changes;
      return { created, reopened, items };
    });
  }

  // --- files of a drop folder ---

  fileAlreadyRead(name: string, size: number, mtimeMs: number): boolean {
    const r = this.prepare('SELECT size, mtime_ms FROM source_files WHERE name = ?').get(name) as { size: number; mtime_ms: number } | undefined;
    return r !== undefined && r.size === size && r.mtime_ms === Math.round(mtimeMs);
  }

  markFileRead(name: string, size: number, mtimeMs: number): void {
    this.prepare(
      'INSERT INTO source_files (name, size, mtime_ms, read_at) VALUES (?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET size = excluded.size, mtime_ms = excluded.mtime_ms, read_at = excluded.read_at',
    ).run(name, size, Math.round(mtimeMs), now());
  }

  // --- sending ---

  /** How many packages are due (NI, and FI below the attempt limit). */
  countDue(maxAttempts: number): number {
    return (this.prepare(`SELECT count(*) AS n FROM packages WHERE ${DUE}`).get(maxAttempts) as { n: number }).n;
  }

  /** Packages due: NI, and FI below the attempt limit; oldest first, after `afterId`. */
  /**
   * The next `limit` due packages after `afterId`, by id. Each state is read along its (state, id)
   * index from `afterId` on: a page costs its own rows, so a first load stays linear in what is due.
   */
  duePackages(maxAttempts: number, afterId: number, limit: number): PackageRow[] {
    return this.prepare(
      `SELECT * FROM (SELECT * FROM packages WHERE state = 'NI' AND id > ? ORDER BY id LIMIT ?)
       UNION ALL
       SELECT * FROM (SELECT * FROM packages WHERE state = 'FI' AND attempts < ? AND id > ? ORDER BY id LIMIT ?)
       ORDER BY id LIMIT ?`,
    ).all(afterId, limit, maxAttempts, afterId, limit, limit) as PackageRow[];
  }

  /** The Documento of a package: the process's current data and the package's items, in time order. */
  buildDocumento(pkg: Pick<PackageRow, 'id' | 'process'>): DocumentoDraft {
    const p = this.prepare('SELECT protocolo, data_hora_producao, especie, assunto FROM processes WHERE spe_id = ?').get(pkg.process) as
      { protocolo: string | null; data_hora_producao: string | null; especie: string | null; assunto: string | null } | undefined;
    const doc: DocumentoDraft = {};
    if (p?.protocolo != null) doc.Protocolo = p.protocolo;
    if (p?.data_hora_producao != null) doc.DataHoraProducao = p.data_hora_producao;
    if (p?.especie != null) doc.Especie = p.especie;
    if (p?.assunto != null) doc.Assunto = p.assunto;
    const rels = this.prepare('SELECT protocolo FROM relacionados WHERE process = ? ORDER BY position, rowid').pluck().all(pkg.process) as string[];
    if (rels.length > 0) doc.ListaProtocolosRelacionados = { ProtocoloRelacionado: rels };
    const ints = this.prepare('SELECT nome, cpf, natureza FROM interessados WHERE process = ? ORDER BY position, rowid').all(pkg.process) as Array<{
      nome: string;
      cpf: string | null;
      natureza: string | null;
    }>;
    if (ints.length > 0) {
      doc.ListaInteressados = {
        Interessado: ints.map((i) => ({
          NomeInteressado: i.nome,
          ...(i.cpf === null ? {} : { cpf: i.cpf }),
          ...(i.natureza === null ? {} : { natureza: i.natureza }),
        })),
      };
    }
    const items = this.prepare(
      'SELECT data_hora_operacao AS DataHoraOperacao, unidade_operacao AS UnidadeOperacao, operacao AS Operacao FROM items WHERE package = ? ORDER BY data_hora_operacao, id',
    ).all(pkg.id) as Array<{ DataHoraOperacao: string; UnidadeOperacao: string; Operacao: string }>;
    doc.Historico = { ItemHistorico: items };
    return doc;
  }

  /** Records the outcome of packages, and each one in the attempts history, all in one transaction. */
  recordOutcomes(outcomes: PackageOutcome[]): void {
    if (outcomes.length === 0) return;
    const at = now();
    const stmt = this.prepare(
      `UPDATE packages SET state = @state, attempts = attempts + @inc, code = @code, message = @message, origin = @origin,
         xml = COALESCE(@xml, xml), problems = @problems, sent_at = CASE WHEN @inc = 1 THEN @t ELSE sent_at END, state_at = @t,
         alerted = CASE WHEN @state IN ('NI', 'I') THEN 0 ELSE alerted END
       WHERE id = @id`,
    );
    const history = this.prepare(
      'INSERT INTO attempts (package, at, outcome, code, message, protocolo) SELECT @id, @t, @outcome, @code, @message, protocolo FROM packages WHERE id = @id',
    );
    this.transaction(() => {
      for (const o of outcomes) {
        const problems = o.problems === undefined ? null : redact(JSON.stringify(o.problems));
        // An answer's text may quote what the service was sent: no registered secret is stored.
        const message = redactOrNull(o.message);
        stmt.run({ id: o.id, state: o.state, inc: o.attempted ? 1 : 0, code: o.code, message, origin: o.origin, xml: o.xml, problems, t: at });
        const outcome = o.origin === 'validation' ? 'invalid' : o.state === 'I' ? 'accepted' : o.state === 'EN' ? 'rejected' : 'failed';
        history.run({ id: o.id, t: at, outcome, code: o.code, message });
      }
    });
  }

  /** Every attempt of a package, oldest first. */
  attemptsOf(packageId: number): AttemptRow[] {
    return this.prepare('SELECT at, outcome, code, message, protocolo FROM attempts WHERE package = ? ORDER BY id').all(packageId) as AttemptRow[];
  }

  // --- the compliance report ---

  /**
   * The facts of the compliance report for `days` (consecutive, ISO instants): runs and answers per
   * day, the gaps between successful sends longer than `gapMinutes`, and what was waiting at the end
   * of each day. Each is one SQL statement over indexed ranges (attempts by outcome and time, packages
   * by creation), never a scan in JavaScript.
   */
  complianceFacts(days: readonly DayBounds[], gapMinutes: number): ComplianceFacts {
    const json = JSON.stringify(days);
    const start = days[0]?.start ?? '';
    const end = days[days.length - 1]?.end ?? '';
    const runs = this.prepare(
      `WITH ${DAYS} SELECT d.day, count(r.id) AS runs, coalesce(sum(r.status = 'ok'), 0) AS ok
       FROM days d LEFT JOIN runs r ON r.started_at >= d.s AND r.started_at < d.e GROUP BY d.day ORDER BY d.day`,
    ).all(json) as ComplianceFacts['runs'];
    const outcomes = this.outcomesPerDay(days);
    const one = (sql: string, ...args: unknown[]): string | null => (this.prepare(sql).get(...args) as { t: string | null }).t;
    const successBefore = one("SELECT max(at) AS t FROM attempts WHERE outcome = 'accepted' AND at < ?", start);
    const firstSuccess = one("SELECT min(at) AS t FROM attempts WHERE outcome = 'accepted' AND at >= ? AND at < ?", start, end);
    const lastSuccess = one("SELECT max(at) AS t FROM attempts WHERE outcome = 'accepted' AND at >= ? AND at < ?", start, end);
    // The instants of the period's sends, from the last one before it: consecutive pairs further apart
    // than the threshold are the gaps (a batch's answers share one instant).
    const gaps = this.prepare(
      `WITH s AS (SELECT DISTINCT at FROM attempts WHERE outcome = 'accepted' AND at >= ? AND at < ?
                  UNION SELECT ? WHERE ? IS NOT NULL),
            g AS (SELECT lag(at) OVER (ORDER BY at) AS "from", at AS until FROM s)
       SELECT "from", until FROM g WHERE "from" IS NOT NULL AND (julianday(until) - julianday("from")) * 1440 > ? ORDER BY "from"`,
    ).all(start, end, successBefore, successBefore, gapMinutes) as ComplianceFacts['gaps'];
    const pending = this.pendingAtDayEnds(days);
    const firstActivity = one('SELECT min(t) AS t FROM (SELECT min(started_at) AS t FROM runs UNION ALL SELECT min(created_at) FROM packages)');
    return { runs, outcomes, gaps, firstSuccess, lastSuccess, successBefore, pending, firstActivity };
  }

  /**
   * What was waiting at each day's end: created by then, and no answer that settled it (accepted,
   * refused, invalid) by then. Only the packages still unsettled at the period's start can be: those
   * not integrated, and the integrated ones sent in the period (one last sent before it was settled
   * then); SQL picks them by index, each with the instant it was first settled. One pass here counts
   * them per day: joining every day with every candidate in SQL cost days × candidates (1.1 s for a
   * month of 78,000 candidates; the report's facts take 0.2 s this way).
   */
  private pendingAtDayEnds(days: readonly DayBounds[]): ComplianceFacts['pending'] {
    const ends = days.map((d) => d.end);
    const start = days[0]?.start ?? '';
    const end = ends[ends.length - 1] ?? '';
    const waiting = new Array<number>(days.length).fill(0);
    const oldest = new Array<string | null>(days.length).fill(null);
    // `+state` keeps the second part on the index of sent_at, the short range, not on state = 'I'.
    const candidates = this.prepare(
      `WITH c AS (SELECT id, created_at FROM packages WHERE created_at < ? AND state IN (${NOT_INTEGRATED})
                  UNION ALL
                  SELECT id, created_at FROM packages WHERE sent_at >= ? AND +state = 'I' AND created_at < ?)
       SELECT c.created_at,
              (SELECT min(a.at) FROM attempts a INDEXED BY attempts_package
               WHERE a.package = c.id AND a.outcome IN ('accepted', 'rejected', 'invalid')) AS settled
       FROM c`,
    ).raw();
    for (const [created, settled] of candidates.iterate(end, start, end) as Iterable<[string, string | null]>) {
      // Waiting from the day it was created to the day before it was settled: none of the period's
      // days for one settled before it, or on the day it was created.
      const until = settled === null ? days.length : firstEndAfter(ends, settled);
      for (let k = firstEndAfter(ends, created); k < until; k++) {
        waiting[k]!++;
        if (oldest[k] === null || created < oldest[k]!) oldest[k] = created;
      }
    }
    return days.map((d, k) => ({ day: d.day, n: waiting[k]!, oldest: oldest[k] ?? null }));
  }

  // --- the console's reads ---

  /** Answers per day and outcome (accepted, rejected, invalid, failed), for the overview's chart and the report. */
  outcomesPerDay(days: readonly DayBounds[]): Array<{ day: string; outcome: string; n: number }> {
    return this.prepare(
      `WITH ${DAYS},
            kinds(outcome) AS (VALUES ('accepted'), ('rejected'), ('invalid'), ('failed'))
       SELECT d.day, k.outcome, count(*) AS n FROM days d CROSS JOIN kinds k
       JOIN attempts a ON a.outcome = k.outcome AND a.at >= d.s AND a.at < d.e
       GROUP BY d.day, k.outcome`,
    ).all(JSON.stringify(days)) as Array<{ day: string; outcome: string; n: number }>;
  }

  /** The packages a filter selects, `limit` from `offset`, sorted (newest first by default). */
  findPackages(filter: PackageFilter, sort: { by: PackageSort; desc: boolean }, limit: number, offset: number): PackageRow[] {
    const { where, args } = packageConditions(filter);
    const by = PACKAGE_SORTS.includes(sort.by) ? sort.by : 'id';
    const dir = sort.desc ? 'DESC' : 'ASC';
    return this.prepare(
      `SELECT ${LIST_COLUMNS}
       FROM packages p ${where} ORDER BY ${by} ${dir}${by === 'id' ? '' : `, id ${dir}`} LIMIT ? OFFSET ?`,
    ).all(...args, limit, offset) as PackageRow[];
  }

  /** How many packages a filter selects (the pager's total). */
  countPackages(filter: PackageFilter): number {
    const { where, args } = packageConditions(filter);
    return (this.prepare(`SELECT count(*) AS n FROM packages p ${where}`).get(...args) as { n: number }).n;
  }

  /** One package, whole (its XML and problems too). */
  packageById(id: number): PackageRow | undefined {
    return this.prepare('SELECT * FROM packages WHERE id = ?').get(id) as PackageRow | undefined;
  }

  /** The units of a package's history items (what the console shows beside the Protocolo). */
  unitsOf(packageId: number): string[] {
    return (this.prepare('SELECT DISTINCT unidade_operacao AS u FROM items WHERE package = ? ORDER BY u').all(packageId) as Array<{ u: string }>).map(
      (r) => r.u,
    );
  }

  /** The waiting packages (NI, and FI below the attempt limit), oldest first. */
  oldestPending(maxAttempts: number, limit: number): PackageRow[] {
    return this.prepare(
      `SELECT ${LIST_COLUMNS}
       FROM packages WHERE ${DUE} ORDER BY created_at, id LIMIT ?`,
    ).all(maxAttempts, limit) as PackageRow[];
  }

  /** The run history, newest first. */
  runs(limit: number, offset = 0): RunRow[] {
    return this.prepare('SELECT id, started_at, finished_at, status, since, until, counts, error FROM runs ORDER BY id DESC LIMIT ? OFFSET ?').all(
      limit,
      offset,
    ) as RunRow[];
  }

  countRuns(): number {
    return (this.prepare('SELECT count(*) AS n FROM runs').get() as { n: number }).n;
  }

  // --- operations ---

  status(maxAttempts: number): StoreStatus {
    const one = <T>(sql: string, ...args: unknown[]): T => this.prepare(sql).get(...args) as T;
    // NI, EN and FI are the few: each a range of the state index. I, nearly every package, is the rest
    // of a plain count (SQLite counts a b-tree's cells without reading its rows): 11 ms on a store of
    // 1,000,000 packages, where counting by state (a GROUP BY over the whole index) took 38.
    // One read transaction, so that a writer's commit between the counts cannot skew the subtraction.
    const counts = this.transaction((): Record<PackageState, number> => {
      const few = (state: PackageState): number => one<{ n: number }>('SELECT count(*) AS n FROM packages WHERE state = ?', state).n;
      const c = { NI: few('NI'), I: 0, EN: few('EN'), FI: few('FI') };
      c.I = one<{ n: number }>('SELECT count(*) AS n FROM packages').n - c.NI - c.EN - c.FI;
      return c;
    });
    const lastRun = one<{ id: number; started_at: string; finished_at: string | null; status: string; error: string | null } | undefined>(
      'SELECT id, started_at, finished_at, status, error FROM runs ORDER BY id DESC LIMIT 1',
    );
    return {
      counts,
      enFromPi: one<{ n: number }>("SELECT count(*) AS n FROM packages WHERE state = 'EN' AND origin = 'pi'").n,
      enFromValidation: one<{ n: number }>("SELECT count(*) AS n FROM packages WHERE state = 'EN' AND origin = 'validation'").n,
      fiExhausted: one<{ n: number }>("SELECT count(*) AS n FROM packages WHERE state = 'FI' AND attempts >= ?", maxAttempts).n,
      // From the record of answers, not from the states packages are in now (a resend changes those).
      lastSuccessAt: one<{ t: string | null }>("SELECT max(at) AS t FROM attempts WHERE outcome = 'accepted'").t,
      oldestPendingAt: one<{ t: string | null }>(`SELECT min(created_at) AS t FROM packages WHERE ${DUE}`, maxAttempts).t,
      lastRun: lastRun
        ? { id: lastRun.id, startedAt: lastRun.started_at, finishedAt: lastRun.finished_at, status: lastRun.status, error: lastRun.error }
        : null,
      watermark: this.watermark ?? null,
      items: one<{ n: number }>('SELECT count(*) AS n FROM items').n,
    };
  }

  listPackages(filter: { state?: PackageState; protocolo?: string; since?: string; limit?: number }): PackageRow[] {
    const { where, args } = conditions({ state: filter.state, protocolo: filter.protocolo, state_at_since: filter.since });
    const sql = `SELECT * FROM packages ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`;
    return this.prepare(sql).all(...args, filter.limit ?? 50) as PackageRow[];
  }

  /** The packages of a Protocolo: those under it now, and those ever sent under it (a corrected NUP). */
  packagesOf(protocolo: string): PackageRow[] {
    return this.prepare('SELECT * FROM packages WHERE protocolo = ? OR id IN (SELECT package FROM attempts WHERE protocolo = ?) ORDER BY id').all(
      protocolo,
      protocolo,
    ) as PackageRow[];
  }

  /**
   * Forced resend (the SEI module's "forçar reenvio"): matching packages go back to NI with a fresh
   * attempt count, integrated ones too (the PI ignores what it already has). A process keeps one open
   * package: an integrated package resent while another is open joins it.
   */
  resend(filter: { protocolo?: string; state?: PackageState; id?: number }): number {
    if (!filter.protocolo && !filter.state && filter.id === undefined) throw new PiSenderError('ERR_USAGE', t('store.resendNeeds'));
    const { where, args } = conditions({ protocolo: filter.protocolo, state: filter.state, id: filter.id === undefined ? undefined : String(filter.id) });
    const at = now();
    return this.transaction(() => {
      const rows = this.prepare(`SELECT id, process, state FROM packages WHERE ${where.join(' AND ')} ORDER BY id`).all(...args) as Array<{
        id: number;
        process: string;
        state: PackageState;
      }>;
      let n = 0;
      for (const r of rows) {
        if (r.state !== 'I') {
          this.prepare("UPDATE packages SET state = 'NI', attempts = 0, alerted = 0, state_at = ? WHERE id = ?").run(at, r.id);
          n++;
          continue;
        }
        const open = this.prepare("SELECT id FROM packages WHERE process = ? AND state <> 'I'").get(r.process) as { id: number } | undefined;
        if (open) {
          // The integrated package joins the open one with its items and its whole history.
          this.prepare('UPDATE items SET package = ? WHERE package = ?').run(open.id, r.id);
          this.prepare('UPDATE attempts SET package = ? WHERE package = ?').run(open.id, r.id);
          this.prepare('DELETE FROM packages WHERE id = ?').run(r.id);
          this.prepare("UPDATE packages SET state = 'NI', attempts = 0, alerted = 0, state_at = ? WHERE id = ?").run(at, open.id);
        } else {
          this.prepare("UPDATE packages SET state = 'NI', attempts = 0, alerted = 0, state_at = ? WHERE id = ?").run(at, r.id);
        }
        n++;
      }
      return n;
    });
  }

  /** Packages in EN or FI since before `before` (an ISO instant): how many, and since when the oldest. */
  staleFailures(before: string): { count: number; oldestAt: string | null } {
    const r = this.prepare("SELECT count(*) AS n, min(state_at) AS t FROM packages WHERE state IN ('EN', 'FI') AND state_at < ?").get(before) as {
      n: number;
      t: string | null;
    };
    return { count: r.n, oldestAt: r.t };
  }

  /** The packages in EN or FI, oldest first: what a reminder lists. */
  oldestFailures(limit: number): PackageRow[] {
    return this.prepare("SELECT * FROM packages WHERE state IN ('EN', 'FI') ORDER BY state_at, id LIMIT ?").all(limit) as PackageRow[];
  }

  // --- alerts ---

  /** When an alert of this kind last went out, or undefined. */
  alertFiredAt(kind: string): string | undefined {
    return (this.prepare('SELECT fired_at FROM alerts WHERE kind = ?').get(kind) as { fired_at: string } | undefined)?.fired_at;
  }

  alertKey(kind: string): string | undefined {
    return (this.prepare('SELECT key FROM alerts WHERE kind = ?').get(kind) as { key: string } | undefined)?.key;
  }

  setAlertKey(kind: string, key: string, at = now()): void {
    this.prepare(
      'INSERT INTO alerts (kind, key, fired_at) VALUES (?, ?, ?) ON CONFLICT(kind) DO UPDATE SET key = excluded.key, fired_at = excluded.fired_at',
    ).run(kind, key, at);
  }

  /** Packages in EN or FI that no failure alert has covered yet. */
  unalertedFailures(): { fi: number; en: number } {
    const r = this.prepare("SELECT sum(state = 'FI') AS fi, sum(state = 'EN') AS en FROM packages WHERE state IN ('EN', 'FI') AND alerted = 0").get() as {
      fi: number | null;
      en: number | null;
    };
    return { fi: r.fi ?? 0, en: r.en ?? 0 };
  }

  /** Marks every package now in EN or FI as covered by a failure alert. */
  markFailuresAlerted(): void {
    this.prepare("UPDATE packages SET alerted = 1 WHERE state IN ('EN', 'FI') AND alerted = 0").run();
  }
}

/** `column = ?` conditions for the filters that are set (`*_since` means `column >= ?`). */
function conditions(filters: Record<string, string | undefined>): { where: string[]; args: string[] } {
  const where: string[] = [];
  const args: string[] = [];
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined) continue;
    where.push(key.endsWith('_since') ? `${key.slice(0, -'_since'.length)} >= ?` : `${key} = ?`);
    args.push(value);
  }
  return { where, args };
}

/** The WHERE of the console's package filters (a unit matches any history item of the package). */
function packageConditions(f: PackageFilter): { where: string; args: string[] } {
  const where: string[] = [];
  const args: string[] = [];
  const add = (sql: string, value: string | undefined): void => {
    if (value === undefined || value === '') return;
    where.push(sql);
    args.push(value);
  };
  add('p.state = ?', f.state);
  add('(p.protocolo = ? OR p.id IN (SELECT package FROM attempts WHERE protocolo = ?))', f.protocolo);
  if (f.protocolo) args.push(f.protocolo);
  add('p.code = ?', f.code);
  add('p.created_at >= ?', f.createdFrom);
  add('p.created_at < ?', f.createdUntil);
  add('p.sent_at >= ?', f.sentFrom);
  add('p.sent_at < ?', f.sentUntil);
  add(
    "EXISTS (SELECT 1 FROM items i WHERE i.package = p.id AND i.unidade_operacao LIKE ? ESCAPE '\\')",
    f.unit === undefined ? undefined : `%${f.unit.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
  );
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', args };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
