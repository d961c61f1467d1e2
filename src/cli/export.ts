/**
 * `pi-sender export`: one run of the export job (or, with --schedule, a run on every tick of a cron).
 */

import { Option, type Command } from 'commander';
import { isPiSenderError } from '../errors.js';
import type { Logger } from '../logging.js';
import { runExport, type ExportSummary } from '../export/job.js';
import { scheduleRuns } from '../export/schedule.js';
import { addConfigOption, readConfig, when, type ConfigFlags } from './config-file.js';
import { EXIT, exitCodeFor, exitCodeForCode, exitCodesHelp, type ExitCode } from './exit-codes.js';
import { exportMetrics, writeMetricsFile } from './metrics-file.js';
import { gracefulAbort } from './interrupt.js';
import { createLogger, LOG_FORMATS, LOG_LEVELS, logFormat, summaryRecord, type LogFormat } from './logger.js';
import { duration, ProgressLine } from './progress-line.js';
import type { SendProgress } from '../outbox/send-due.js';

interface ExportFlags extends ConfigFlags {
  schedule?: string;
  send: boolean;
  json?: boolean;
  logLevel?: string;
  logFormat?: LogFormat;
  metricsFile?: string;
}

export function registerExport(program: Command): void {
  addConfigOption(program.command('export'))
    .option('--schedule <cron>', 'keep running, exporting on this cron in the configured time zone (e.g. "0 2 * * *")')
    .option('--no-send', 'read from the SPE into the state store, send nothing')
    .option('--json', 'print the run summary as JSON on stdout')
    .option('--metrics-file <file>', "after each run, write its metrics (OpenMetrics text) for node_exporter's textfile collector (env PI_SENDER_METRICS_FILE)")
    .addOption(new Option('--log-level <level>', 'log level on stderr (env PI_LOG_LEVEL)').choices(LOG_LEVELS))
    .addOption(
      new Option('--log-format <format>', 'stderr as readable text, or JSON Lines with the run summary as a JSON record too (env PI_LOG_FORMAT)').choices(
        LOG_FORMATS,
      ),
    )
    .addHelpText('after', exitCodesHelp('export'))
    .action(async (flags: ExportFlags) => {
      process.exitCode = await exportCommand(flags);
    });
}

async function exportCommand(flags: ExportFlags): Promise<ExitCode> {
  const config = readConfig(flags);
  // On a terminal, one run shows its progress on stderr; log lines go above it, never through it.
  const line = !flags.schedule && process.stderr.isTTY ? new ProgressLine() : undefined;
  const log = createLogger(flags.logLevel ?? (flags.schedule ? 'info' : undefined), line, logFormat(flags.logFormat));
  if (!flags.schedule) {
    try {
      return await runOnce(flags, config, log, line);
    } finally {
      line?.done();
    }
  }
  const scheduled = scheduleRuns(flags.schedule, config.timeZone, async () => void (await runOnce(flags, readConfig(flags), log)), log);
  log.info(
    { schedule: flags.schedule, timeZone: config.timeZone, next: scheduled.next()?.toISOString() },
    'scheduled: waiting for the next run (Ctrl-C to stop)',
  );
  process.stderr.write(`scheduled "${flags.schedule}" (${config.timeZone}); next run ${when(scheduled.next()?.toISOString(), config.timeZone)}\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  process.stderr.write('stopping: waiting for the run in progress, if any\n');
  await scheduled.stop();
  return EXIT.OK;
}

async function runOnce(flags: ExportFlags, config: ReturnType<typeof readConfig>, log: Logger, line?: ProgressLine): Promise<ExitCode> {
  const metricsFile = flags.metricsFile ?? (process.env['PI_SENDER_METRICS_FILE'] || undefined);
  const outcome = await runAndReport(flags, config, log, line);
  if (metricsFile) writeMetricsFile(metricsFile, exportMetrics(outcome.code, outcome.summary));
  return outcome.code;
}

async function runAndReport(
  flags: ExportFlags,
  config: ReturnType<typeof readConfig>,
  log: Logger,
  line?: ProgressLine,
): Promise<{ code: ExitCode; summary?: ExportSummary }> {
  const interrupt = flags.schedule
    ? undefined
    : gracefulAbort(() => process.stderr.write('\ninterrupting: recording the batches in flight, starting no other (Ctrl-C again to quit at once)\n'));
  let summary: ExportSummary;
  try {
    const started = Date.now();
    const onProgress = (p: SendProgress): void => {
      const secs = (Date.now() - started) / 1000;
      const rate = secs > 0 ? p.done / secs : 0;
      const eta = rate > 0 && p.total > p.done ? `, about ${duration((p.total - p.done) / rate)} to go` : '';
      line?.update(`sending: ${p.done}/${p.total} packages, ${p.inFlight} batches in flight, ${rate.toFixed(0)} packages/s${eta}`);
    };
    summary = await runExport({ config, log, noSend: !flags.send, ...(interrupt ? { signal: interrupt.signal } : {}), ...(line ? { onProgress } : {}) });
  } catch (err) {
    if (!isPiSenderError(err)) throw err;
    process.stderr.write(`pi-sender: ${err.message}\n`);
    return { code: exitCodeFor(err) };
  } finally {
    interrupt?.dispose();
  }
  line?.done();
  if (flags.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
  if (logFormat(flags.logFormat) === 'json') process.stderr.write(summaryRecord('export summary', { summary }));
  else process.stderr.write(summaryText(summary, config.timeZone));
  return { code: exitCodeOf(summary, interrupt?.exitCode()), summary };
}

function exitCodeOf(summary: ExportSummary, interrupted: ExitCode | undefined): ExitCode {
  if (summary.error) return exitCodeForCode(summary.error.code);
  if (summary.interrupted && interrupted !== undefined) return interrupted;
  if (!summary.complete) return EXIT.USAGE;
  if (summary.send.failed > 0) return EXIT.UNAVAILABLE;
  if (summary.send.rejected + summary.send.invalid > 0) return EXIT.INVALID;
  return EXIT.OK;
}

function summaryText(s: ExportSummary, timeZone: string): string {
  const e = s.extract;
  const lines = [
    `export run ${s.run}${s.window ? ` (window ${s.window.since} → ${s.window.until})` : ''} in ${(s.durationMs / 1000).toFixed(1)} s${s.error ? ' FAILED' : s.interrupted ? ' INTERRUPTED (what was answered is recorded; the next run goes on)' : ''}`,
    `  read: ${e.processes} processes (${e.notPublishable} withheld: sigiloso, restrito or unknown access), ${e.itemsNew} new history items` +
      `${e.itemsChanged ? `, ${e.itemsChanged} changed` : ''}${e.itemsAlreadyQueued ? `, ${e.itemsAlreadyQueued} already queued` : ''}` +
      `${e.itemsNotPublished ? `, ${e.itemsNotPublished} of unpublished tasks` : ''}${e.itemsWithheld ? `, ${e.itemsWithheld} withheld` : ''}`,
  ];
  if (e.processesDropped)
    lines.push(`  ${e.processesDropped} processes became sigiloso (or restrito, not published): their movements not yet sent were deleted, never sent`);
  if (e.processesNowPublic) lines.push(`  ${e.processesNowPublic} withheld processes may be published now: their earlier movements were read again`);
  if (e.itemsOrphan) lines.push(`  ${e.itemsOrphan} history items refer to processes the processos query did not return: the watermark stays until it does`);
  if (s.send.due > 0 || s.send.batchSize > 0) {
    lines.push(
      `  sent: ${s.send.due} packages due, ${s.send.batches} batches of up to ${s.send.batchSize}: ${s.send.accepted} accepted, ${s.send.rejected} rejected, ${s.send.invalid} invalid, ${s.send.failed} failed`,
    );
  }
  const c = s.status.counts;
  lines.push(`  store: NI ${c.NI}, I ${c.I}, EN ${c.EN}, FI ${c.FI}; last success ${when(s.status.lastSuccessAt, timeZone)}`);
  for (const a of s.alerts)
    lines.push(
      `  alert ${a.event}: ${a.channels.length ? `sent by ${a.channels.join(' and ')}` : 'not delivered'}${a.errors.length ? ` (${a.errors.join('; ')})` : ''}`,
    );
  if (s.error) lines.push(`  error: ${s.error.message}`);
  return `${lines.join('\n')}\n`;
}
