/**
 * The SIAFI store: one SQLite file (WAL, synchronous=FULL) with every integrarSistemaSPUNet
 * requisition pi-sender was asked to send, its nonce, its state and every attempt. A requisition and
 * its nonce are committed before the first byte is sent, so after a crash the same nonce goes again
 * and SIAFI answers it as a repeat instead of applying it twice. It holds no credential.
 */

import { t } from '../i18n/translate.js';
import type Database from 'better-sqlite3';
import { PiSenderError } from '../errors.js';
import { redact, redactOrNull } from '../redact.js';
import { openSqlite } from './sqlite.js';

/**
 * - NOVA: stored, no answer yet (never sent, or not reached): send with its nonce.
 * - INDEFINIDA: SIAFI may have applied it: send again with the same nonce when due.
 * - VERIFICAR: SIAFI will not tell (EWS0010, or too many unknown outcomes): check in SIAFI, then settle.
 * - RECUSADA: refused before processing (credentials, header, consumer not registered): fix the
 *   setup and send again (same nonce).
 * - SUCESSO, FALHA: settled.
 */
export type RequisicaoState = 'NOVA' | 'INDEFINIDA' | 'VERIFICAR' | 'RECUSADA' | 'SUCESSO' | 'FALHA';

/** States that still need something: a send, a check, or a fix. */
export const UNSETTLED_STATES: readonly RequisicaoState[] = ['NOVA', 'INDEFINIDA', 'VERIFICAR', 'RECUSADA'];

/** One stored requisition. */
export interface RequisicaoRecord {
  id: number;
  endpoint: string;
  operation: string;
  ug: string;
  contentKey: string;
  generation: number;
  nonce: string;
  bodyXml: string;
  state: RequisicaoState;
  attempts: number;
  nextAttemptAt: string | null;
  resultado: string | null;
  ews: string | null;
  message: string | null;
  /** SPURequisicaoResposta as JSON, when SIAFI sent one. */
  resposta: string | null;
  /** requisicaoRepetidaResposta as JSON, when the last answer was a repeat. */
  repetida: string | null;
  createdAt: string;
  updatedAt: string;
  lastSentAt: string | null;
}

const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE requisicoes (
    id INTEGER PRIMARY KEY,
    endpoint TEXT NOT NULL,
    operation TEXT NOT NULL,
    ug TEXT NOT NULL,
    content_key TEXT NOT NULL,            -- SHA-256 of operation, UG and the canonical parameter XML
    generation INTEGER NOT NULL,          -- 1, then +1 for each explicitly new requisition of the same content
    nonce TEXT NOT NULL,
    body_xml TEXT NOT NULL,               -- the operation element as sent (no credentials)
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    resultado TEXT,
    ews TEXT,
    message TEXT,
    resposta TEXT,
    repetida TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    last_sent_at TEXT,
    UNIQUE (endpoint, nonce),
    UNIQUE (endpoint, operation, ug, content_key, generation)
  );
  CREATE INDEX requisicoes_state ON requisicoes(state, next_attempt_at);
  CREATE TABLE attempts (
    requisicao INTEGER NOT NULL REFERENCES requisicoes(id),
    at TEXT NOT NULL,
    resultado TEXT NOT NULL,
    ews TEXT,
    message TEXT NOT NULL
  );
  CREATE INDEX attempts_requisicao ON attempts(requisicao);
  `,
];

const COLUMNS = `id, endpoint, operation, ug, content_key AS contentKey, generation, nonce, body_xml AS bodyXml, state, attempts,
  next_attempt_at AS nextAttemptAt, resultado, ews, message, resposta, repetida, created_at AS createdAt, updated_at AS updatedAt, last_sent_at AS lastSentAt`;

/** The SIAFI store (see the file's comment): open it with {@link SiafiStore.open}. */
export class SiafiStore {
  private constructor(
    readonly file: string,
    private readonly db: Database.Database,
  ) {}

  static open(file: string): SiafiStore {
    return new SiafiStore(file, openSqlite(file, MIGRATIONS, t('store.siafiStore')));
  }

  close(): void {
    this.db.close();
  }

  /** The newest generation of a requisition with this content at this endpoint. */
  latest(endpoint: string, operation: string, ug: string, contentKey: string): RequisicaoRecord | undefined {
    return this.db
      .prepare(`SELECT ${COLUMNS} FROM requisicoes WHERE endpoint = ? AND operation = ? AND ug = ? AND content_key = ? ORDER BY generation DESC LIMIT 1`)
      .get(endpoint, operation, ug, contentKey) as RequisicaoRecord | undefined;
  }

  /**
   * Stores a new requisition in state NOVA (committed, durable) and returns it. When another process
   * stored the same one first (same nonce), that row is returned: both then send the same nonce.
   */
  insert(
    r: { endpoint: string; operation: string; ug: string; contentKey: string; generation: number; nonce: string; bodyXml: string },
    now = new Date(),
  ): RequisicaoRecord {
    const at = now.toISOString();
    this.db
      .prepare(
        `INSERT INTO requisicoes (endpoint, operation, ug, content_key, generation, nonce, body_xml, state, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'NOVA', ?, ?) ON CONFLICT DO NOTHING`,
      )
      .run(r.endpoint, r.operation, r.ug, r.contentKey, r.generation, r.nonce, r.bodyXml, at, at);
    const stored = this.db.prepare(`SELECT ${COLUMNS} FROM requisicoes WHERE endpoint = ? AND nonce = ?`).get(r.endpoint, r.nonce) as
      RequisicaoRecord | undefined;
    if (!stored || stored.contentKey !== r.contentKey) throw new PiSenderError('ERR_CONFIG', t('store.nonceTaken', { nonce: r.nonce, endpoint: r.endpoint }));
    return stored;
  }

  byId(id: number): RequisicaoRecord | undefined {
    return this.db.prepare(`SELECT ${COLUMNS} FROM requisicoes WHERE id = ?`).get(id) as RequisicaoRecord | undefined;
  }

  byNonce(nonce: string): RequisicaoRecord[] {
    return this.db.prepare(`SELECT ${COLUMNS} FROM requisicoes WHERE nonce = ? ORDER BY id`).all(nonce) as RequisicaoRecord[];
  }

  /**
   * Counts an attempt before the request leaves, so a crash mid-call still shows it: `resultado`
   * stays {@link SENT_NO_ANSWER} until the answer (or its absence) is recorded.
   */
  markSending(id: number, now = new Date()): void {
    this.db
      .prepare('UPDATE requisicoes SET attempts = attempts + 1, last_sent_at = ?, updated_at = ?, resultado = ? WHERE id = ?')
      .run(now.toISOString(), now.toISOString(), SENT_NO_ANSWER, id);
  }

  /** Records an answer (or the lack of one) and the state it leads to, with its history line. */
  record(
    id: number,
    r: {
      state: RequisicaoState;
      resultado: string;
      ews?: string | undefined;
      message: string;
      resposta?: unknown;
      repetida?: unknown;
      nextAttemptAt?: Date | undefined;
    },
    now = new Date(),
  ): RequisicaoRecord {
    this.db.transaction(() => {
      this.db
        .prepare(
          `UPDATE requisicoes SET state = ?, resultado = ?, ews = ?, message = ?, resposta = COALESCE(?, resposta), repetida = ?, next_attempt_at = ?, updated_at = ? WHERE id = ?`,
        )
        .run(
          r.state,
          r.resultado,
          r.ews ?? null,
          redactOrNull(r.message),
          r.resposta === undefined ? null : redact(JSON.stringify(r.resposta)),
          r.repetida === undefined ? null : redact(JSON.stringify(r.repetida)),
          r.nextAttemptAt ? r.nextAttemptAt.toISOString() : null,
          now.toISOString(),
          id,
        );
      this.db
        .prepare('INSERT INTO attempts (requisicao, at, resultado, ews, message) VALUES (?, ?, ?, ?, ?)')
        .run(id, now.toISOString(), r.resultado, r.ews ?? null, redactOrNull(r.message));
    })();
    return this.byId(id)!;
  }

  /** Requisitions not yet settled, oldest first. */
  unsettled(): RequisicaoRecord[] {
    return this.db
      .prepare(`SELECT ${COLUMNS} FROM requisicoes WHERE state IN ('NOVA', 'INDEFINIDA', 'VERIFICAR', 'RECUSADA') ORDER BY created_at, id`)
      .all() as RequisicaoRecord[];
  }

  /** NOVA and INDEFINIDA requisitions whose next attempt is due at `now`. */
  due(now = new Date()): RequisicaoRecord[] {
    return this.db
      .prepare(
        `SELECT ${COLUMNS} FROM requisicoes WHERE state IN ('NOVA', 'INDEFINIDA') AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY created_at, id`,
      )
      .all(now.toISOString()) as RequisicaoRecord[];
  }

  /**
   * Settles by hand a requisition someone checked in SIAFI. Several endpoints may share a nonce: then
   * `endpoint` must say which.
   */
  settle(nonce: string, state: 'SUCESSO' | 'FALHA', note: string, endpoint?: string, now = new Date()): RequisicaoRecord {
    const found = this.byNonce(nonce).filter((r) => endpoint === undefined || r.endpoint === endpoint);
    if (found.length === 0)
      throw new PiSenderError('ERR_USAGE', t('store.noNonce', { nonce, forEndpoint: endpoint ? t('store.forEndpoint', { endpoint }) : '', file: this.file }));
    if (found.length > 1) throw new PiSenderError('ERR_USAGE', t('store.nonceSeveral', { nonce, count: found.length }));
    const r = found[0]!;
    if (r.state === 'SUCESSO' || r.state === 'FALHA') throw new PiSenderError('ERR_USAGE', t('store.alreadySettled', { nonce, state: r.state }));
    return this.record(r.id, { state, resultado: state, message: t('store.settledByHand', { note }) }, now);
  }

  countByState(): Record<RequisicaoState, number> {
    const out: Record<RequisicaoState, number> = { NOVA: 0, INDEFINIDA: 0, VERIFICAR: 0, RECUSADA: 0, SUCESSO: 0, FALHA: 0 };
    for (const row of this.db.prepare('SELECT state, COUNT(*) AS n FROM requisicoes GROUP BY state').all() as Array<{ state: RequisicaoState; n: number }>)
      out[row.state] = row.n;
    return out;
  }
}

/** `resultado` of a requisition whose last attempt left and whose answer was never recorded. */
export const SENT_NO_ANSWER = 'ENVIADA_SEM_RESPOSTA';
