/**
 * The outbox sender of the export job and the library: every package due in the state store (NI, and
 * FI below the attempt limit) is built from the store's current data, normalized, validated, and sent
 * through the batch pipeline. Each batch's outcome is committed as it is answered; a crash resends at
 * most the batches in flight, which the PI ignores. An interrupt stops between batches: what was
 * answered is recorded, the rest stays due.
 */

import type { Logger } from '../logging.js';
import { DEFAULT_RETRY, type ItemResult } from '../pi/batch-sender.js';
import type { PiService } from '../pi/client.js';
import { BatchPipeline } from '../pi/pipeline.js';
import { interessadoExtras, withoutCpfs } from '../standard/cpf.js';
import type { InteressadoExtra, Profile } from '../standard/model.js';
import { normalizeDocumento } from '../standard/normalize.js';
import { hasErrors, type Problem } from '../standard/problems.js';
import { checkRules } from '../standard/rules.js';
import { mergeProblems } from '../standard/validate.js';
import { documentoXml } from '../standard/writer.js';
import type { XsdValidatorService } from '../standard/xsd-pool.js';
import type { PackageOutcome, PackageRow, Store } from '../store/store.js';

/** What sending needs from a configuration (the export job's, or a library sender's). */
export interface SendSettings {
  profile: Profile;
  timeZone: string;
  sending: { maxAttempts: number; retries: number; retryDelayMs: number };
  /** `sendCpf`: send interessados' CPF and natureza (REST only; default false): docs/rest.md. */
  pi: { batchSize?: number | undefined; concurrency: number; sendCpf?: boolean | undefined };
}

/** The outcome of one package in this run, as it is recorded. */
export interface PackageResult {
  packageId: number;
  protocolo: string;
  outcome: 'accepted' | 'rejected' | 'failed' | 'invalid';
  code: string | null;
  message: string | null;
  /** Attempts of this package so far (0 for one found invalid before sending). */
  attempts: number;
  /** Problems of an invalid Documento. */
  problems?: Problem[];
}

export interface SendCounts {
  /** Packages built and checked in this run. */
  due: number;
  accepted: number;
  rejected: number;
  invalid: number;
  failed: number;
  batches: number;
  batchSize: number;
  /** True when an interrupt stopped the run between batches (what was answered is recorded). */
  interrupted: boolean;
}

export const emptySendCounts = (): SendCounts => ({ due: 0, accepted: 0, rejected: 0, invalid: 0, failed: 0, batches: 0, batchSize: 0, interrupted: false });

/** Packages built and validated at a time: enough to keep the XSD worker and the batches busy. */
const PAGE = 200;

interface BuiltPackage {
  pkg: PackageRow;
  protocolo: string;
  xml: string;
  interessados: Array<InteressadoExtra | undefined> | undefined;
  problems: Problem[];
}

/** Where a run of {@link sendDue} stands, for a progress line. */
export interface SendProgress {
  /** Packages due at the start of the run. */
  total: number;
  /** Packages answered (or found invalid) so far. */
  done: number;
  /** Batches in flight now. */
  inFlight: number;
}

export interface SendDueOptions {
  log: Logger;
  /** Stops between batches; what was answered is recorded. */
  signal?: AbortSignal | undefined;
  onResult?: (r: PackageResult) => void;
  onProgress?: (p: SendProgress) => void;
}

export async function sendDue(store: Store, client: PiService, config: SendSettings, xsd: XsdValidatorService, options: SendDueOptions): Promise<SendCounts> {
  const { log, signal, onResult, onProgress } = options;
  const counts = emptySendCounts();
  const total = onProgress ? store.countDue(config.sending.maxAttempts) : 0;
  let done = 0;
  const progress = (n: number): void => {
    done += n;
    // Called from settle only, once the pipeline below exists.
    onProgress?.({ total, done, inFlight: pipeline.inFlightCount });
  };
  const built = new Map<number, BuiltPackage>();

  const settle = (results: ItemResult[]): void => {
    const outcomes: PackageOutcome[] = results.map((r) => {
      const p = built.get(r.key)!;
      built.delete(r.key);
      counts[r.outcome]++;
      onResult?.({
        packageId: r.key,
        protocolo: p.protocolo,
        outcome: r.outcome,
        code: r.code ?? null,
        message: r.message,
        attempts: p.pkg.attempts + r.attempts,
      });
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
    progress(results.length);
  };

  const pipeline = await BatchPipeline.open({
    client,
    retry: { ...DEFAULT_RETRY, attempts: config.sending.retries, baseDelayMs: config.sending.retryDelayMs },
    log,
    ...(config.pi.batchSize ? { batchSize: config.pi.batchSize } : {}),
    concurrency: config.pi.concurrency,
    ...(signal ? { signal } : {}),
    settle,
  });
  counts.batchSize = pipeline.batchSize;

  try {
    let after = 0;
    while (!pipeline.stopped) {
      const page = store.duePackages(config.sending.maxAttempts, after, PAGE);
      if (page.length === 0) break;
      after = page[page.length - 1]!.id;
      counts.due += page.length;
      const prepared = await Promise.all(page.map((pkg) => build(store, pkg, config, xsd)));
      const invalid: PackageOutcome[] = [];
      const valid: BuiltPackage[] = [];
      for (const p of prepared) {
        if (!hasErrors(p.problems)) {
          valid.push(p);
          continue;
        }
        counts.invalid++;
        const first = p.problems.find((x) => x.severity === 'error')!;
        onResult?.({
          packageId: p.pkg.id,
          protocolo: p.protocolo,
          outcome: 'invalid',
          code: first.code,
          message: first.message,
          attempts: p.pkg.attempts,
          problems: p.problems,
        });
        invalid.push({
          id: p.pkg.id,
          state: 'EN',
          code: first.code,
          message: first.message,
          origin: 'validation',
          xml: p.xml,
          problems: p.problems,
          attempted: false,
        });
      }
      store.recordOutcomes(invalid);
      progress(invalid.length);
      for (const p of valid) {
        if (pipeline.stopped) break;
        built.set(p.pkg.id, p);
        await pipeline.add({ key: p.pkg.id, protocolo: p.protocolo, xml: p.xml, interessados: p.interessados });
      }
    }
  } finally {
    await pipeline.finish().finally(() => {
      counts.batches = pipeline.batches;
      counts.interrupted = signal?.aborted === true;
    });
  }
  return counts;
}

async function build(store: Store, pkg: PackageRow, config: SendSettings, xsd: XsdValidatorService): Promise<BuiltPackage> {
  // CPFs kept from a time pi.sendCpf was on are neither checked nor sent once it is off.
  const stored = store.buildDocumento(pkg);
  const { documento } = normalizeDocumento(config.pi.sendCpf ? stored : withoutCpfs(stored), { timeZone: config.timeZone });
  const xml = documentoXml(documento, { invalidCharacters: 'replace' });
  const problems = mergeProblems(await xsd.validate(xml, config.profile), checkRules(documento, config.profile)).map(({ line: _line, ...p }) => p);
  return { pkg, protocolo: documento.Protocolo ?? '', xml, interessados: interessadoExtras(documento), problems };
}
