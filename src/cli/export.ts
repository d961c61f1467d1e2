/**
 * `pi-sender export`: one run of the export job (or, with --schedule, a run on every tick of a cron).
 */

import { t } from '../i18n/translate.js';
import { Option, type Command } from 'commander';
import { isPiSenderError } from '../errors.js';
import type { Logger } from '../logging.js';
import { runExport, type ExportSummary } from '../export/job.js';
import { scheduleRuns } from '../export/schedule.js';
import { addConfigOption, readConfig, when, type ConfigFlags } from './config-file.js';
import { EXIT, exitCodeFor, exitCodeForCode, exitCodesHelp, type ExitCode } from './exit-codes.js';
import { exportMetrics, writeMetricsFile } from './metrics-file.js';
import { gracefulAbort, stopSignal } from './interrupt.js';
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
    .option('--schedule <cron>', t('export.optSchedule'))
    .option('--no-send', t('export.optNoSend'))
    .option('--json', t('export.optJson'))
    .option('--metrics-file <file>', t('export.optMetricsFile'))
    .addOption(new Option('--log-level <level>', t('opt.logLevel')).choices(LOG_LEVELS))
    .addOption(new Option('--log-format <format>', t('export.optLogFormat')).choices(LOG_FORMATS))
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
  const stopped = stopSignal();
  log.info({ schedule: flags.schedule, timeZone: config.timeZone, next: scheduled.next()?.toISOString() }, t('export.scheduledLog'));
  // One format per stream: with --log-format json the record above says it all.
  const text = logFormat(flags.logFormat) === 'text';
  if (text)
    process.stderr.write(
      `${t('export.scheduled', { cron: flags.schedule, zone: config.timeZone, when: when(scheduled.next()?.toISOString(), config.timeZone) })}\n`,
    );
  await stopped;
  if (text) process.stderr.write(`${t('export.stopping')}\n`);
  else log.info({}, t('export.stopping'));
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
  const interrupt = flags.schedule ? undefined : gracefulAbort(() => process.stderr.write(`\n${t('export.interrupting')}\n`));
  let summary: ExportSummary;
  try {
    const started = Date.now();
    const onProgress = (p: SendProgress): void => {
      const secs = (Date.now() - started) / 1000;
      const rate = secs > 0 ? p.done / secs : 0;
      const eta = rate > 0 && p.total > p.done ? t('export.eta', { duration: duration((p.total - p.done) / rate) }) : '';
      line?.update(t('export.progress', { done: p.done, total: p.total, inFlight: p.inFlight, rate: Math.round(rate), eta }));
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
  const outcome = s.error ? t('export.failed') : s.interrupted ? t('export.interrupted') : '';
  const lines = [
    t('export.head', {
      run: String(s.run),
      window: s.window ? t('export.window', { since: s.window.since, until: s.window.until }) : '',
      seconds: (s.durationMs / 1000).toFixed(1),
      outcome,
    }),
    t('export.read', { processes: e.processes, withheld: e.notPublishable, items: e.itemsNew }) +
      (e.itemsChanged ? t('export.changed', { count: e.itemsChanged }) : '') +
      (e.itemsAlreadyQueued ? t('export.alreadyQueued', { count: e.itemsAlreadyQueued }) : '') +
      (e.itemsNotPublished ? t('export.ofUnpublished', { count: e.itemsNotPublished }) : '') +
      (e.itemsWithheld ? t('export.withheld', { count: e.itemsWithheld }) : ''),
  ];
  if (e.processesDropped) lines.push(t('export.dropped', { count: e.processesDropped }));
  if (e.processesNowPublic) lines.push(t('export.nowPublic', { count: e.processesNowPublic }));
  if (e.itemsOrphan) lines.push(t('export.orphans', { count: e.itemsOrphan }));
  if (s.send.due > 0 || s.send.batchSize > 0) lines.push(t('export.sent', { ...s.send }));
  const c = s.status.counts;
  lines.push(t('export.store', { ni: c.NI, i: c.I, en: c.EN, fi: c.FI, when: when(s.status.lastSuccessAt, timeZone) }));
  for (const a of s.alerts)
    lines.push(
      (a.channels.length
        ? t('export.alertSent', { event: a.event, channels: a.channels.join(t('export.and')) })
        : t('export.alertNotSent', { event: a.event })) + (a.errors.length ? ` (${a.errors.join('; ')})` : ''),
    );
  if (s.error) lines.push(t('export.error', { message: s.error.message }));
  return `${lines.join('\n')}\n`;
}
