/**
 * Sends batches to the PI with retries. A failure of the whole call (transport error, SOAP fault,
 * unreadable answer, a result count that does not match) is retried with exponential backoff and
 * jitter; so is a Documento whose own result is neither `Ok!` nor `NFxxx`. Rejected Documentos
 * (`NFxxx`) are never retried. Resending is safe: the PI ignores what it already has.
 */

import { t } from '../i18n/translate.js';
import { isPiSenderError, PiSenderError, type ErrorCode } from '../errors.js';
import { silentLogger, type Logger } from '../logging.js';
import { TransportError } from '../soap/errors.js';
import type { OutgoingDocumento, PiService } from './client.js';
import { classifyResultado, type SendOutcome } from './results.js';

export interface RetryPolicy {
  /** Attempts per batch, the first included (default 5). */
  attempts: number;
  /** Delay before the first retry (default 1 s); doubles each time, with full jitter. */
  baseDelayMs: number;
  /** Longest delay between attempts (default 60 s), also for a Retry-After the service asks for. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 1000, maxDelayMs: 60_000 };

export interface BatchItem extends OutgoingDocumento {
  /** The caller's key for this Documento (its position in the file, its row in the store). */
  key: number;
  protocolo: string;
}

export interface ItemResult {
  key: number;
  protocolo: string;
  outcome: SendOutcome;
  /** `NFxxx` for a rejection; for a failure, the cause's code (`HTTP_503`, `ECONNREFUSED`, `ERR_SOAP_FAULT`, ...). */
  code?: string;
  message: string;
  /** How many times this Documento was sent. */
  attempts: number;
}

/** Errors that end the whole run: retrying cannot help until the configuration changes. */
export function isFatalSendError(err: unknown): boolean {
  return ['ERR_AUTH', 'ERR_TLS', 'ERR_CONFIG', 'ERR_ENDPOINT', 'ERR_PROXY', 'ERR_INTERRUPTED'].some((code) => isPiSenderError(err, code as ErrorCode));
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new PiSenderError('ERR_INTERRUPTED', t('http.interrupted')));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new PiSenderError('ERR_INTERRUPTED', t('http.interrupted')));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Delay before retry number `retry` (1-based): full jitter over an exponential ceiling. */
export function backoffDelay(retry: number, policy: RetryPolicy, random = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

function causeOf(err: unknown): { code: string; message: string } {
  if (err instanceof TransportError) return { code: err.reason, message: err.message };
  if (isPiSenderError(err)) return { code: err.code, message: err.message };
  return { code: 'ERR_INTERNAL', message: err instanceof Error ? err.message : String(err) };
}

/**
 * Runs an idempotent call (such as asking the batch size) with the same retry policy as batches:
 * errors that end the run are thrown at once, others after the last attempt.
 */
export async function withRetries<T>(call: () => Promise<T>, policy: RetryPolicy, log: Logger = silentLogger, signal?: AbortSignal, what = 'call'): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      if (isFatalSendError(err) || attempt >= policy.attempts) throw err;
      const wait = Math.min(policy.maxDelayMs, Math.max(backoffDelay(attempt, policy), err instanceof TransportError ? (err.retryAfterMs ?? 0) : 0));
      log.warn({ attempt, of: policy.attempts, waitMs: wait, cause: causeOf(err).code }, t('pi.callRetrying', { what, message: causeOf(err).message }));
      await abortableSleep(wait, signal);
    }
  }
}

export class BatchSender {
  constructor(
    private readonly client: PiService,
    private readonly policy: RetryPolicy = DEFAULT_RETRY,
    private readonly log: Logger = silentLogger,
  ) {}

  /**
   * Sends one batch (at most the service's maximum) and returns one result per item, in order.
   * Throws only for errors that end the run ({@link isFatalSendError}).
   */
  async send(items: readonly BatchItem[], signal?: AbortSignal): Promise<ItemResult[]> {
    const results = new Map<number, ItemResult>();
    const attempts = new Map<number, number>();
    let pending = [...items];
    let lastFailure = { code: 'ERR_TRANSPORT', message: t('pi.notSent') };
    let lastRetryAfter: number | undefined;
    for (let attempt = 1; attempt <= this.policy.attempts && pending.length > 0; attempt++) {
      if (attempt > 1) {
        const wait = Math.min(this.policy.maxDelayMs, Math.max(backoffDelay(attempt - 1, this.policy), lastRetryAfter ?? 0));
        this.log.warn(
          { documentos: pending.length, attempt, of: this.policy.attempts, waitMs: wait, cause: lastFailure.code },
          t('pi.retrying', { message: lastFailure.message }),
        );
        await abortableSleep(wait, signal);
      }
      for (const item of pending) attempts.set(item.key, (attempts.get(item.key) ?? 0) + 1);
      lastRetryAfter = undefined;
      try {
        const answer = await this.client.enviarListaDocumentos(pending, signal);
        if (answer.length !== pending.length) {
          lastFailure = { code: 'RESULT_COUNT', message: t('pi.resultCount', { results: answer.length, documentos: pending.length }) };
          continue;
        }
        const swapped = answer.findIndex((r, i) => r.Protocolo !== undefined && r.Protocolo.replace(/\D/g, '') !== pending[i]!.protocolo);
        if (swapped !== -1) {
          lastFailure = {
            code: 'RESULT_ORDER',
            message: t('pi.resultSwapped', { index: String(swapped + 1), answered: answer[swapped]!.Protocolo ?? '?', sent: pending[swapped]!.protocolo }),
          };
          continue;
        }
        const stillFailing: BatchItem[] = [];
        answer.forEach((r, i) => {
          const item = pending[i]!;
          const c = classifyResultado(r.Resultado);
          if (c.outcome === 'failed') {
            stillFailing.push(item);
            lastFailure = { code: 'RESULT_FAILED', message: c.message };
            return;
          }
          results.set(item.key, {
            key: item.key,
            protocolo: item.protocolo,
            outcome: c.outcome,
            ...(c.code ? { code: c.code } : {}),
            message: c.message,
            attempts: attempts.get(item.key)!,
          });
        });
        pending = stillFailing;
      } catch (err) {
        if (isFatalSendError(err)) throw err;
        lastFailure = causeOf(err);
        lastRetryAfter = err instanceof TransportError ? err.retryAfterMs : undefined;
      }
    }
    for (const item of pending) {
      results.set(item.key, {
        key: item.key,
        protocolo: item.protocolo,
        outcome: 'failed',
        code: lastFailure.code,
        message: lastFailure.message,
        attempts: attempts.get(item.key) ?? 0,
      });
    }
    return items.map((i) => results.get(i.key)!);
  }
}
