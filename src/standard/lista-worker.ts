/** Worker thread of {@link ListaReaders}: reads and validates parts of a list (lista-part.ts). */

import { setLanguage, type Language } from '../i18n/language.js';
import { parentPort, workerData } from 'node:worker_threads';
import { PiSenderError } from '../errors.js';
import { validatePart, type PartJob, type PartVerdicts } from './lista-part.js';

setLanguage((workerData as { language: Language }).language);

parentPort!.on('message', (job: PartJob) => {
  let answer: PartVerdicts;
  try {
    answer = validatePart(job);
  } catch (err) {
    answer = { id: job.id, error: err instanceof Error ? err.message : String(err), code: err instanceof PiSenderError ? err.code : 'ERR_INTERNAL' };
  }
  parentPort!.postMessage(answer);
});
