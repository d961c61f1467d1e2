/**
 * Worker thread of {@link XsdPool}: validates batches of Documentos with libxml2 off the main thread.
 */

import { setLanguage, type Language } from '../i18n/language.js';
import { parentPort, workerData } from 'node:worker_threads';
import { validateDocumentosXml, validateDocumentoXml } from './xsd.js';
import type { XsdBatch, XsdResult } from './xsd-pool.js';

setLanguage((workerData as { language: Language }).language);

parentPort!.on('message', (batch: XsdBatch) => {
  const results: XsdResult[] = [];
  // Runs of jobs with the same profile and root namespaces are validated together (xsd.ts).
  for (let start = 0; start < batch.jobs.length;) {
    const first = batch.jobs[start]!;
    let end = start + 1;
    while (end < batch.jobs.length && batch.jobs[end]!.profile === first.profile && batch.jobs[end]!.rootNamespaces === first.rootNamespaces) end++;
    const run = batch.jobs.slice(start, end);
    try {
      const problems = validateDocumentosXml(
        run.map((j) => j.xml),
        first.profile,
        run.map((j) => j.firstLine),
        first.rootNamespaces,
      );
      run.forEach((job, i) => results.push({ id: job.id, problems: problems[i]! }));
    } catch {
      // One job's failure must not take the others with it: each alone, as before.
      for (const job of run) {
        try {
          results.push({ id: job.id, problems: validateDocumentoXml(job.xml, job.profile, job.firstLine, job.rootNamespaces) });
        } catch (err) {
          results.push({ id: job.id, error: err instanceof Error ? err.message : String(err) });
        }
      }
    }
    start = end;
  }
  parentPort!.postMessage(results);
});
