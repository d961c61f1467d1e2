/**
 * One-off upload of a ListaDocumentos file (`pi-sender send`): the file streams through the reader,
 * each Documento is normalized and validated, the valid ones go to the PI in batches of the size the
 * service allows, and every Documento gets a line in the report. A journal beside the report makes an
 * interrupted upload resumable.
 */

import { t } from '../i18n/translate.js';
import { closeSync, existsSync, openSync, readSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { PiSenderError } from '../errors.js';
import { silentLogger, type Logger } from '../logging.js';
import { DEFAULT_RETRY, type BatchItem, type ItemResult, type RetryPolicy } from '../pi/batch-sender.js';
import { BatchPipeline } from '../pi/pipeline.js';
import type { PiService } from '../pi/client.js';
import type { Profile } from '../standard/model.js';
import type { NormalizeOptions } from '../standard/normalize.js';
import type { Problem } from '../standard/problems.js';
import { ListaReaders } from '../standard/lista-readers.js';
import { validateListaInParallel } from '../standard/validate-parallel.js';
import { XsdPool } from '../standard/xsd-pool.js';
import { Journal, journalPath, loadJournal, type JournalEntry } from './journal.js';
import { ReportWriter, type ReportLine } from './report.js';

/** Warning codes that say send changed something of the file as written. */
const REPAIRS: ReadonlySet<string> = new Set(['XML_DROPPED', 'UTF8_INVALID']);

/** How many Documentos not accepted the summary lists. */
const FIRST_PROBLEMS = 20;

export interface UploadOptions {
  file: string;
  /** The PI client; not needed for a dry run. */
  client?: PiService;
  /** Report path, or `-` for standard output (no journal, so no --resume). */
  report: string;
  /** Validate and build the batches, send nothing. */
  dryRun?: boolean;
  /** Largest batch wanted; the service's maximum always wins when smaller. */
  batchSize?: number;
  /** Batches in flight at once (default 2). */
  concurrency?: number;
  /** Continue an interrupted upload from its journal. */
  resume?: boolean;
  /** Discard the journal of an interrupted upload and start over. */
  restart?: boolean;
  profile?: Profile;
  normalize?: NormalizeOptions;
  retry?: RetryPolicy;
  log?: Logger;
  signal?: AbortSignal;
  onProgress?: (p: UploadProgress) => void;
}

export interface UploadCounts {
  documentos: number;
  accepted: number;
  rejected: number;
  invalid: number;
  failed: number;
  /** Dry run: valid Documentos that would be sent. */
  valid: number;
  /** Documentos whose answer came from the journal of an earlier run. */
  resumed: number;
}

export interface UploadProgress extends UploadCounts {
  bytesRead: number;
  totalBytes: number;
}

export interface UploadSummary extends UploadCounts {
  durationMs: number;
  batches: number;
  /** The batch size used: min(--batch-size, the service's maximum). */
  batchSize: number;
  /** The first 20 Documentos rejected, invalid or failed, in the report's order of answers. */
  notAccepted: ReportLine[];
  /** Problems of the file itself (not of a Documento); a fatal one ended the reading. */
  listProblems: Problem[];
  interrupted: boolean;
  /** Valid Documentos that send changed or left something out of (each report line says what). */
  warned: number;
  report: string;
  /** The journal left for --resume, when Documentos failed or the run was interrupted. */
  journal: string | undefined;
}

function firstError(problems: Problem[]): Problem | undefined {
  return problems.find((p) => p.severity === 'error');
}

export async function uploadFile(options: UploadOptions): Promise<UploadSummary> {
  const log = options.log ?? silentLogger;
  const started = Date.now();
  const file = path.resolve(options.file);
  let stat;
  try {
    stat = statSync(file);
  } catch (err) {
    throw new PiSenderError(
      'ERR_FILE_READ',
      t('upload.cannotRead', { file: options.file, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message }),
      {
        file: options.file,
      },
    );
  }
  if (!stat.isFile()) throw new PiSenderError('ERR_FILE_READ', t('upload.notFile', { file: options.file }), { file: options.file });
  if (!options.dryRun && !options.client) throw new PiSenderError('ERR_CONFIG', t('upload.noClient'));
  assertLooksLikeXml(file, options.file);

  const endpoint = options.client?.endpoint ?? '(dry run)';
  const useJournal = options.report !== '-' && !options.dryRun;
  const jPath = useJournal ? journalPath(path.resolve(options.report)) : undefined;
  if (options.resume && !useJournal) throw new PiSenderError('ERR_USAGE', t('upload.resumeNeeds'));
  let previous = new Map<number, JournalEntry>();
  if (jPath && existsSync(jPath)) {
    if (options.restart) unlinkSync(jPath);
    else if (options.resume) previous = loadJournal(jPath, { file, size: stat.size, mtimeMs: stat.mtimeMs, endpoint });
    else {
      throw new PiSenderError('ERR_USAGE', t('upload.interrupted', { report: options.report }));
    }
  } else if (options.resume) {
    log.info({ journal: jPath }, t('upload.nothingToResume'));
  }

  const retry = options.retry ?? DEFAULT_RETRY;
  const counts: UploadCounts = { documentos: 0, accepted: 0, rejected: 0, invalid: 0, failed: 0, valid: 0, resumed: 0 };
  const listProblems: Problem[] = [];
  /** What the report line of a Documento in flight needs from its reading: its line, and its warnings if any. */
  const inFlight = new Map<number, { line: number; warnings?: string[] }>();
  let warned = 0;
  /** The report line of a Documento that left the pipeline, with its line and warnings from the reading. */
  const settled = (key: number, line: Omit<ReportLine, 'line'>): ReportLine => {
    const read = inFlight.get(key);
    inFlight.delete(key);
    const { index, ...rest } = line;
    // The report's key order stays index, line, protocolo, ...
    return { index, line: read?.line ?? 0, ...rest, ...(read?.warnings ? { warnings: read.warnings } : {}) };
  };
  let bytesRead = 0;
  const progress = (): void => options.onProgress?.({ ...counts, bytesRead, totalBytes: stat.size });

  // The report and the journal are opened once the service agreed a batch size, so that a refused
  // login leaves none behind; the pipeline settles nothing before that.
  async function settle(results: ItemResult[]): Promise<void> {
    // On disk before the report says so: a crash from here on resumes without sending these again.
    await journal?.record(results.map((r) => ({ i: r.key, p: r.protocolo, o: r.outcome, ...(r.code ? { c: r.code } : {}), m: r.message, a: r.attempts })));
    for (const r of results) {
      counts[r.outcome]++;
      addLine(
        settled(r.key, {
          index: r.key,
          protocolo: r.protocolo,
          outcome: r.outcome,
          code: r.code ?? null,
          message: r.message,
          attempts: r.attempts,
        }),
      );
    }
    progress();
  }

  // The user's interrupt stops the reading; the batches in flight finish so their answers are recorded
  // (a second Ctrl-C, in the CLI, quits at once). Only a fatal error aborts requests in flight.
  const pipeline =
    options.client && !options.dryRun
      ? await BatchPipeline.open({
          client: options.client,
          retry,
          log,
          ...(options.batchSize ? { batchSize: options.batchSize } : {}),
          concurrency: options.concurrency ?? 2,
          ...(options.signal ? { signal: options.signal } : {}),
          settle,
        })
      : undefined;
  const batchSize = pipeline?.batchSize ?? options.batchSize ?? 100;
  const out = new ReportWriter(options.report);
  // The first Documentos that were not accepted, for the summary a person reads.
  const notAccepted: ReportLine[] = [];
  function addLine(line: ReportLine): void {
    out.add(line);
    if (line.outcome !== 'accepted' && line.outcome !== 'valid' && notAccepted.length < FIRST_PROBLEMS) notAccepted.push(line);
  }
  const journal = jPath
    ? Journal.open(
        jPath,
        { v: 1, file, size: stat.size, mtimeMs: stat.mtimeMs, endpoint, startedAt: new Date().toISOString() },
        options.resume === true && previous.size > 0,
      )
    : undefined;
  const xsd = new XsdPool();
  const readers = new ListaReaders();
  const stopped = (): boolean => pipeline?.stopped ?? options.signal?.aborted === true;

  const queue = async (item: BatchItem): Promise<void> => {
    if (pipeline) return pipeline.add(item);
    counts.valid++;
    addLine(
      settled(item.key, {
        index: item.key,
        protocolo: item.protocolo,
        outcome: 'valid',
        code: null,
        message: null,
        attempts: 0,
      }),
    );
  };

  try {
    for await (const ev of validateListaInParallel({
      source: file,
      fileLabel: options.file,
      onRead: (n) => {
        bytesRead = n;
      },
      readers,
      profile: options.profile ?? 'strict',
      xsd,
      normalize: options.normalize ?? {},
      read: { repairLatin1: true },
    })) {
      if (stopped()) break;
      if (ev.kind === 'problem') {
        listProblems.push(ev.problem);
        log.error({ line: ev.problem.line, code: ev.problem.code }, ev.problem.message);
        continue;
      }
      counts.documentos++;
      const protocolo = (ev.sentProtocolo ?? ev.protocolo ?? '').trim();
      const done = previous.get(ev.index);
      if (done && done.p !== protocolo) {
        throw new PiSenderError('ERR_USAGE', t('upload.fileChanged', { index: String(ev.index), before: done.p, now: protocolo }));
      }
      if (done && done.o !== 'failed') {
        counts.resumed++;
        counts[done.o]++;
        addLine({ index: ev.index, line: ev.line, protocolo, outcome: done.o, code: done.c ?? null, message: done.m ?? null, attempts: done.a });
        continue;
      }
      const error = firstError(ev.problems);
      if (error || ev.xml === undefined) {
        counts.invalid++;
        const others = ev.problems.filter((p) => p.severity === 'error').length - 1;
        addLine({
          index: ev.index,
          line: error?.line ?? ev.line,
          protocolo: protocolo || null,
          outcome: 'invalid',
          code: error?.code ?? 'XML_MALFORMED',
          message: `${error?.message ?? t('upload.unreadable')}${others > 0 ? t('upload.andMore', { count: others }) : ''}`,
          attempts: 0,
        });
        progress();
        continue;
      }
      // What send changed of the file as written: left out (XML_DROPPED) or read as Latin-1 (UTF8_INVALID).
      const warnings = ev.problems.filter((p) => p.severity === 'warning' && REPAIRS.has(p.code)).map((p) => `${p.code} ${p.message}`);
      if (warnings.length > 0) warned++;
      inFlight.set(ev.index, { line: ev.line, ...(warnings.length > 0 ? { warnings } : {}) });
      await queue({ key: ev.index, protocolo, xml: ev.xml });
    }
  } catch (err) {
    // Whatever went wrong on this side, the batches in flight are waited for and recorded.
    pipeline?.halt();
    await pipeline?.finish().catch(() => undefined);
    await out.close();
    journal?.close(false);
    throw err;
  } finally {
    await Promise.all([xsd.close(), readers.close()]);
  }
  let fatal: unknown;
  try {
    await pipeline?.finish();
  } catch (err) {
    fatal = err;
  }
  const interrupted = options.signal?.aborted === true && fatal === undefined;
  await out.close();
  const keepJournal = counts.failed > 0 || interrupted || fatal !== undefined;
  journal?.close(!keepJournal);
  if (fatal !== undefined) throw fatal;
  return {
    ...counts,
    durationMs: Date.now() - started,
    // A dry run sends nothing: its batches are those the pipeline would fill.
    batches: pipeline?.batches ?? Math.ceil(counts.valid / batchSize),
    notAccepted,
    batchSize,
    listProblems,
    interrupted,
    warned,
    report: options.report,
    journal: keepJournal ? jPath : undefined,
  };
}

/**
 * A file that does not even start like XML (a PDF, a spreadsheet, a zip) is refused with one line
 * before the PI is called: after an optional byte order mark and white space, XML starts with '<'.
 */
function assertLooksLikeXml(file: string, shown: string): void {
  const head = Buffer.alloc(512);
  const fd = openSync(file, 'r');
  let n: number;
  try {
    n = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  let text = head.subarray(0, n).toString('latin1');
  if (text.startsWith('\xef\xbb\xbf')) text = text.slice(3);
  else if (text.startsWith('\xfe\xff') || text.startsWith('\xff\xfe')) return; // UTF-16: the reader explains it
  const first = text.trimStart()[0];
  if (n > 0 && first !== '<') {
    const kind = text.startsWith('%PDF') ? t('upload.pdf') : text.startsWith('PK') ? t('upload.zip') : t('upload.notXml');
    throw new PiSenderError('ERR_FILE_READ', t('upload.notLista', { file: shown, kind }), { file: shown });
  }
}
