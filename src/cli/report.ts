/**
 * `pi-sender report`: the 48-hour compliance report of a month or a period, from the state store
 * (read only: it may run beside an export). Exit 0 compliant, 1 not.
 */

import { writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { PiSenderError } from '../errors.js';
import { currentLanguage } from '../i18n/language.js';
import { t } from '../i18n/translate.js';
import { complianceReport, monthPeriod, type ReportPeriod } from '../report/compliance.js';
import { REPORT_FORMATS, reportCsv, reportHtml, reportJson, reportTable, type ReportFormat } from '../report/formats.js';
import { parsePersonDate, nowInZone } from '../standard/datetime.js';
import { addStoreOptions, storeContext, type StoreFlags } from './config-file.js';
import { EXIT } from './exit-codes.js';

interface ReportFlags extends StoreFlags {
  month?: string;
  from?: string;
  until?: string;
  format: ReportFormat;
  output?: string;
  agency?: string;
}

export function registerReport(program: Command): void {
  addStoreOptions(program.command('report'))
    .option('--month <AAAA-MM>', t('report.optMonth'))
    .option('--from <day>', t('report.optFrom'))
    .option('--until <day>', t('report.optUntil'))
    .addOption(new Option('--format <format>', t('report.optFormat')).choices(REPORT_FORMATS).default('table'))
    .option('-o, --output <file>', t('report.optOutput'))
    .option('--agency <name>', t('report.optAgency'))
    .addHelpText('after', `\n${t('exit.title')}\n  0  ${t('report.exit0')}\n  1  ${t('report.exit1')}\n  2  ${t('exit.2')}\n  4  ${t('exit.4')}`)
    .action((flags: ReportFlags) => {
      const ctx = storeContext(flags);
      const period = periodOf(flags, ctx.timeZone);
      const store = ctx.openReadOnly();
      let report;
      try {
        report = complianceReport(store, period, { agency: flags.agency ?? ctx.agency });
      } finally {
        store.close();
      }
      const text =
        flags.format === 'csv'
          ? reportCsv(report)
          : flags.format === 'json'
            ? reportJson(report)
            : flags.format === 'html'
              ? reportHtml(report, currentLanguage())
              : reportTable(report);
      if (flags.output) {
        writeFileSync(flags.output, text);
        process.stderr.write(`${t('report.wrote', { file: flags.output })}\n`);
      } else process.stdout.write(text);
      process.exitCode = report.summary.compliant ? EXIT.OK : EXIT.INVALID;
    });
}

/** The period the flags name: --month, or --from and --until; this month up to today by default. */
function periodOf(flags: ReportFlags, timeZone: string): ReportPeriod {
  if (flags.month && (flags.from || flags.until)) throw new PiSenderError('ERR_USAGE', t('report.monthOrDays'));
  if (Boolean(flags.from) !== Boolean(flags.until)) throw new PiSenderError('ERR_USAGE', t('report.fromAndUntil'));
  if (flags.from && flags.until) return { from: dayOf('--from', flags.from, timeZone), until: dayOf('--until', flags.until, timeZone), timeZone };
  return monthPeriod(flags.month ?? nowInZone(timeZone).slice(0, 7), timeZone);
}

/** A day typed by a person (`DD/MM/AAAA` or `AAAA-MM-DD`, nothing more), as `AAAA-MM-DD`. */
function dayOf(option: string, value: string, timeZone: string): string {
  const instant = /^\s*(\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{4})\s*$/.test(value) ? parsePersonDate(value, timeZone) : undefined;
  if (instant === undefined) throw new PiSenderError('ERR_USAGE', t('report.badDay', { option, value }));
  return nowInZone(timeZone, Date.parse(instant)).slice(0, 10);
}
