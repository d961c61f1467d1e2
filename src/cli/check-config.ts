/**
 * `pi-sender check-config`: checks the configuration, connects to the SPE, maps a sample of its rows
 * (normalized and validated, as they would be sent), checks the PI credentials and the alert
 * channels. Sends nothing and changes nothing (the sample goes to a throwaway in-memory store).
 */

import { Option, type Command } from 'commander';
import { isPiSenderError } from '../errors.js';
import { verifyAlertChannels } from '../export/alerts.js';
import type { ExportConfig } from '../export/config.js';
import { extractFromSource } from '../export/extract.js';
import { connectFromConfig, runWindow } from '../export/job.js';
import { pendingFiles, type FileRegistry } from '../sources/files/drop-folder.js';
import { createSource } from '../sources/index.js';
import { SampleSource } from '../sources/sample.js';
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
}

export function registerCheckConfig(program: Command): void {
  addConfigOption(program.command('check-config'))
    .addOption(new Option('--sample <n>', 'how many mapped Documentos to show').argParser(positiveInt('--sample')).default(3))
    .addOption(new Option('--rows <n>', 'rows read at most from each query').argParser(positiveInt('--rows')).default(2000))
    .option('--no-pi', 'do not contact the PI')
    .addHelpText('after', exitCodesHelp('check-config', [0, 1, 2, 3, 4]))
    .action(async (flags: CheckFlags) => {
      process.exitCode = await check(flags);
    });
}

async function check(flags: CheckFlags): Promise<ExitCode> {
  const out = (s: string): void => void process.stdout.write(`${s}\n`);
  const config = readConfig(flags);
  out(
    `configuration: ${config.file}: ok (${config.source.type} source, time zone ${config.timeZone}, restrito ${config.publishRestrito ? 'published' : 'withheld'}, profile ${config.profile})`,
  );
  let code: ExitCode = EXIT.OK;
  const worse = (c: ExitCode): void => {
    if (c > code) code = c;
  };
  const log = createLogger('error');

  try {
    worse(await checkSource(config, flags, out, log));
  } catch (err) {
    if (!isPiSenderError(err)) throw err;
    out(`SPE: ${err.message}`);
    worse(EXIT.USAGE);
  }

  if (flags.pi) {
    try {
      const { client, transport, endpoint } = connectFromConfig(config);
      try {
        const max = await client.getQuantidadeMaximaDocumentosPorRequisicao();
        out(`PI: ${endpoint}: credentials accepted; up to ${max} Documentos per request`);
      } finally {
        await transport.close();
      }
    } catch (err) {
      if (!isPiSenderError(err)) throw err;
      out(`PI: ${err.message}`);
      worse(exitCodeFor(err));
    }
  } else out('PI: not contacted (--no-pi)');

  for (const note of await verifyAlertChannels(config.alerts)) out(`alerts: ${note}`);
  if (!config.alerts.webhook && !config.alerts.email) out('alerts: none configured (docs/export.md#alerts)');
  return code;
}

async function checkSource(config: ExportConfig, flags: CheckFlags, out: (s: string) => void, log: ReturnType<typeof createLogger>): Promise<ExitCode> {
  const tempStore = Store.open(':memory:');
  const registry: FileRegistry = { isRead: () => false, markRead: () => undefined };
  try {
    if (config.source.type === 'xml') {
      const files = pendingFiles(config.source.folder, config.source.pattern, registry);
      out(`SPE: ${config.source.folder}: ${files.length} ListaDocumentos files to read (pi-sender validate checks them one by one)`);
      return EXIT.OK;
    }
    // The whole history (capped per query), not the next run's window, which may well be empty.
    const window = runWindow(config, undefined);
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
    const packages = tempStore.duePackages(config.sending.maxAttempts, 0, flags.sample);
    if (packages.length === 0) {
      out('  no Documento to show: nothing in the window has a published task of a publishable process');
      return EXIT.OK;
    }
    let invalid = 0;
    for (const pkg of packages) {
      const { documento, changes } = normalizeDocumento(tempStore.buildDocumento(pkg), { timeZone: config.timeZone });
      const result = validateDocumento(documento, { profile: config.profile });
      if (hasErrors(result.problems)) invalid++;
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
