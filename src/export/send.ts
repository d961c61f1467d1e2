/**
 * Sending: every package due (NI, and FI below the attempt limit) is built from the store's current
 * data, normalized, validated, and sent in batches of the size the service allows. Each batch's
 * outcome is committed before the next is counted as done; a crash resends at most the batches in
 * flight, which the PI ignores.
 */

import type { Logger } from '../logging.js';
import { BatchSender, DEFAULT_RETRY, withRetries, type BatchItem, type ItemResult } from '../pi/batch-sender.js';
import type { PiClient } from '../pi/client.js';
import { normalizeDocumento } from '../standard/normalize.js';
import { hasErrors, type Problem } from '../standard/problems.js';
import { checkRules } from '../standard/rules.js';
import { mergeProblems } from '../standard/validate.js';
import { documentoXml } from '../standard/writer.js';
import type { XsdValidatorService } from '../standard/xsd-pool.js';
import type { PackageOutcome, PackageRow, Store } from '../store/store.js';
import type { PackageResult, SendCounts, SendSettings } from './send-types.js';

export type { PackageResult, SendCounts, SendSettings } from './send-types.js';

export const emptySendCounts = (): SendCounts => ({ due: 0, accepted: 0, rejected: 0, invalid: 0, failed: 0, batches: 0, batchSize: 0 });

/** Packages built and validated at a time: enough to keep the XSD worker and the batches busy. */
const PAGE = 200;

interface Prepared {
  pkg: PackageRow;
  protocolo: string;
  xml: string;
  problems: Problem[];
}

export async function sendDue(
  store: Store,
  client: PiClient,
  config: SendSettings,
  xsd: XsdValidatorService,
  log: Logger,
  signal?: AbortSignal,
  onResult?: (r: PackageResult) => void,
): Promise<SendCounts> {
  const counts = emptySendCounts();
  const retry = { ...DEFAULT_RETRY, attempts: config.sending.retries, baseDelayMs: config.sending.retryDelayMs };
  const max = await withRetries(() => client.getQuantidadeMaximaDocumentosPorRequisicao(signal), retry, log, signal, 'getQuantidadeMaximaDocumentosPorRequisicao');
  const batchSize = Math.min(config.pi.batchSize ?? max, max);
  counts.batchSize = batchSize;
  const sender = new BatchSender(client, retry, log);
  const inFlight = new Set<Promise<void>>();

  const settle = (results: ItemResult[], byKey: Map<number, Prepared>): void => {
    const outcomes: PackageOutcome[] = results.map((r) => {
      const p = byKey.get(r.key)!;
      counts[r.outcome]++;
      onResult?.({ packageId: r.key, protocolo: p.protocolo, outcome: r.outcome, code: r.code ?? null, message: r.message, attempts: p.pkg.attempts + r.attempts });
      return {
        id: r.key,
        state: r.outcome === 'accepted' ? 'I' : r.outcome === 'rejected' ? 'EN' : 'FI',
        code: r.code ?? null,
        message: r.message,
        origin: r.outcome === 'failed' ? 'transport' : 'pi',
        xml: p.xml,
        attempted: true,
      };
    });
    store.recordOutcomes(outcomes);
  };

  const dispatch = async (batch: Prepared[]): Promise<void> => {
    while (inFlight.size >= config.pi.concurrency) await Promise.race(inFlight);
    counts.batches++;
    const byKey = new Map(batch.map((p) => [p.pkg.id, p]));
    const items: BatchItem[] = batch.map((p) => ({ key: p.pkg.id, protocolo: p.protocolo, xml: p.xml }));
    const job = sender.send(items, signal).then((results) => settle(results, byKey));
    const tracked = job.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  };

  // Valid packages waiting for a batch. One Documento per Protocolo in a request: a second package
  // with the same number waits for the next batch.
  let pending: Prepared[] = [];
  const drain = async (final: boolean): Promise<void> => {
    while (pending.length >= batchSize || (final && pending.length > 0)) {
      const batch: Prepared[] = [];
      const rest: Prepared[] = [];
      const numbers = new Set<string>();
      for (const p of pending) {
        if (batch.length < batchSize && !numbers.has(p.protocolo)) {
          batch.push(p);
          numbers.add(p.protocolo);
        } else rest.push(p);
      }
      pending = rest;
      await dispatch(batch);
    }
  };

  let after = 0;
  try {
    for (;;) {
      if (signal?.aborted) break;
      const page = store.duePackages(config.sending.maxAttempts, after, PAGE);
      if (page.length === 0) break;
      after = page[page.length - 1]!.id;
      counts.due += page.length;
      const prepared = await Promise.all(page.map((pkg) => prepare(store, pkg, config, xsd)));
      const invalid: PackageOutcome[] = [];
      for (const p of prepared) {
        if (!hasErrors(p.problems)) {
          pending.push(p);
          continue;
        }
        counts.invalid++;
        const first = p.problems.find((x) => x.severity === 'error')!;
        onResult?.({ packageId: p.pkg.id, protocolo: p.protocolo, outcome: 'invalid', code: first.code, message: first.message, attempts: p.pkg.attempts, problems: p.problems });
        invalid.push({ id: p.pkg.id, state: 'EN', code: first.code, message: first.message, origin: 'validation', xml: p.xml, problems: p.problems, attempted: false });
      }
      store.recordOutcomes(invalid);
      await drain(false);
    }
    if (!signal?.aborted) await drain(true);
    await Promise.all(inFlight);
  } finally {
    await Promise.allSettled(inFlight);
  }
  return counts;
}

async function prepare(store: Store, pkg: PackageRow, config: SendSettings, xsd: XsdValidatorService): Promise<Prepared> {
  const { documento } = normalizeDocumento(store.buildDocumento(pkg), { timeZone: config.timeZone });
  const xml = documentoXml(documento, { invalidCharacters: 'replace' });
  const problems = mergeProblems(await xsd.validate(xml, config.profile), checkRules(documento, config.profile)).map(({ line: _line, ...p }) => p);
  return { pkg, protocolo: documento.Protocolo ?? '', xml, problems };
}
