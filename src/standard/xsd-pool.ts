/**
 * XSD validation in a worker thread. libxml2 takes about half the time of validating a large list;
 * on the 2-core machines agencies run this on, moving it beside the reader (which stays on the main
 * thread) makes the whole pipeline about as fast as the slower of the two.
 *
 * Jobs are sent in batches (one message per batch, not per Documento) and answered in order.
 */

import { t } from '../i18n/translate.js';
import { currentLanguage } from '../i18n/language.js';
import { Worker } from 'node:worker_threads';
import { PiSenderError } from '../errors.js';
import type { Profile } from './model.js';
import type { Problem } from './problems.js';
import { workerFile } from './worker-file.js';
import { validateDocumentoXml, type XsdJob, type XsdResult } from './xsd.js';

export type { XsdJob, XsdResult } from './xsd.js';

export interface XsdBatch {
  jobs: XsdJob[];
}

/** Validates Documento XML against the XSD, synchronously or in a worker. */
export interface XsdValidatorService {
  validate(xml: string, profile: Profile, firstLine?: number, rootNamespaces?: string): Promise<Problem[]>;
  close(): Promise<void>;
}

/** In the calling thread: for small inputs and for the library's one-Documento calls. */
export const inlineXsd: XsdValidatorService = {
  validate: (xml, profile, firstLine = 1, rootNamespaces = '') => Promise.resolve(validateDocumentoXml(xml, profile, firstLine, rootNamespaces)),
  close: () => Promise.resolve(),
};

const BATCH = 64;

/** XSD validation in a worker thread, for large inputs; `close()` it when done. */
export class XsdPool implements XsdValidatorService {
  private readonly file: string;
  /** Started by the first validation: a list read by {@link ListaReaders} may never need it. */
  private workerThread: Worker | undefined;
  private readonly waiting = new Map<number, { resolve: (p: Problem[]) => void; reject: (e: Error) => void }>();
  private queue: XsdJob[] = [];
  private nextId = 1;
  private flushScheduled = false;
  private failed: Error | undefined;
  private closing = false;

  constructor() {
    this.file = workerFile('xsd-worker.js');
  }

  private get worker(): Worker {
    if (this.workerThread) return this.workerThread;
    // The worker holds one batch at a time: a small young generation makes V8 collect early instead of
    // letting garbage grow the process.
    // The worker writes problem messages: in the language of the thread that made the pool.
    const worker = new Worker(this.file, { resourceLimits: { maxYoungGenerationSizeMb: 4 }, workerData: { language: currentLanguage() } });
    worker.unref();
    worker.on('message', (results: XsdResult[]) => this.settle(results));
    worker.on('error', (err) => this.fail(err));
    worker.on('exit', (code) => {
      if (this.waiting.size === 0) return;
      if (this.closing) this.cancelWaiting();
      else this.fail(new Error(`XSD worker exited with code ${code}`));
    });
    this.workerThread = worker;
    return worker;
  }

  validate(xml: string, profile: Profile, firstLine = 1, rootNamespaces = ''): Promise<Problem[]> {
    if (this.failed) return Promise.reject(this.failed);
    if (this.closing) return Promise.reject(new PiSenderError('ERR_INTERRUPTED', t('xsd.cancelled')));
    const id = this.nextId++;
    const promise = new Promise<Problem[]>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    this.queue.push({ id, xml, profile, firstLine, rootNamespaces });
    if (this.queue.length >= BATCH) this.flush();
    else if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
    this.worker.ref(); // keep the process alive while answers are due
    return promise;
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.queue.length === 0) return;
    const jobs = this.queue;
    this.queue = [];
    this.worker.postMessage({ jobs } satisfies XsdBatch);
  }

  private settle(results: XsdResult[]): void {
    for (const r of results) {
      const w = this.waiting.get(r.id);
      if (!w) continue;
      this.waiting.delete(r.id);
      if ('error' in r) w.reject(new PiSenderError('ERR_XSD', r.error));
      else w.resolve(r.problems);
    }
    if (this.waiting.size === 0) this.worker.unref();
  }

  private fail(err: Error): void {
    this.failed = new PiSenderError('ERR_INTERNAL', t('xsd.failed', { message: err.message }), {}, { cause: err });
    for (const w of this.waiting.values()) w.reject(this.failed);
    this.waiting.clear();
  }

  private cancelWaiting(): void {
    const cancelled = new PiSenderError('ERR_INTERRUPTED', t('xsd.cancelled'));
    for (const w of this.waiting.values()) w.reject(cancelled);
    this.waiting.clear();
  }

  /** Stops the worker; validations still queued are rejected with ERR_INTERRUPTED. */
  async close(): Promise<void> {
    this.closing = true;
    this.queue = [];
    await this.workerThread?.terminate();
    this.cancelWaiting();
  }
}
