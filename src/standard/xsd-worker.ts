/**
 * Worker thread of {@link XsdPool}: validates batches of Documentos with libxml2 off the main thread.
 */

import { setLanguage, type Language } from '../i18n/language.js';
import { parentPort, workerData } from 'node:worker_threads';
import { validateDocumentoXml } from './xsd.js';
import type { XsdBatch, XsdResult } from './xsd-pool.js';

setLanguage((workerData as { language: Language }).language);

parentPort!.on('message', (batch: XsdBatch) => {
  const results: XsdResult[] = batch.jobs.map((job) => {
    try {
      return { id: job.id, problems: validateDocumentoXml(job.xml, job.profile, job.firstLine, job.rootNamespaces) };
    } catch (err) {
      return { id: job.id, error: err instanceof Error ? err.message : String(err) };
    }
  });
  parentPort!.postMessage(results);
});
