/**
 * Worker thread of {@link XsdPool}: validates batches of Documentos with libxml2 off the main thread.
 */

import { setLanguage, type Language } from '../i18n/language.js';
import { parentPort, workerData } from 'node:worker_threads';
import { validateXsdJobs } from './xsd.js';
import type { XsdBatch } from './xsd-pool.js';

setLanguage((workerData as { language: Language }).language);

parentPort!.on('message', (batch: XsdBatch) => {
  parentPort!.postMessage(validateXsdJobs(batch.jobs));
});
