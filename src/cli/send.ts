/**
 * `pi-sender send FILE`: uploads a ready ListaDocumentos file to the PI (what the official Java
 * "cliente do web service" does), streaming, resumable, with a report line per Documento.
 */

import { Option, type Command } from 'commander';
import cliProgress from 'cli-progress';
import { isValidTimeZone } from '../standard/datetime.js';
import { PROFILES, type Profile } from '../standard/model.js';
import { PiSenderError } from '../errors.js';
import { uploadFile, type UploadProgress, type UploadSummary } from '../upload/upload.js';
import { addConnectionOptions, connect, positiveInt, type PiConnectionFlags } from './connection.js';
import { EXIT, exitCodesHelp, type ExitCode } from './exit-codes.js';
import { gracefulAbort } from './interrupt.js';
import { createLogger, LOG_FORMATS, LOG_LEVELS, logFormat, summaryRecord, type LogFormat } from './logger.js';
import { plural } from './output.js';

interface SendFlags extends PiConnectionFlags {
  report?: string;
  dryRun?: boolean;
  batchSize?: number;
  concurrency: number;
  retries: number;
  retryDelay: number;
  resume?: boolean;
  restart?: boolean;
  profile: Profile;
  timeZone?: string;
  logLevel?: string;
  logFormat?: LogFormat;
  progress: boolean;
  json?: boolean;
}

export function registerSend(program: Command): void {
  const cmd = program.command('send').argument('<file>', 'ListaDocumentos XML file (UTF-8 or ISO-8859-1), of any size');
  addConnectionOptions(cmd)
    .option('--report <path>', 'JSON Lines report, one line per Documento ("-" for stdout; default FILE.report.jsonl)')
    .option('--dry-run', 'read, normalize, validate and batch, but send nothing')
    .addOption(new Option('--batch-size <n>', 'largest batch (the service maximum wins when smaller)').argParser(positiveInt('--batch-size')))
    .addOption(new Option('--concurrency <n>', 'batches in flight at once').argParser(positiveInt('--concurrency')).default(2))
    .addOption(new Option('--retries <n>', 'attempts per batch, the first included').argParser(positiveInt('--retries')).default(5))
    .addOption(
      new Option('--retry-delay <ms>', 'delay before the first retry; doubles each time, with jitter').argParser(positiveInt('--retry-delay')).default(1000),
    )
    .option('--resume', 'continue an interrupted upload from the journal beside the report')
    .option('--restart', 'discard the journal of an interrupted upload and start over')
    .addOption(new Option('--profile <profile>', 'validation profile').choices(PROFILES).default('strict'))
    .option('--time-zone <zone>', 'IANA zone given to date-times without offset (e.g. America/Sao_Paulo); default: reject them')
    .addOption(new Option('--log-level <level>', 'log level on stderr (env PI_LOG_LEVEL)').choices(LOG_LEVELS))
    .addOption(
      new Option('--log-format <format>', 'stderr as readable text, or JSON Lines with the summary as a JSON record too (env PI_LOG_FORMAT)').choices(
        LOG_FORMATS,
      ),
    )
    .option('--no-progress', 'no progress bar (it is shown only on a terminal anyway)')
    .option('--json', 'print the summary as one JSON object on stdout (stable English keys) instead of the text on stderr')
    .addHelpText(
      'after',
      `
Each Documento is normalized (line breaks to spaces, CPFs masked, long names and units cut, protocol
numbers as digits), validated, and the valid ones are sent in batches. The report has one line per
Documento: {"index","line","protocolo","outcome","code","message","attempts"}, outcome one of
accepted, rejected (NFxxx from the PI), invalid (never sent), failed (service error after retries),
valid (dry run only).
${exitCodesHelp('send')}`,
    )
    .action(async (file: string, flags: SendFlags) => {
      process.exitCode = await send(file, flags);
    });
}

async function send(file: string, flags: SendFlags): Promise<ExitCode> {
  if (flags.timeZone !== undefined && !isValidTimeZone(flags.timeZone)) {
    throw new PiSenderError('ERR_USAGE', `unknown time zone '${flags.timeZone}' (use an IANA name such as America/Sao_Paulo)`);
  }
  if (flags.resume && flags.restart) throw new PiSenderError('ERR_USAGE', 'use --resume or --restart, not both');
  if (flags.json && flags.report === '-')
    throw new PiSenderError('ERR_USAGE', '--json prints the summary on stdout: give the report a file (--report FILE), not -');
  const format = logFormat(flags.logFormat);
  const log = createLogger(flags.logLevel, undefined, format);
  const connection = flags.dryRun ? undefined : connect(flags);
  const report = flags.report ?? `${file}.report.jsonl`;
  const bar =
    flags.progress && process.stderr.isTTY && report !== '-'
      ? new cliProgress.SingleBar(
          {
            stream: process.stderr,
            format: 'sending [{bar}] {percentage}% | {mb}/{totalMb} MB | {accepted} accepted, {rejected} rejected, {invalid} invalid, {failed} failed',
            hideCursor: true,
            clearOnComplete: true,
          },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
  const interrupt = gracefulAbort(() => {
    bar?.stop();
    process.stderr.write('\ninterrupting: waiting for the batches in flight to be recorded (Ctrl-C again to quit at once)\n');
  });
  let summary: UploadSummary;
  let lastDraw = 0;
  try {
    summary = await uploadFile({
      file,
      report,
      ...(connection ? { client: connection.client } : {}),
      dryRun: flags.dryRun === true,
      ...(flags.batchSize ? { batchSize: flags.batchSize } : {}),
      concurrency: flags.concurrency,
      resume: flags.resume === true,
      restart: flags.restart === true,
      profile: flags.profile,
      normalize: flags.timeZone ? { timeZone: flags.timeZone } : {},
      retry: { attempts: flags.retries, baseDelayMs: flags.retryDelay, maxDelayMs: 60_000 },
      log,
      signal: interrupt.signal,
      onProgress: (p: UploadProgress) => {
        if (!bar) return;
        const now = Date.now();
        if (lastDraw === 0) bar.start(p.totalBytes, 0, payload(p));
        if (now - lastDraw < 100) return;
        lastDraw = now;
        bar.update(p.bytesRead, payload(p));
      },
    });
  } finally {
    bar?.stop();
    interrupt.dispose();
    await connection?.transport.close();
  }
  const code = exitCodeOf(summary, interrupt.exitCode());
  if (flags.json) process.stdout.write(`${JSON.stringify(summaryJson(file, connection?.endpoint, summary, flags.dryRun === true, code))}\n`);
  else if (format === 'json')
    process.stderr.write(summaryRecord('upload summary', summaryJson(file, connection?.endpoint, summary, flags.dryRun === true, code)));
  else process.stderr.write(summaryText(file, connection?.endpoint, summary, flags.dryRun === true));
  return code;
}

function exitCodeOf(summary: UploadSummary, interrupted: ExitCode): ExitCode {
  if (summary.interrupted) return interrupted;
  if (summary.failed > 0) return EXIT.UNAVAILABLE;
  const fatalList = summary.listProblems.some((p) => p.severity === 'error');
  return summary.invalid > 0 || summary.rejected > 0 || fatalList ? EXIT.INVALID : EXIT.OK;
}

/** The summary for programs: the same figures as the text, with stable English keys. */
function summaryJson(file: string, endpoint: string | undefined, s: UploadSummary, dryRun: boolean, exitCode: ExitCode): Record<string, unknown> {
  return {
    type: 'summary',
    file,
    endpoint: endpoint ?? null,
    dryRun,
    durationMs: s.durationMs,
    documentos: s.documentos,
    accepted: s.accepted,
    rejected: s.rejected,
    invalid: s.invalid,
    failed: s.failed,
    valid: s.valid,
    resumed: s.resumed,
    warned: s.warned,
    batches: s.batches,
    batchSize: s.batchSize,
    interrupted: s.interrupted,
    report: s.report,
    journal: s.journal ?? null,
    listProblems: s.listProblems.map((p) => ({
      line: p.line ?? null,
      ...(p.column !== undefined ? { column: p.column } : {}),
      code: p.code,
      severity: p.severity,
      message: p.message,
    })),
    notAccepted: s.notAccepted,
    exitCode,
  };
}

function payload(p: UploadProgress): Record<string, string | number> {
  return {
    mb: (p.bytesRead / 1e6).toFixed(1),
    totalMb: (p.totalBytes / 1e6).toFixed(1),
    accepted: p.accepted,
    rejected: p.rejected,
    invalid: p.invalid,
    failed: p.failed,
  };
}

function summaryText(file: string, endpoint: string | undefined, s: UploadSummary, dryRun: boolean): string {
  const secs = s.durationMs / 1000;
  const rate = secs > 0 ? Math.round(s.documentos / secs) : s.documentos;
  const lines = [
    dryRun
      ? `dry run of ${file}: nothing sent (${secs.toFixed(1)} s, ${rate} Documentos/s)`
      : `${s.interrupted ? 'interrupted upload' : 'upload'} of ${file} to ${endpoint} in ${secs.toFixed(1)} s (${rate} Documentos/s)`,
    dryRun
      ? `  ${plural(s.documentos, 'Documento')}: ${s.valid} valid, ${s.invalid} invalid; ${plural(s.batches, 'batch', 'batches')} of up to ${s.batchSize}`
      : `  ${plural(s.documentos, 'Documento')}: ${s.accepted} accepted, ${s.rejected} rejected, ${s.invalid} invalid, ${s.failed} failed (${plural(s.batches, 'batch', 'batches')} of up to ${s.batchSize}${s.resumed ? `; ${s.resumed} answered in the interrupted run` : ''})`,
    `  report: ${s.report === '-' ? 'standard output' : s.report}`,
  ];
  for (const p of s.listProblems) lines.push(`  ${file}:${p.line ?? 0}: ${p.code} ${p.message}`);
  if (s.notAccepted.length > 0) {
    const shown = s.rejected + s.invalid + s.failed;
    lines.push(`  ${shown > s.notAccepted.length ? `the first ${s.notAccepted.length} of ${shown}` : 'the Documentos'} not accepted (all are in the report):`);
    for (const r of s.notAccepted)
      lines.push(`    ${file}:${r.line}: Documento #${r.index} (Protocolo ${r.protocolo ?? '?'}): ${r.outcome} ${r.code ?? ''} ${r.message ?? ''}`.trimEnd());
  }
  if (s.warned > 0) {
    lines.push(
      `  ${plural(s.warned, 'Documento')} had something left out or repaired (an attribute, text between elements, a Latin-1 byte): see "warnings" in the report`,
    );
  }
  if (s.invalid > 0) lines.push(`  invalid Documentos were not sent: pi-sender validate ${file} lists every problem`);
  if (s.failed > 0 || s.interrupted)
    lines.push(
      `  ${s.interrupted ? 'to continue' : `${plural(s.failed, 'Documento')} failed after every retry; to send them again`}: rerun with --resume (journal ${s.journal})`,
    );
  return `${lines.join('\n')}\n`;
}
