/**
 * `pi-sender check-config`: checks the configuration, connects to the SPE, maps a sample of its rows
 * (normalized and validated, as they would be sent), checks the PI credentials and the alert
 * channels. Sends nothing and changes nothing (the sample goes to a throwaway in-memory store).
 */

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
  };
  pi: { contacted: boolean; endpoint?: string; maxDocumentosPerRequest?: number; error?: { code: string; message: string } };
  alerts: string[];
  exitCode: number;
}

export function registerCheckConfig(program: Command): void {
  addConfigOption(program.command('check-config'))
    .addOption(new Option('--sample <n>', 'how many mapped Documentos to show').argParser(positiveInt('--sample')).default(3))
    .addOption(new Option('--rows <n>', 'rows read at most from each query').argParser(positiveInt('--rows')).default(2000))
    .option('--no-pi', 'do not contact the PI')
    .option('--json', 'print the findings as one JSON object on stdout (stable English keys) instead of the text')
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
    `configuration: ${config.file}: ok (${config.source.type} source, time zone ${config.timeZone}, restrito ${config.publishRestrito ? 'published' : 'withheld'}, profile ${config.profile})`,
  );
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
        out(`PI: ${endpoint}: credentials accepted; up to ${max} Documentos per request`);
      } finally {
        await transport.close();
      }
    } catch (err) {
      if (!isPiSenderError(err)) throw err;
      out(`PI: ${err.message}`);
      report.pi.error = { code: err.code, message: err.message };
      worse(exitCodeFor(err));
    }
  } else out('PI: not contacted (--no-pi)');

  for (const note of await verifyAlertChannels(config.alerts)) {
    out(`alerts: ${note}`);
    report.alerts.push(note);
  }
  if (!config.alerts.webhook && !config.alerts.email) out('alerts: none configured (docs/export.md#alerts)');
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
      out(`SPE: ${config.source.folder}: ${files.length} ListaDocumentos files to read (pi-sender validate checks them one by one)`);
      report.files = files.length;
      return EXIT.OK;
    }
    // The whole history (capped per query), not the next run's window, which may well be empty; and
    // a day past now, so that rows recorded "in the future" (an SPE writing another zone) show up.
    const window = { ...runWindow(config, undefined), until: localTime(Date.now() + 86_400_000, config.timeZone) };
    const speSource = config.source;
    const source = new SampleSource(() => createSource(speSource, config.timeZone, registry), flags.rows);
    await source.check();
    out(
      `SPE: reachable; sampling up to ${flags.rows} rows of each ${config.source.type === 'csv' || config.source.type === 'jsonl' ? 'kind of file' : `query (window ${window.since} → ${window.until})`}`,
    );
    const { counts } = await extractFromSource(source, config, tempStore, 1, window, log);
    out(
      `  sample: ${counts.processes} processes (${counts.notPublishable} withheld${counts.unknownAccess ? `, ${counts.unknownAccess} with an access level the mapping does not know` : ''}), ` +
        `${counts.itemsNew} history items to publish, ${counts.itemsNotPublished} of unpublished tasks, ${counts.itemsWithheld} withheld` +
        `${counts.itemsOrphan ? `, ${counts.itemsOrphan} of processes outside the sample` : ''}${counts.rowsInvalid ? `, ${counts.rowsInvalid} rows without id or process` : ''}`,
    );
    // Every Documento of the sample is validated, not only the ones shown: counts per problem code,
    // with one example each, are what tells whether the mapping is right before go-live.
    const all = tempStore.duePackages(config.sending.maxAttempts, 0, Number.MAX_SAFE_INTEGER);
    if (all.length === 0) {
      report.sample = { processes: counts.processes, withheld: counts.notPublishable, items: counts.itemsNew, documentos: 0, valid: 0, invalid: 0 };
      out('  no Documento to show: nothing in the window has a published task of a publishable process');
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
    out(`  validated ${all.length} Documentos of the sample: ${all.length - invalid} valid, ${invalid} invalid`);
    report.sample = {
      processes: counts.processes,
      withheld: counts.notPublishable,
      items: counts.itemsNew,
      documentos: all.length,
      valid: all.length - invalid,
      invalid,
    };
    for (const [code, c] of [...byCode].sort((x, y) => y[1].count - x[1].count)) {
      out(`    ${code}${c.severity === 'warning' ? ' [warning]' : ''}: ${c.count} (e.g. ${c.example})`);
      report.problems.push({ code, ...c });
    }
    for (const warning of clockWarnings(
      config,
      checked.map((c) => c.documento),
    )) {
      out(`  WARNING: ${warning}`);
      report.warnings.push(warning);
    }
    for (const { documento, changes, result } of checked.slice(0, flags.sample)) {
      out(
        `\nDocumento ${documento.Protocolo ?? '?'}: ${result.valid ? 'valid' : 'INVALID'}${changes.length ? ` (normalized: ${[...new Set(changes.map((c) => c.kind))].join(', ')})` : ''}`,
      );
      for (const p of result.problems) out(`  ${p.code}${p.severity === 'warning' ? ' [warning]' : ''} ${p.message}`);
      out(documentoXml(documento, { indent: true, invalidCharacters: 'replace' }).replace(/^/gm, '  '));
    }
    return invalid > 0 ? EXIT.INVALID : EXIT.OK;
  } finally {
    tempStore.close();
  }
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
    warnings.push(
      `the newest movement of the sample, ${newest.text}, is ${Math.round((newest.at - now) / 60_000)} minutes in the future: ` +
        `the SPE's times may be in another zone than timeZone (${config.timeZone}); such movements are read only once their time has passed`,
    );
  }
  if (existsSync(config.store)) {
    const store = Store.open(config.store);
    try {
      const w = store.watermark;
      if (w && !config.watermark.column) {
        const window = runWindow(config, w);
        if (window.since > window.until) {
          warnings.push(
            `the watermark ${w} is later than now (${window.until} in ${config.timeZone}): the clock went back or the zone changed; the next windows read nothing until then`,
          );
        }
      }
    } finally {
      store.close();
    }
  }
  return warnings;
}
