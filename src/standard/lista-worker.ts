/** Worker thread of {@link ListaReaders}: reads and validates parts of a list (lista-part.ts). */

import { setLanguage, type Language } from '../i18n/language.js';
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { PiSenderError } from '../errors.js';
import { movedWith, packVerdicts, validatePart, type PartJob, type PartMessage, type PartVerdicts } from './lista-part.js';

setLanguage((workerData as { language: Language }).language);
lowerPriority(10);

parentPort!.on('message', (job: PartJob) => {
  let answer: PartVerdicts;
  try {
    answer = validatePart(job);
  } catch (err) {
    answer = { id: job.id, error: err instanceof Error ? err.message : String(err), code: err instanceof PiSenderError ? err.code : 'ERR_INTERNAL' };
  }
  // Nothing here keeps a view of the part's bytes once it is read: its buffer goes back to be filled again.
  const { buffer } = job.bytes;
  const packed = packVerdicts(answer);
  parentPort!.postMessage({ answer: packed, buffer: buffer as ArrayBuffer } satisfies PartMessage, [buffer as ArrayBuffer, ...movedWith(packed)]);
});

/**
 * Reading ahead is bulk work: on Linux this thread (not the process) gets a lower priority, so that it
 * takes only CPU nothing else wants, the main thread's sending and the machine's other services (the
 * SPE's database, a local PI simulator) first. Elsewhere, or when not allowed, it runs as it is.
 */
function lowerPriority(nice: number): void {
  try {
    const tid = Number(/task\/(\d+)$/.exec(readlinkSync('/proc/thread-self'))?.[1]);
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, nice);
  } catch {
    // not Linux, or no /proc: the default priority
  }
}
