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
import { partError, unpackVerdicts, type PartJob, type PartMessage, type PartVerdicts } from './lista-part.js';
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

/** Bytes of spare part buffers kept: the parts in flight (8 per reader, validate-parallel.ts) of 256 KiB each. */
const SPARE_BYTES = 8 * 1024 * 1024;

/** A pool of part readers; `size` of them (default: one per core, at most 4). */
export class ListaReaders {
  readonly size: number;
  private readers: Reader[] = [];
  private nextId = 1;
  private failed: Error | undefined;
  private closing = false;
  private pristine = 0;
  private notPristine = 0;
  /** Buffers of parts already read, back from the workers, to read the next parts into. */
  private spare: ArrayBuffer[] = [];
  private spareBytes = 0;

  constructor(size = Math.min(4, availableParallelism())) {
    this.size = Math.max(1, size);
  }

  /** Parts read so far: those that stood for the file, and those that did not (the list was read again). */
  get parts(): { pristine: number; notPristine: number } {
    return { pristine: this.pristine, notPristine: this.notPristine };
  }

  /**
   * A buffer of at least `bytes` to read a part into: one a worker gave back, or a new one. Reusing them
   * is what keeps reading from allocating memory outside the heap at the speed of the file, which makes
   * V8 collect this thread's heap over and over (69 full collections per 100,000 Documentos in `send`,
   * 19 with reused buffers).
   */
  buffer(bytes: number): Uint8Array {
    for (let i = this.spare.length - 1; i >= 0; i--) {
      const b = this.spare[i]!;
      if (b.byteLength < bytes) continue;
      this.spare.splice(i, 1);
      this.spareBytes -= b.byteLength;
      return new Uint8Array(b);
    }
    return new Uint8Array(bytes);
  }

  /**
   * Reads one part in the least busy worker; its bytes are moved to the worker, not copied (with the
   * rest of the buffer they are a view of, which comes back with the answer).
   */
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
    worker.on('message', (message: PartMessage) => {
      this.keep(message.buffer);
      const answer = unpackVerdicts(message.answer);
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

  /** Keeps a buffer back from a worker, up to SPARE_BYTES in all: a part grown for a huge Documento is let go. */
  private keep(buffer: ArrayBuffer): void {
    if (this.closing || buffer.byteLength === 0 || this.spareBytes + buffer.byteLength > SPARE_BYTES) return;
    this.spare.push(buffer);
    this.spareBytes += buffer.byteLength;
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
    this.spare = [];
    this.spareBytes = 0;
    await Promise.all(this.readers.map((r) => r.worker.terminate()));
    for (const r of this.readers) this.cancel(r);
  }
}
