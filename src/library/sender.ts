/**
 * The library's sender, for an SPE written in Node: it enqueues Documentos from the SPE's own code
 * into the same durable state store the export job uses, and sends them to the PI in the background
 * or on demand, with the same retries, validation and states (NI / I / EN / FI).
 */

import { t } from '../i18n/translate.js';
import { EventEmitter } from 'node:events';
import { PiSenderError } from '../errors.js';
import { silentLogger, type Logger } from '../logging.js';
import { sendDue, type PackageResult, type SendSettings } from '../outbox/send-due.js';
import type { PiService } from '../pi/client.js';
import { createPiClient, piSettings, type PiConnection } from '../pi/connect.js';
import { DEFAULT_TIME_ZONE, isValidTimeZone, toDateTime } from '../standard/datetime.js';
import type { Documento, DocumentoDraft, ItemHistorico, Profile } from '../standard/model.js';
import { withoutCpfs } from '../standard/cpf.js';
import { normalizeDocumento } from '../standard/normalize.js';
import type { Problem } from '../standard/problems.js';
import { shapeProblems, validateDocumento } from '../standard/validate.js';
import { XsdPool } from '../standard/xsd-pool.js';
import { Store } from '../store/store.js';
import { DEFAULT_MAX_ATTEMPTS, type StoreStatus } from '../store/types.js';

/** How to reach the PI: connection settings, or a ready {@link PiService}. */
export type SenderPi =
  | {
      /** SOAP address, or `homologacao` / `producao` (default: PI_ENDPOINT). */
      endpoint?: string;
      /** The organ's login (default: PI_USER). */
      user?: string;
      /** The password, from your secret store (default: PI_PASSWORD, or `passwordFile`). */
      password?: string;
      passwordFile?: string;
      /** Extra CA files to trust, a client certificate, a proxy, the answer timeout. */
      ca?: string[];
      cert?: string;
      key?: string;
      pfx?: string;
      certPassphraseFile?: string;
      proxy?: string;
      timeoutSeconds?: number;
      /** `soap` (default, else PI_TRANSPORT) or `rest`, the new REST API: docs/rest.md. */
      transport?: 'soap' | 'rest';
    }
  | { client: PiService };

/** Settings of {@link createSender}. */
export interface SenderConfig {
  /** The SQLite state store file (created when missing). One per environment (homologação, produção). */
  store: string;
  pi: SenderPi;
  /** Validation profile (default `strict`). */
  profile?: Profile;
  /** Zone given to date-times without offset (default `America/Sao_Paulo`). */
  timeZone?: string;
  /** Send Documentos enqueued as `restrito` (default false, as the Portaria asks). */
  publishRestrito?: boolean;
  /**
   * Keep and send interessados' `cpf` and `natureza` (default false). Only the REST transport carries
   * them; personal data: read docs/rest.md first. Off, they are dropped at `enqueue` and erased from
   * the store.
   */
  sendCpf?: boolean;
  /** Attempts of a failing package across flushes before it waits for a resend (default 15). */
  maxAttempts?: number;
  /** Attempts of a batch within one flush (default 5), and the first retry delay (default 1000 ms). */
  retries?: number;
  retryDelayMs?: number;
  /** Largest batch wanted (the PI's maximum wins when smaller) and batches in flight (default 2). */
  batchSize?: number;
  concurrency?: number;
  /** A pino-compatible logger (default: silent). */
  logger?: Logger;
}

/**
 * A Documento as {@link Sender.enqueue} takes it: the data standard's fields, with date-times in any
 * form the export mapping reads: a `Date`, `2025-03-10` (local midnight, as the SEI module sends
 * DataHoraProducao), `2025-03-10 09:15:02`, `10/03/2025 09:15`, or an xs:dateTime with its offset.
 * Times without an offset are in the sender's `timeZone`.
 */
export type DocumentoInput = Omit<DocumentoDraft, 'DataHoraProducao' | 'Historico'> & {
  DataHoraProducao?: string | Date;
  Historico?: { ItemHistorico?: Array<Omit<Partial<ItemHistorico>, 'DataHoraOperacao'> & { DataHoraOperacao?: string | Date }> };
};

/** The date-time fields of a Documento as xs:dateTime with offset; anything else is left for validation. */
function withDateTimes(doc: DocumentoInput, timeZone: string): DocumentoDraft {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return doc as DocumentoDraft;
  const dateTime = (v: unknown): unknown => (typeof v === 'string' || v instanceof Date ? (toDateTime(v, timeZone) ?? v) : v);
  const out: Record<string, unknown> = { ...doc };
  if ('DataHoraProducao' in doc) out['DataHoraProducao'] = dateTime(doc.DataHoraProducao);
  const items = doc.Historico?.ItemHistorico;
  if (Array.isArray(items)) {
    out['Historico'] = {
      ...doc.Historico,
      ItemHistorico: items.map((i) =>
        typeof i === 'object' && i !== null && 'DataHoraOperacao' in i ? { ...i, DataHoraOperacao: dateTime(i.DataHoraOperacao) } : i,
      ),
    };
  }
  return out as DocumentoDraft;
}

/** Access level of what is enqueued: sigiloso is never sent, restrito only with `publishRestrito`. */
export type NivelAcesso = 'publico' | 'restrito' | 'sigiloso';

/** Options of {@link Sender.enqueue}. */
export interface EnqueueOptions {
  /** Default `publico`. */
  access?: NivelAcesso;
}

/** What {@link Sender.enqueue} did with one Documento. */
export interface EnqueueResult {
  /** The Protocolo, digits only. */
  protocolo: string;
  /** False when the Documento was withheld (sigiloso, or restrito while not published). */
  queued: boolean;
  /** New movements stored (a movement enqueued again is stored once). */
  newItems: number;
  /** Warnings found (a Documento with errors is refused instead). */
  warnings: Problem[];
}

/** One Documento's outcome in a flush. */
export type SendOutcome = PackageResult;

/** Thrown by {@link Sender.enqueue} for an invalid Documento: every problem, with its field path. */
export class InvalidDocumentoError extends PiSenderError {
  constructor(
    /** Position of the Documento in the call (0 for a single Documento). */
    readonly index: number,
    readonly protocolo: string | undefined,
    readonly problems: Problem[],
  ) {
    const errors = problems.filter((p) => p.severity === 'error');
    super(
      'ERR_INVALID_DOCUMENT',
      t('library.invalid', { protocolo: protocolo ? `${protocolo} ` : '', problems: errors.map((p) => `${p.field ?? 'Documento'}: ${p.code}`).join('; ') }),
      { documento: index + 1, ...(protocolo ? { protocolo } : {}) },
    );
    this.name = 'InvalidDocumentoError';
  }
}

/** What {@link Sender.status} tells: the state store's counts, plus the sender's own state. */
export interface SenderStatus extends StoreStatus {
  /** A flush is running now. */
  flushing: boolean;
  /** The background loop is on. */
  running: boolean;
}

/** The events a {@link Sender} emits, with their arguments. */
export interface SenderEvents {
  accepted: [SendOutcome];
  rejected: [SendOutcome];
  failed: [SendOutcome];
  invalid: [SendOutcome];
  /** A background flush failed as a whole (PI unreachable, credentials refused); the next one retries. */
  error: [Error];
}

/** A Documento that passed the checks of {@link Sender.enqueue}, with the warnings it had. */
interface ValidDocumento {
  documento: Documento;
  warnings: Problem[];
}

/**
 * Sends Documentos to the Protocolo Integrado from an SPE's own code. Create it with
 * {@link createSender}; `enqueue` from request handlers, `flush` (or `start` a background loop),
 * listen to the events, `close` at shutdown.
 */
export class Sender extends EventEmitter<SenderEvents> {
  private readonly store: Store;
  private readonly settings: SendSettings;
  private readonly log: Logger;
  private connection: PiConnection | undefined;
  private xsd: XsdPool | undefined;
  private flushing: Promise<SendOutcome[]> | undefined;
  /** Enqueues waiting for the next group commit (one transaction, one fsync, for all made in the same turn). */
  private queued: Array<{ documentos: ValidDocumento[]; resolve: (r: EnqueueResult[]) => void; reject: (e: unknown) => void }> = [];
  private commitScheduled = false;
  private timer: NodeJS.Timeout | undefined;
  private loopStopped = true;
  private closed = false;

  /** @internal use {@link createSender} */
  constructor(private readonly config: SenderConfig) {
    super();
    const timeZone = config.timeZone ?? DEFAULT_TIME_ZONE;
    if (!isValidTimeZone(timeZone)) throw new PiSenderError('ERR_CONFIG', t('library.unknownZone', { zone: timeZone }));
    this.store = Store.open(config.store);
    this.store.keepCpfs(config.sendCpf === true);
    this.log = config.logger ?? silentLogger;
    this.settings = {
      profile: config.profile ?? 'strict',
      timeZone,
      sending: { maxAttempts: config.maxAttempts ?? DEFAULT_MAX_ATTEMPTS, retries: config.retries ?? 5, retryDelayMs: config.retryDelayMs ?? 1000 },
      pi: { ...(config.batchSize ? { batchSize: config.batchSize } : {}), concurrency: config.concurrency ?? 2, sendCpf: config.sendCpf === true },
    };
  }

  /**
   * Normalizes and validates Documentos, then stores them durably: the promise resolves only once
   * they are committed to the state store, so a crash afterwards loses nothing. All or nothing: if
   * any Documento is invalid, none is stored and an {@link InvalidDocumentoError} lists its problems.
   * Enqueueing the same movement again stores it once; new movements of a known Protocolo join its
   * pending Documento.
   */
  async enqueue(documentos: DocumentoInput | DocumentoInput[], options: EnqueueOptions = {}): Promise<EnqueueResult[]> {
    this.assertOpen();
    const list = (Array.isArray(documentos) ? documentos : [documentos]).map((d) => withDateTimes(d, this.settings.timeZone));
    const access = options.access ?? 'publico';
    const publish = access === 'publico' || (access === 'restrito' && this.config.publishRestrito === true);
    const checked = list.map((doc, index): ValidDocumento => {
      const shape = shapeProblems(doc);
      if (shape.length > 0) throw new InvalidDocumentoError(index, typeof doc?.Protocolo === 'string' ? doc.Protocolo : undefined, shape);
      const { documento } = normalizeDocumento(this.settings.pi.sendCpf ? doc : withoutCpfs(doc), { timeZone: this.settings.timeZone });
      const result = validateDocumento(documento, { profile: this.settings.profile });
      if (!result.valid)
        throw new InvalidDocumentoError(index, documento.Protocolo ?? (typeof doc?.Protocolo === 'string' ? doc.Protocolo : undefined), result.problems);
      return { documento: result.documento, warnings: result.problems };
    });
    if (!publish) {
      return checked.map((c) => ({ protocolo: c.documento.Protocolo, queued: false, newItems: 0, warnings: c.warnings }));
    }
    // Calls made in the same turn (Promise.all, concurrent requests of an SPE service) share one
    // commit; each promise still resolves only once its own Documentos are committed.
    return new Promise<EnqueueResult[]>((resolve, reject) => {
      this.queued.push({ documentos: checked, resolve, reject });
      if (!this.commitScheduled) {
        this.commitScheduled = true;
        setImmediate(() => this.commitQueued());
      }
    });
  }

  /** Stores and assembles the waiting enqueues in one transaction; if it fails, each alone, so one bad call fails no other. */
  private commitQueued(): void {
    this.commitScheduled = false;
    const batch = this.queued.splice(0);
    if (batch.length === 0) return;
    const store = (group: typeof batch): EnqueueResult[][] =>
      this.store.transaction(() => {
        const results = group.map((g) =>
          g.documentos.map((c) => {
            const stored = this.store.storeDocumento(c.documento, 0);
            return { protocolo: stored.protocolo, queued: true, newItems: stored.items.new + stored.items.changed, warnings: c.warnings };
          }),
        );
        this.store.assemblePackages();
        return results;
      });
    try {
      const results = store(batch);
      batch.forEach((g, i) => g.resolve(results[i]!));
    } catch {
      for (const g of batch) {
        try {
          g.resolve(store([g])[0]!);
        } catch (err) {
          g.reject(err);
        }
      }
    }
  }

  /**
   * Sends every Documento due (new ones, and failed ones below the attempt limit) and returns the
   * outcome of each. Calls made while a flush runs wait for it and share its result.
   */
  flush(signal?: AbortSignal): Promise<SendOutcome[]> {
    this.assertOpen();
    this.flushing ??= this.doFlush(signal).finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  private async doFlush(signal?: AbortSignal): Promise<SendOutcome[]> {
    this.commitQueued();
    const lock = this.store.acquireLock();
    if (!lock.acquired) throw new PiSenderError('ERR_USAGE', t('job.lockedLibrary', { pid: String(lock.pid), host: lock.host ?? '?' }));
    const outcomes: SendOutcome[] = [];
    try {
      this.xsd ??= new XsdPool();
      await sendDue(this.store, this.client(), this.settings, this.xsd, {
        log: this.log,
        signal,
        onResult: (r) => {
          outcomes.push(r);
          this.emit(r.outcome, r);
        },
      });
    } finally {
      this.store.releaseLock();
    }
    return outcomes;
  }

  private client(): PiService {
    const pi = this.config.pi;
    if ('client' in pi) return pi.client;
    if (!this.connection) {
      const settings = piSettings({ ...pi, proxyOrigin: 'pi.proxy' });
      this.connection = createPiClient({ ...settings, ...(pi.password !== undefined ? { password: pi.password } : {}) });
    }
    return this.connection.client;
  }

  /**
   * Flushes now and then every `intervalMs` (default 60 s), never two at once. A flush that fails
   * emits `error` (or is logged when nobody listens) and the loop goes on.
   */
  start(options: { intervalMs?: number } = {}): void {
    this.assertOpen();
    if (!this.loopStopped) return;
    this.loopStopped = false;
    const interval = options.intervalMs ?? 60_000;
    const tick = async (): Promise<void> => {
      try {
        await this.flush();
      } catch (err) {
        const e = err instanceof Error ? err : new Error(String(err));
        if (this.listenerCount('error') > 0) this.emit('error', e);
        else this.log.error({ err: e.message }, t('library.flushFailed'));
      }
      if (!this.loopStopped) this.timer = setTimeout(() => void tick(), interval);
    };
    void tick();
  }

  /** Stops the background loop; resolves once a flush in progress has finished and been recorded. */
  async stop(): Promise<void> {
    this.loopStopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.flushing?.catch(() => undefined);
  }

  /** Packages per state, last success, oldest pending (as `pi-sender status`). */
  status(): SenderStatus {
    this.assertOpen();
    return { ...this.store.status(this.settings.sending.maxAttempts), flushing: this.flushing !== undefined, running: !this.loopStopped };
  }

  /** Stops the loop and releases the store, the connections and the XSD worker. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.commitQueued();
    await this.stop();
    this.closed = true;
    await this.connection?.transport.close();
    await this.xsd?.close();
    this.store.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new PiSenderError('ERR_USAGE', t('library.closed'));
  }
}

/**
 * Creates a sender. It opens (or creates) the state store at once; it connects to the PI on the
 * first flush.
 *
 * @example
 * const sender = createSender({ store: 'pi-sender.db', pi: { endpoint: 'homologacao', user: '99991', password: process.env.PI_PASSWORD } });
 * await sender.enqueue(documento);
 * const outcomes = await sender.flush();
 */
export function createSender(config: SenderConfig): Sender {
  return new Sender(config);
}

export type { Documento };
