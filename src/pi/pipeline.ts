/**
 * The one batch pipeline of every sender (`send`, the export job, the library): it agrees the batch
 * size with the service, fills batches (one Documento per Protocolo in a request), keeps a number of
 * them in flight, and hands each batch's results to the caller as they come, in the order of the
 * batch. A fatal error (credentials, TLS, configuration) aborts what is in flight and is thrown by
 * {@link BatchPipeline.finish}; the user's interrupt only stops new batches: those in flight finish,
 * so that their answers are recorded.
 */

import { t } from '../i18n/translate.js';
import { silentLogger, type Logger } from '../logging.js';
import { BatchSender, withRetries, type BatchItem, type ItemResult, type RetryPolicy } from './batch-sender.js';
import type { PiService } from './client.js';

export interface PipelineOptions {
  client: PiService;
  retry: RetryPolicy;
  log?: Logger;
  /** Largest batch wanted; the service's maximum wins when smaller. */
  batchSize?: number;
  /** Batches in flight at once. */
  concurrency: number;
  /** The user's interrupt: no batch starts after it; those in flight finish and are settled. */
  signal?: AbortSignal;
  /**
   * Receives each batch's results (one per item, in the batch's order) once the service answered. A
   * batch counts as answered (its slot frees) only when a promise it returns resolves: durability first.
   */
  settle: (results: ItemResult[]) => void | Promise<void>;
}

export class BatchPipeline {
  /** Batches dispatched so far. */
  batches = 0;
  private pending: BatchItem[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly requests = new AbortController();
  private readonly sender: BatchSender;
  private fatal: unknown;
  private halted = false;

  private constructor(
    private readonly options: PipelineOptions,
    /** The batch size in use: the smaller of the one wanted and the service's maximum. */
    readonly batchSize: number,
  ) {
    this.sender = new BatchSender(options.client, options.retry, options.log ?? silentLogger);
  }

  /** Asks the service for its maximum batch size (with the same retries as batches) and opens the pipeline. */
  static async open(options: PipelineOptions): Promise<BatchPipeline> {
    const log = options.log ?? silentLogger;
    const { client, signal } = options;
    const max = await withRetries(
      () => client.getQuantidadeMaximaDocumentosPorRequisicao(signal),
      options.retry,
      log,
      signal,
      'getQuantidadeMaximaDocumentosPorRequisicao',
    );
    const batchSize = Math.min(options.batchSize ?? max, max);
    log.info({ max, batchSize }, t('pi.batchSize'));
    return new BatchPipeline(options, batchSize);
  }

  /** Batches sent and not answered yet. */
  get inFlightCount(): number {
    return this.inFlight.size;
  }

  /** True once the user interrupted or a fatal error happened: the caller stops adding. */
  get stopped(): boolean {
    return this.halted || this.fatal !== undefined || this.options.signal?.aborted === true;
  }

  /** Starts no further batch: for a caller that failed on its own side and only waits for what is in flight. */
  halt(): void {
    this.halted = true;
  }

  /** Queues a valid Documento; dispatches a batch when one is full (waiting while too many are in flight). */
  async add(item: BatchItem): Promise<void> {
    this.pending.push(item);
    if (this.pending.length >= this.batchSize) await this.drain(false);
  }

  /** Sends what is still queued (unless stopped), waits for every batch in flight, and throws a fatal error. */
  async finish(): Promise<void> {
    try {
      if (!this.stopped) await this.drain(true);
    } finally {
      await Promise.allSettled(this.inFlight);
    }
    if (this.fatal !== undefined) throw this.fatal;
  }

  private async drain(final: boolean): Promise<void> {
    while (!this.stopped && (this.pending.length >= this.batchSize || (final && this.pending.length > 0))) {
      // A second Documento with the same Protocolo waits for the next batch.
      const batch: BatchItem[] = [];
      const rest: BatchItem[] = [];
      const numbers = new Set<string>();
      for (const p of this.pending) {
        if (batch.length < this.batchSize && !numbers.has(p.protocolo)) {
          batch.push(p);
          numbers.add(p.protocolo);
        } else rest.push(p);
      }
      this.pending = rest;
      await this.dispatch(batch);
    }
  }

  private async dispatch(batch: BatchItem[]): Promise<void> {
    while (this.inFlight.size >= this.options.concurrency) await Promise.race(this.inFlight);
    if (this.fatal !== undefined) return;
    this.batches++;
    const job: Promise<void> = this.sender
      .send(batch, this.requests.signal)
      .then((results) => this.options.settle(results))
      .catch((err: unknown) => {
        // The sender throws only errors that end the run; a settle that fails (the disk) ends it too.
        // The first one wins: aborting the others makes them fail with ERR_INTERRUPTED.
        this.fatal ??= err;
        this.requests.abort();
      })
      .finally(() => this.inFlight.delete(job));
    this.inFlight.add(job);
  }
}
