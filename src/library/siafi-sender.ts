/**
 * Sending integrarSistemaSPUNet requisitions so that none is ever applied twice: each requisition
 * and its nonce are stored durably before the first send; an unknown outcome (INDEFINIDO, timeout,
 * EWS0006, EWS0011) is sent again later with the same nonce, which SIAFI answers as a repeat; a new
 * nonce comes only with a changed requisition, or when explicitly asked after a settled one.
 */

import { t } from '../i18n/translate.js';
import { PiSenderError, isPiSenderError } from '../errors.js';
import { createSiafiClient, type SiafiClient, type SiafiConnectionSettings } from '../siafi/client.js';
import { makeNonce, requisicaoKey } from '../siafi/nonce.js';
import type { SiafiOutcome } from '../siafi/outcome.js';
import type { SiafiOperation, SiafiRequisicoes } from '../siafi/types.js';
import { TransportError } from '../soap/errors.js';
import type { HttpTransport } from '../soap/transport.js';
import { SiafiStore, type RequisicaoRecord, type RequisicaoState } from '../store/siafi-store.js';

/** Settings of {@link createSiafiSender}. */
export interface SiafiSenderConfig extends SiafiConnectionSettings {
  /** The SIAFI store file (SQLite), e.g. `pi-sender-siafi.db`. */
  store: string;
  /**
   * The operator's UG for cabecalhoSIAFI. When absent, the requisition's own `codUG` (or
   * `codUGOrigem`) is used.
   */
  ug?: number | string | undefined;
  /** Unknown outcomes in a row before a requisition is left for a person to check (default 10). */
  maxUnknownAttempts?: number | undefined;
  /** Wait before trying again a requisition the service never received (default 5 minutes). */
  notReachedRetryMs?: number | undefined;
  /** The clock (tests). */
  now?: (() => Date) | undefined;
}

/** What {@link SiafiSender.send} did. */
export interface SiafiSendResult {
  /** The stored requisition after this call. */
  record: RequisicaoRecord;
  /** SIAFI's answer, when a request was sent. */
  outcome?: SiafiOutcome & { raw?: string };
  /** False when nothing was sent (already applied). */
  sent: boolean;
}

/** Options of {@link SiafiSender.send}. */
export interface SiafiSendOptions {
  /** The operator's UG for this call (overrides the configured one). */
  ug?: number | string;
  /**
   * Send as a new requisition even though the same content was sent before and settled (SUCESSO,
   * FALHA or RECUSADA): a new nonce. Refused while the earlier one may still be applied.
   */
  newRequisicao?: boolean;
  signal?: AbortSignal;
}

function stateOf(outcome: SiafiOutcome, attempts: number, maxUnknown: number): RequisicaoState {
  switch (outcome.effect) {
    case 'applied':
      return 'SUCESSO';
    case 'failed':
      return 'FALHA';
    case 'refused':
      return 'RECUSADA';
    case 'unknown':
      return outcome.needsCheck || attempts >= maxUnknown ? 'VERIFICAR' : 'INDEFINIDA';
  }
}

/** The durable SIAFI sender. Create it with {@link createSiafiSender}; close it when done. */
export class SiafiSender {
  private readonly now: () => Date;

  constructor(
    readonly client: SiafiClient,
    readonly store: SiafiStore,
    private readonly config: Pick<SiafiSenderConfig, 'ug' | 'maxUnknownAttempts' | 'notReachedRetryMs' | 'now'>,
    private readonly transport?: HttpTransport,
  ) {
    this.now = config.now ?? (() => new Date());
  }

  /**
   * Validates and sends one requisition. Resolves with the outcome (SUCESSO, FALHA or INDEFINIDO,
   * all recorded); rejects with SiafiValidationError before sending anything when the requisition
   * breaks a restriction, with ERR_SIAFI_FAILED when this very requisition already got a FALHA, and
   * with the transport's error when the service could not be reached (the requisition stays stored
   * and goes with the same nonce on the next try).
   */
  async send<O extends SiafiOperation>(operation: O, requisicao: SiafiRequisicoes[O], options: SiafiSendOptions = {}): Promise<SiafiSendResult> {
    const r = requisicao as unknown as Record<string, unknown>;
    const ug = options.ug ?? this.config.ug ?? (r['codUG'] as string | number | undefined) ?? (r['codUGOrigem'] as string | number | undefined);
    const prepared = this.client.prepare(operation, requisicao, ug ?? '');
    const endpoint = this.client.endpoint;
    const key = requisicaoKey(operation, prepared.ug, prepared.bodyXml);
    const existing = this.store.latest(endpoint, operation, prepared.ug, key);
    let record: RequisicaoRecord;
    if (existing && !options.newRequisicao) {
      if (existing.state === 'SUCESSO') return { record: existing, sent: false };
      if (existing.state === 'FALHA') {
        throw new PiSenderError('ERR_SIAFI_FAILED', t('library.siafiFailedBefore', { nonce: existing.nonce, message: existing.message ?? '' }));
      }
      record = existing;
    } else {
      if (existing && ['NOVA', 'INDEFINIDA', 'VERIFICAR'].includes(existing.state)) {
        throw new PiSenderError('ERR_USAGE', t('library.siafiPending', { nonce: existing.nonce, state: existing.state }));
      }
      const generation = (existing?.generation ?? 0) + 1;
      record = this.store.insert(
        {
          endpoint,
          operation,
          ug: prepared.ug,
          contentKey: key,
          generation,
          nonce: makeNonce(operation, prepared.ug, key, generation),
          bodyXml: prepared.bodyXml,
        },
        this.now(),
      );
    }
    return this.attempt(record, options.signal);
  }

  /** Sends every NOVA or INDEFINIDA requisition whose time has come, each with its stored nonce. */
  async retryDue(options: { signal?: AbortSignal } = {}): Promise<SiafiSendResult[]> {
    const out: SiafiSendResult[] = [];
    for (const record of this.store.due(this.now())) {
      if (this.client.endpoint !== record.endpoint) continue;
      out.push(await this.attempt(record, options.signal));
    }
    return out;
  }

  /** Sends one stored requisition again now, with its nonce (not SUCESSO or FALHA ones). */
  async resend(nonce: string, options: { signal?: AbortSignal } = {}): Promise<SiafiSendResult> {
    const record = this.find(nonce);
    if (record.state === 'SUCESSO' || record.state === 'FALHA') throw new PiSenderError('ERR_USAGE', t('library.siafiSettled', { nonce, state: record.state }));
    return this.attempt(record, options.signal);
  }

  /** Settles a requisition someone checked in SIAFI (VERIFICAR, or any unsettled one). */
  settle(nonce: string, state: 'SUCESSO' | 'FALHA', note: string): RequisicaoRecord {
    return this.store.settle(nonce, state, note, this.client.endpoint, this.now());
  }

  /** Requisitions not yet settled (NOVA, INDEFINIDA, VERIFICAR, RECUSADA), oldest first. */
  unsettled(): RequisicaoRecord[] {
    return this.store.unsettled();
  }

  private find(nonce: string): RequisicaoRecord {
    const found = this.store.byNonce(nonce).filter((r) => r.endpoint === this.client.endpoint);
    if (found.length === 0) throw new PiSenderError('ERR_USAGE', t('library.siafiNoNonce', { nonce, endpoint: this.client.endpoint }));
    return found[0]!;
  }

  private async attempt(record: RequisicaoRecord, signal?: AbortSignal): Promise<SiafiSendResult> {
    this.store.markSending(record.id, this.now());
    let outcome: SiafiOutcome & { raw?: string };
    try {
      outcome = await this.client.send(record, record.nonce, signal);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const later = new Date(this.now().getTime() + (this.config.notReachedRetryMs ?? 5 * 60_000));
      if (err instanceof TransportError || isPiSenderError(err, 'ERR_TLS')) {
        // Never reached SIAFI: the state stays, the same nonce goes next time.
        this.store.record(
          record.id,
          {
            state: record.state === 'RECUSADA' ? 'NOVA' : record.state,
            resultado: 'NAO_ENVIADA',
            message: t('library.siafiNotSent', { message }),
            nextAttemptAt: later,
          },
          this.now(),
        );
      } else if (isPiSenderError(err, 'ERR_AUTH')) {
        this.store.record(record.id, { state: 'RECUSADA', resultado: 'FALHA', message }, this.now());
      } else if (isPiSenderError(err, 'ERR_INTERRUPTED')) {
        this.store.record(
          record.id,
          {
            state: 'INDEFINIDA',
            resultado: 'INDEFINIDO',
            message: t('library.siafiInterrupted'),
            nextAttemptAt: new Date(this.now().getTime() + this.client.delays.indefinidoMs),
          },
          this.now(),
        );
      }
      throw err;
    }
    const attempts = record.attempts + 1;
    const state = stateOf(outcome, attempts, this.config.maxUnknownAttempts ?? 10);
    const updated = this.store.record(
      record.id,
      {
        state,
        resultado: outcome.resultado,
        ews: outcome.ews?.code,
        message: outcome.message,
        resposta: outcome.resposta,
        repetida: outcome.repetida,
        nextAttemptAt: state === 'INDEFINIDA' ? new Date(this.now().getTime() + (outcome.retryAfterMs ?? this.client.delays.indefinidoMs)) : undefined,
      },
      this.now(),
    );
    return { record: updated, outcome, sent: true };
  }

  /** Closes the store and the connections. */
  async close(): Promise<void> {
    this.store.close();
    await this.transport?.close();
  }
}

/**
 * A SIAFI sender: the integrarSistemaSPUNet client (mutual TLS, UsernameToken) and its durable store.
 *
 * @example
 * ```ts
 * const siafi = createSiafiSender({ store: 'siafi.db', environment: 'homologacao', cpf: process.env.SIAFI_CPF,
 *   password: process.env.SIAFI_PASSWORD, tls: { pfxFile: 'maquina.p12', passphrase: process.env.SIAFI_CERT_PASSPHRASE } });
 * const { outcome } = await siafi.send('estornarSPURequisicao', estorno);
 * ```
 */
export function createSiafiSender(config: SiafiSenderConfig): SiafiSender {
  const { client, transport } = createSiafiClient(config);
  let store: SiafiStore;
  try {
    store = SiafiStore.open(config.store);
  } catch (err) {
    void transport.close();
    throw err;
  }
  return new SiafiSender(client, store, config, transport);
}
