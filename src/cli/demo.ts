/**
 * `pi-sender demo` (what `npm start` runs): with no configuration, builds the sample SPE (a SQLite
 * file) if it is missing, starts a local PI simulator in this process, runs one export of the sample
 * SPE to it with a fresh state store, and prints the status. `--upload` shows the one-off upload of
 * the sample ListaDocumentos file instead.
 */

import { formatInstant } from '../i18n/format.js';
import { t } from '../i18n/translate.js';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { loadConfig } from '../export/config.js';
import { runExport } from '../export/job.js';
import { createPiClient } from '../pi/connect.js';
import { startPiSimulator, type PiSimulator } from '../simulator/pi-simulator.js';
import { uploadFile } from '../upload/upload.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import { createLogger } from './logger.js';
import { ensureSampleSqlite, SAMPLE_OPTIONS } from './sample-spe.js';

const SAMPLES = fileURLToPath(new URL('../../samples/', import.meta.url));

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .option('--upload', t('demo.optUpload'))
    .action(async (flags: { upload?: boolean }) => {
      const password = randomBytes(12).toString('base64url');
      const sim = await startPiSimulator({ password, maxDocs: flags.upload ? 2 : 100 });
      const { client, transport } = createPiClient({ endpoint: sim.url, user: 'simulador', password });
      const dir = mkdtempSync(path.join(tmpdir(), 'pi-sender-demo-'));
      try {
        process.exitCode = flags.upload ? await uploadDemo(sim, client, dir) : await exportDemo(sim, client, dir);
      } finally {
        await transport.close();
        await sim.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
}

async function exportDemo(sim: PiSimulator, client: ReturnType<typeof createPiClient>['client'], dir: string): Promise<ExitCode> {
  // In a checkout the sample SPE is kept in samples/spe; in an installed package it goes to the temp folder.
  const spe = writable(path.join(SAMPLES, 'spe')) ? path.join(SAMPLES, 'spe', 'spe.sqlite') : path.join(dir, 'spe.sqlite');
  if (ensureSampleSqlite(spe, SAMPLE_OPTIONS))
    process.stderr.write(`${t('demo.built', { file: path.relative(process.cwd(), spe), processes: SAMPLE_OPTIONS.processes ?? 0 })}\n`);
  const loaded = loadConfig(path.join(SAMPLES, 'spe', 'pi-sender.sqlite.yaml'));
  const config = { ...loaded, source: { ...loaded.source, path: spe } as typeof loaded.source, store: path.join(dir, 'pi-sender.db') };
  process.stderr.write(`${t('demo.simulator', { url: sim.url })}\n\n`);
  const s = await runExport({ config, client, log: createLogger(undefined) });
  const e = s.extract;
  const c = s.status.counts;
  process.stdout.write(
    [
      t('demo.read', { processes: e.processes, withheld: e.notPublishable, items: e.itemsNew, internal: e.itemsNotPublished }),
      t('demo.sent', {
        due: s.send.due,
        batches: s.send.batches,
        accepted: s.send.accepted,
        rejected: s.send.rejected,
        invalid: s.send.invalid,
        failed: s.send.failed,
      }),
      '',
      t('demo.statusHead'),
      t('demo.packages', { ni: c.NI, i: c.I, en: c.EN, invalid: s.status.enFromValidation, fi: c.FI }),
      t('demo.lastSuccess', { when: formatInstant(s.status.lastSuccessAt, config.timeZone) }),
      t('demo.recorded', { count: sim.accepted.size }),
      '',
      t('demo.next'),
      '',
    ].join('\n'),
  );
  return !s.error && s.send.accepted > 0 && s.send.failed === 0 ? EXIT.OK : EXIT.INVALID;
}

function writable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return !dir.split(path.sep).includes('node_modules');
  } catch {
    return false;
  }
}

async function uploadDemo(sim: PiSimulator, client: ReturnType<typeof createPiClient>['client'], dir: string): Promise<ExitCode> {
  const sample = path.join(SAMPLES, 'lista-documentos.xml');
  process.stderr.write(`${t('demo.uploadSimulator', { url: sim.url, file: path.relative(process.cwd(), sample) })}\n\n`);
  const report = path.join(dir, 'report.jsonl');
  const summary = await uploadFile({ file: sample, report, client, log: createLogger(undefined) });
  process.stdout.write(readFileSync(report, 'utf8'));
  process.stderr.write(`\n${t('demo.uploaded', { ...summary })}\n`);
  return summary.accepted === summary.documentos ? EXIT.OK : EXIT.INVALID;
}
