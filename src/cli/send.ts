/**
 * `pi-sender send FILE`: uploads a ready ListaDocumentos file to the PI (what the official Java
 * "cliente do web service" does), streaming, resumable, with a report line per Documento.
 */

import { Option, type Command } from 'commander';
import cliProgress from 'cli-progress';
import { isValidTimeZone } from '../standard/datetime.js';
import { PROFILES, type Profile } from '../standard/model.js';
import { PiSenderError } from '../errors.js';
import { t } from '../i18n/translate.js';
import { uploadFile, type UploadProgress, type UploadSummary } from '../upload/upload.js';
import { addConnectionOptions, connect, positiveInt, type PiConnectionFlags } from './connection.js';
import { EXIT, exitCodesHelp, type ExitCode } from './exit-codes.js';
import { gracefulAbort } from './interrupt.js';
import { createLogger, LOG_FORMATS, LOG_LEVELS, logFormat, summaryRecord, type LogFormat } from './logger.js';

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
  const cmd = program.command('send').argument('<file>', t('send.argFile'));
  addConnectionOptions(cmd)
    .option('--report <path>', t('send.optReport'))
    .option('--dry-run', t('send.optDryRun'))
    .addOption(new Option('--batch-size <n>', t('send.optBatchSize')).argParser(positiveInt('--batch-size')))
    .addOption(new Option('--concurrency <n>', t('send.optConcurrency')).argParser(positiveInt('--concurrency')).default(2))
    .addOption(new Option('--retries <n>', t('send.optRetries')).argParser(positiveInt('--retries')).default(5))
    .addOption(new Option('--retry-delay <ms>', t('send.optRetryDelay')).argParser(positiveInt('--retry-delay')).default(1000))
    .option('--resume', t('send.optResume'))
    .option('--restart', t('send.optRestart'))
    .addOption(new Option('--profile <profile>', t('opt.profile')).choices(PROFILES).default('strict'))
    .option('--time-zone <zone>', t('send.optTimeZone'))
    .addOption(new Option('--log-level <level>', t('opt.logLevel')).choices(LOG_LEVELS))
    .addOption(new Option('--log-format <format>', t('opt.logFormat')).choices(LOG_FORMATS))
    .option('--no-progress', t('send.optNoProgress'))
    .option('--json', t('send.optJson'))
    .addHelpText('after', `${t('send.helpAfter')}\n${exitCodesHelp('send')}`)
    .action(async (file: string, flags: SendFlags) => {
      process.exitCode = await send(file, flags);
    });
}

async function send(file: string, flags: SendFlags): Promise<ExitCode> {
  if (flags.timeZone !== undefined && !isValidTimeZone(flags.timeZone)) {
    throw new PiSenderError('ERR_USAGE', t('opt.unknownZone', { zone: flags.timeZone }));
  }
  if (flags.resume && flags.restart) throw new PiSenderError('ERR_USAGE', t('send.resumeOrRestart'));
  if (flags.json && flags.report === '-') throw new PiSenderError('ERR_USAGE', t('send.jsonAndStdoutReport'));
  const format = logFormat(flags.logFormat);
  const log = createLogger(flags.logLevel, undefined, format);
  const connection = flags.dryRun ? undefined : connect(flags);
  const report = flags.report ?? `${file}.report.jsonl`;
  const bar =
    flags.progress && process.stderr.isTTY && report !== '-'
      ? new cliProgress.SingleBar(
          {
            stream: process.stderr,
            format: barFormat(),
            hideCursor: true,
            clearOnComplete: true,
          },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
  const interrupt = gracefulAbort(() => {
    bar?.stop();
    process.stderr.write(`\n${t('send.interrupting')}\n`);
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

/** cli-progress's template (its placeholders are `{name}`), from the catalog's words. */
function barFormat(): string {
  const fields: Record<string, string> = {
    BAR: '{bar}',
    PERCENT: '{percentage}',
    TOTAL: '{totalMb}',
    MB: '{mb}',
    ACCEPTED: '{accepted}',
    REJECTED: '{rejected}',
    INVALID: '{invalid}',
    FAILED: '{failed}',
  };
  return t('send.bar').replace(/\b(BAR|PERCENT|TOTAL|MB|ACCEPTED|REJECTED|INVALID|FAILED)\b/g, (w) => fields[w]!);
}

function summaryText(file: string, endpoint: string | undefined, s: UploadSummary, dryRun: boolean): string {
  const seconds = (s.durationMs / 1000).toFixed(1);
  const secs = s.durationMs / 1000;
  const rate = secs > 0 ? Math.round(s.documentos / secs) : s.documentos;
  const head = { file, endpoint: endpoint ?? '', seconds, rate };
  const lines = [
    dryRun ? t('send.dryRunHead', head) : s.interrupted ? t('send.headInterrupted', head) : t('send.head', head),
    dryRun
      ? t('send.dryRunCounts', { documentos: s.documentos, valid: s.valid, invalid: s.invalid, batches: s.batches, batchSize: s.batchSize })
      : t('send.counts', {
          documentos: s.documentos,
          accepted: s.accepted,
          rejected: s.rejected,
          invalid: s.invalid,
          failed: s.failed,
          batches: s.batches,
          batchSize: s.batchSize,
          resumed: s.resumed ? t('send.resumed', { count: s.resumed }) : '',
        }),
    t('send.report', { report: s.report === '-' ? t('send.stdout') : s.report }),
  ];
  for (const p of s.listProblems) lines.push(`  ${file}:${p.line ?? 0}: ${p.code} ${p.message}`);
  if (s.notAccepted.length > 0) {
    const shown = s.rejected + s.invalid + s.failed;
    lines.push(shown > s.notAccepted.length ? t('send.notAcceptedFirst', { shown: s.notAccepted.length, count: shown }) : t('send.notAcceptedAll'));
    for (const r of s.notAccepted)
      lines.push(`    ${file}:${r.line}: Documento #${r.index} (Protocolo ${r.protocolo ?? '?'}): ${r.outcome} ${r.code ?? ''} ${r.message ?? ''}`.trimEnd());
  }
  if (s.warned > 0) lines.push(t('send.warned', { count: s.warned }));
  if (s.invalid > 0) lines.push(t('send.invalidHint', { file }));
  if (s.interrupted) lines.push(t('send.continueHint', { journal: s.journal ?? '' }));
  else if (s.failed > 0) lines.push(t('send.failedHint', { count: s.failed, journal: s.journal ?? '' }));
  return `${lines.join('\n')}\n`;
}
