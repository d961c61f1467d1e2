/**
 * `pi-sender check-config`: checks the configuration, connects to the SPE, maps a sample of its rows
 * (normalized and validated, as they would be sent), checks the PI credentials and the alert
 * channels. Sends nothing and changes nothing (the sample goes to a throwaway in-memory store).
 */

import { t } from '../i18n/translate.js';
import { existsSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { isPiSenderError } from '../errors.js';
import { verifyAlertChannels } from '../export/alerts.js';
import type { ExportConfig } from '../export/config.js';
import { extractFromSource } from '../export/extract.js';
import { connectFromConfig, localTime, runWindow } from '../export/job.js';
import { pendingFiles, type FileRegistry } from '../sources/files/drop-folder.js';
import { createSource } from '../sources/index.js';
import { SampleSource } from '../sources/sample.js';
import type { QueryPlan, SpeSource } from '../sources/source.js';
import { instantOf } from '../standard/datetime.js';
import type { DocumentoDraft } from '../standard/model.js';
import { normalizeDocumento } from '../standard/normalize.js';
import { hasErrors } from '../standard/problems.js';
import { validateDocumento } from '../standard/validate.js';
import { documentoXml } from '../standard/writer.js';
import { Store } from '../store/store.js';
import { addConfigOption, readConfig, type ConfigFlags } from './config-file.js';
import { positiveInt } from './connection.js';
import { EXIT, exitCodeFor, exitCodesHelp, type ExitCode } from './exit-codes.js';
import { createLogger } from './logger.js';

interface CheckFlags extends ConfigFlags {
  sample: number;
  rows: number;
  pi: boolean;
  json?: boolean;
}

/** What `check-config --json` prints: the same findings as the text, with stable English keys. */
interface CheckReport {
  type: 'check-config';
  configuration: { file: string; source: string; timeZone: string; publishRestrito: boolean; profile: string };
  spe: {
    ok: boolean;
    error?: { code: string; message: string };
    files?: number;
    sample?: { processes: number; withheld: number; items: number; documentos: number; valid: number; invalid: number };
    problems: Array<{ code: string; severity: string; count: number; example: string }>;
    warnings: string[];
    /** The database's plan of each query for an incremental run's window (SQL sources). */
    plans?: QueryPlan[];
  };
  pi: { contacted: boolean; endpoint?: string; maxDocumentosPerRequest?: number; error?: { code: string; message: string } };
  alerts: string[];
  exitCode: number;
}

export function registerCheckConfig(program: Command): void {
  addConfigOption(program.command('check-config'))
    .addOption(new Option('--sample <n>', t('check.optSample')).argParser(positiveInt('--sample')).default(3))
    .addOption(new Option('--rows <n>', t('check.optRows')).argParser(positiveInt('--rows')).default(2000))
    .option('--no-pi', t('check.optNoPi'))
    .option('--json', t('check.optJson'))
    .addHelpText('after', exitCodesHelp('check-config', [0, 1, 2, 3, 4]))
    .action(async (flags: CheckFlags) => {
      process.exitCode = await check(flags);
    });
}

async function check(flags: CheckFlags): Promise<ExitCode> {
  const out = flags.json ? (): void => undefined : (s: string): void => void process.stdout.write(`${s}\n`);
  const config = readConfig(flags);
  const report: CheckReport = {
    type: 'check-config',
    configuration: {
      file: config.file,
      source: config.source.type,
      timeZone: config.timeZone,
      publishRestrito: config.publishRestrito,
      profile: config.profile,
    },
    spe: { ok: false, problems: [], warnings: [] },
    pi: { contacted: flags.pi },
    alerts: [],
    exitCode: 0,
  };
  out(
    t('check.configuration', {
      file: config.file,
      source: config.source.type,
      zone: config.timeZone,
      restrito: config.publishRestrito ? t('check.published') : t('check.withheldWord'),
      profile: config.profile,
    }),
  );
  for (const warning of cpfWarnings(config)) {
    out(t('check.warningLine', { warning }));
    report.spe.warnings.push(warning);
  }
  let code: ExitCode = EXIT.OK;
  const worse = (c: ExitCode): void => {
    if (c > code) code = c;
  };
  const log = createLogger('error');

  try {
    worse(await checkSource(config, flags, out, log, report.spe));
    report.spe.ok = true;
  } catch (err) {
    if (!isPiSenderError(err)) throw err;
    out(`SPE: ${err.message}`);
    report.spe.error = { code: err.code, message: err.message };
    worse(EXIT.USAGE);
  }

  if (flags.pi) {
    try {
      const { client, transport, endpoint } = connectFromConfig(config);
      try {
        report.pi.endpoint = endpoint;
        const max = await client.getQuantidadeMaximaDocumentosPorRequisicao();
        report.pi.maxDocumentosPerRequest = max;
        out(t('check.piOk', { endpoint, max }));
      } finally {
        await transport.close();
      }
    } catch (err) {
      if (!isPiSenderError(err)) throw err;
      out(`PI: ${err.message}`);
      report.pi.error = { code: err.code, message: err.message };
      worse(exitCodeFor(err));
    }
  } else out(t('check.piNotContacted'));

  for (const note of await verifyAlertChannels(config.alerts)) {
    out(t('check.alertNote', { note }));
    report.alerts.push(note);
  }
  if (!config.alerts.webhook && !config.alerts.email) out(t('check.noAlerts'));
  report.exitCode = code;
  if (flags.json) process.stdout.write(`${JSON.stringify(report)}\n`);
  return code;
}

async function checkSource(
  config: ExportConfig,
  flags: CheckFlags,
  out: (s: string) => void,
  log: ReturnType<typeof createLogger>,
  report: CheckReport['spe'],
): Promise<ExitCode> {
  const tempStore = Store.open(':memory:');
  const registry: FileRegistry = { isRead: () => false, markRead: () => undefined };
  try {
    if (config.source.type === 'xml') {
      const files = pendingFiles(config.source.folder, config.source.pattern, registry);
      out(t('check.xmlFolder', { folder: config.source.folder, count: files.length }));
      report.files = files.length;
      return EXIT.OK;
    }
    // The whole history (capped per query), not the next run's window, which may well be empty; and
    // a day past now, so that rows recorded "in the future" (an SPE writing another zone) show up.
    const window = { ...runWindow(config, undefined), until: localTime(Date.now() + 86_400_000, config.timeZone) };
    const speSource = config.source;
    const source = new SampleSource(() => createSource(speSource, config.timeZone, registry), flags.rows);
    await source.check();
    await checkPlans(config, createSource(speSource, config.timeZone, registry), out, report);
    out(
      config.source.type === 'csv' || config.source.type === 'jsonl'
        ? t('check.reachableFiles', { rows: flags.rows })
        : t('check.reachableQuery', { rows: flags.rows, since: window.since, until: window.until }),
    );
    const { counts } = await extractFromSource(source, config, tempStore, 1, window, log);
    out(
      t('check.sample', {
        processes: counts.processes,
        withheld: counts.notPublishable,
        unknown: counts.unknownAccess ? t('check.unknownAccess', { count: counts.unknownAccess }) : '',
        items: counts.itemsNew,
        unpublished: counts.itemsNotPublished,
        itemsWithheld: counts.itemsWithheld,
        orphans: counts.itemsOrphan ? t('check.orphans', { count: counts.itemsOrphan }) : '',
        invalidRows: counts.rowsInvalid ? t('check.invalidRows', { count: counts.rowsInvalid }) : '',
      }),
    );
    // Every Documento of the sample is validated, not only the ones shown: counts per problem code,
    // with one example each, are what tells whether the mapping is right before go-live.
    const all = tempStore.duePackages(config.sending.maxAttempts, 0, Number.MAX_SAFE_INTEGER);
    if (all.length === 0) {
      report.sample = { processes: counts.processes, withheld: counts.notPublishable, items: counts.itemsNew, documentos: 0, valid: 0, invalid: 0 };
      out(t('check.nothingToShow'));
      return EXIT.OK;
    }
    let invalid = 0;
    const byCode = new Map<string, { count: number; severity: string; example: string }>();
    const checked = all.map((pkg) => {
      const { documento, changes } = normalizeDocumento(tempStore.buildDocumento(pkg), { timeZone: config.timeZone });
      const result = validateDocumento(documento, { profile: config.profile });
      if (hasErrors(result.problems)) invalid++;
      for (const p of result.problems) {
        const seen = byCode.get(p.code) ?? { count: 0, severity: p.severity, example: `Protocolo ${documento.Protocolo ?? '?'}: ${p.message}` };
        seen.count++;
        byCode.set(p.code, seen);
      }
      return { documento, changes, result };
    });
    out(t('check.validated', { count: all.length, valid: all.length - invalid, invalid }));
    report.sample = {
      processes: counts.processes,
      withheld: counts.notPublishable,
      items: counts.itemsNew,
      documentos: all.length,
      valid: all.length - invalid,
      invalid,
    };
    for (const [code, c] of [...byCode].sort((x, y) => y[1].count - x[1].count)) {
      out(t('check.codeCount', { code, tag: c.severity === 'warning' ? ` [${t('common.warningTag')}]` : '', count: c.count, example: c.example }));
      report.problems.push({ code, ...c });
    }
    for (const warning of clockWarnings(
      config,
      checked.map((c) => c.documento),
    )) {
      out(t('check.warningLine', { warning }));
      report.warnings.push(warning);
    }
    for (const { documento, changes, result } of checked.slice(0, flags.sample)) {
      const kinds = changes.length ? t('check.normalized', { kinds: [...new Set(changes.map((c) => c.kind))].join(', ') }) : '';
      out(`\n${t('check.documento', { protocolo: documento.Protocolo ?? '?', verdict: result.valid ? t('check.valid') : t('check.invalid') })}${kinds}`);
      for (const p of result.problems) out(`  ${p.code}${p.severity === 'warning' ? ` [${t('common.warningTag')}]` : ''} ${p.message}`);
      out(documentoXml(documento, { indent: true, invalidCharacters: 'replace' }).replace(/^/gm, '  '));
    }
    return invalid > 0 ? EXIT.INVALID : EXIT.OK;
  } finally {
    tempStore.close();
  }
}

/** A table this size or larger, read end to end on every run, is worth a warning. */
const LARGE_TABLE_ROWS = 10_000;
/** Without statistics, by its size on disk: 100 pages of 8 KiB hold about 10,000 rows of a process table. */
const LARGE_TABLE_PAGES = 100;

/**
 * The database's plan of each query for a run with almost nothing to read (a window of the last
 * minute): a query that still reads a large table end to end costs the SPE that table on every run,
 * however little changed. Nothing is read; the plans come from EXPLAIN.
 */
async function checkPlans(config: ExportConfig, source: SpeSource, out: (s: string) => void, report: CheckReport['spe']): Promise<void> {
  try {
    if (!source.plans) return;
    const now = Date.now();
    const window = { since: localTime(now - 60_000, config.timeZone), until: localTime(now, config.timeZone) };
    const plans = await source.plans(window);
    report.plans = plans;
    if (plans.some((p) => p.fullScans === undefined)) {
      out(t('check.planUnsupported', { type: config.source.type }));
      return;
    }
    const warnings = plans.flatMap((p) =>
      p
        .fullScans!.filter((s) => (s.rows === undefined ? (s.pages ?? Infinity) >= LARGE_TABLE_PAGES : s.rows >= LARGE_TABLE_ROWS))
        .map((s) =>
          s.rows === undefined
            ? t('check.planNoStatistics', { kind: p.kind, table: s.table })
            : t('check.planFullScan', { kind: p.kind, table: s.table, rows: s.rows }),
        ),
    );
    out(t('check.plans', { since: window.since, until: window.until, verdict: warnings.length === 0 ? t('check.plansIndexed') : t('check.plansScan') }));
    for (const warning of warnings) {
      out(t('check.warningLine', { warning }));
      report.warnings.push(warning);
    }
  } finally {
    await source.close();
  }
}

/** A CPF mapping that does nothing, or CPFs kept for a transport that cannot carry them. */
function cpfWarnings(config: ExportConfig): string[] {
  const i = config.mapping?.interessado;
  if ((i?.cpf || i?.natureza) && !config.pi.sendCpf) return [t('check.cpfNotRead')];
  if (config.pi.sendCpf && config.pi.transport === 'soap') return [t('check.cpfSoap')];
  return [];
}

/**
 * Signs that the SPE's times are read in the wrong zone, or that the clock jumped: movements dated
 * after now (the SPE writes another zone's local time), or a watermark later than now (the next
 * window would be inverted and read nothing).
 */
function clockWarnings(config: ExportConfig, documentos: DocumentoDraft[]): string[] {
  const warnings: string[] = [];
  const now = Date.now();
  let newest: { at: number; text: string } | undefined;
  for (const d of documentos) {
    for (const i of d.Historico?.ItemHistorico ?? []) {
      const at = i.DataHoraOperacao ? instantOf(i.DataHoraOperacao) : undefined;
      if (at !== undefined && (!newest || at > newest.at)) newest = { at, text: i.DataHoraOperacao! };
    }
  }
  if (newest && newest.at > now + 5 * 60_000) {
    warnings.push(t('check.future', { when: newest.text, minutes: Math.round((newest.at - now) / 60_000), zone: config.timeZone }));
  }
  if (existsSync(config.store)) {
    const store = Store.open(config.store);
    try {
      const w = store.watermark;
      if (w && !config.watermark.column) {
        const window = runWindow(config, w);
        if (window.since > window.until) {
          warnings.push(t('check.watermarkAhead', { watermark: w, now: window.until, zone: config.timeZone }));
        }
      }
    } finally {
      store.close();
    }
  }
  return warnings;
}
