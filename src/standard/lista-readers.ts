/**
 * Worker threads that read and validate parts of a list, so that reading, the costliest step of
 * `validate` and `send`, uses every core (ADR 0010). Create once, pass to validate-parallel.ts,
 * `close()` when done. Workers start on the first part: small lists never start one.
 */

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { t } from '../i18n/translate.js';
import { currentLanguage } from '../i18n/language.js';
import { PiSenderError } from '../errors.js';
import { partError, unpackVerdicts, type PartAnswer, type PartJob, type PartVerdicts } from './lista-part.js';
import { workerFile } from './worker-file.js';

type Answered = Exclude<PartVerdicts, { error: string }>;

interface Waiting {
  resolve: (v: Answered) => void;
  reject: (e: Error) => void;
}

interface Reader {
  worker: Worker;
  waiting: Map<number, Waiting>;
}

/** A pool of part readers; `size` of them (default: one per core, at most 4). */
export class ListaReaders {
  readonly size: number;
  private readers: Reader[] = [];
  private nextId = 1;
  private failed: Error | undefined;
  private closing = false;
  private pristine = 0;
  private notPristine = 0;

  constructor(size = Math.min(4, availableParallelism())) {
    this.size = Math.max(1, size);
  }

  /** Parts read so far: those that stood for the file, and those that did not (the list was read again). */
  get parts(): { pristine: number; notPristine: number } {
    return { pristine: this.pristine, notPristine: this.notPristine };
  }

  /** Reads one part in the least busy worker; its bytes are moved to the worker, not copied. */
  run(job: Omit<PartJob, 'id'>): Promise<Answered> {
    if (this.failed) return Promise.reject(this.failed);
    if (this.closing) return Promise.reject(new PiSenderError('ERR_INTERRUPTED', t('read.readersClosed')));
    if (this.readers.length < this.size) this.readers.push(this.start());
    const reader = this.readers.reduce((a, b) => (b.waiting.size < a.waiting.size ? b : a));
    const id = this.nextId++;
    const promise = new Promise<Answered>((resolve, reject) => reader.waiting.set(id, { resolve, reject }));
    reader.worker.ref(); // keep the process alive while answers are due
    reader.worker.postMessage({ ...job, id } satisfies PartJob, [job.bytes.buffer as ArrayBuffer]);
    return promise;
  }

  private start(): Reader {
    // Messages in the language of the thread that made the pool; a small young generation keeps the
    // worker's garbage from growing the process between collections.
    const worker = new Worker(workerFile('lista-worker.js'), { resourceLimits: { maxYoungGenerationSizeMb: 16 }, workerData: { language: currentLanguage() } });
    const reader: Reader = { worker, waiting: new Map() };
    worker.unref();
    worker.on('message', (packed: PartAnswer) => {
      const answer = unpackVerdicts(packed);
      const w = reader.waiting.get(answer.id);
      if (!w) return;
      reader.waiting.delete(answer.id);
      if ('error' in answer) w.reject(partError(answer));
      else {
        if (answer.pristine) this.pristine++;
        else this.notPristine++;
        w.resolve(answer);
      }
      if (reader.waiting.size === 0) worker.unref();
    });
    worker.on('error', (err) => this.fail(err));
    worker.on('exit', (code) => {
      if (reader.waiting.size === 0) return;
      if (this.closing) this.cancel(reader);
      else this.fail(new Error(`list reader exited with code ${code}`));
    });
    return reader;
  }

  private fail(err: Error): void {
    this.failed = new PiSenderError('ERR_INTERNAL', t('read.readersFailed', { message: err.message }), {}, { cause: err });
    for (const r of this.readers) {
      for (const w of r.waiting.values()) w.reject(this.failed);
      r.waiting.clear();
    }
  }

  private cancel(reader: Reader): void {
    const cancelled = new PiSenderError('ERR_INTERRUPTED', t('read.readersClosed'));
    for (const w of reader.waiting.values()) w.reject(cancelled);
    reader.waiting.clear();
  }

  /** Stops the workers; parts still being read are rejected with ERR_INTERRUPTED. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.readers.map((r) => r.worker.terminate()));
    for (const r of this.readers) this.cancel(r);
  }
}
