/**
 * `pi-sender demo` (what `npm start` runs): with no configuration, builds the sample SPE (a SQLite
 * file) if it is missing, starts a local PI simulator in this process, runs one export of the sample
 * SPE to it with a fresh state store, and prints the status. `--upload` shows the one-off upload of
 * the sample ListaDocumentos file instead.
 */

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
    .option('--upload', 'upload samples/lista-documentos.xml instead, printing the report')
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
    process.stderr.write(`built the sample SPE: ${path.relative(process.cwd(), spe)} (${SAMPLE_OPTIONS.processes} processes)\n`);
  const loaded = loadConfig(path.join(SAMPLES, 'spe', 'pi-sender.sqlite.yaml'));
  const config = { ...loaded, source: { ...loaded.source, path: spe } as typeof loaded.source, store: path.join(dir, 'pi-sender.db') };
  process.stderr.write(`local PI simulator: ${sim.url}\nexporting the sample SPE (samples/spe/pi-sender.sqlite.yaml) with a fresh state store\n\n`);
  const s = await runExport({ config, client, log: createLogger(undefined) });
  const e = s.extract;
  const c = s.status.counts;
  process.stdout.write(
    [
      `read from the SPE: ${e.processes} processes, ${e.notPublishable} of them withheld (sigiloso, or restrito: not published by default); ` +
        `${e.itemsNew} history items to publish, ${e.itemsNotPublished} internal ones (tasks not published)`,
      `sent: ${s.send.due} Documentos in ${s.send.batches} batches: ${s.send.accepted} accepted by the PI, ${s.send.rejected} rejected, ${s.send.invalid} invalid (never sent), ${s.send.failed} failed`,
      '',
      'status:',
      `  packages: NI ${c.NI}, I ${c.I} (integrated), EN ${c.EN} (${s.status.enFromValidation} invalid: the sample has a few wrong NUPs on purpose), FI ${c.FI}`,
      `  last successful send: ${s.status.lastSuccessAt}`,
      `  the simulator recorded ${sim.accepted.size} Protocolos`,
      '',
      'next: pi-sender init, then docs/export.md; or npm start -- --upload for the one-off upload',
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
  process.stderr.write(`local PI simulator: ${sim.url} (at most 2 Documentos per request)\nuploading ${path.relative(process.cwd(), sample)}\n\n`);
  const report = path.join(dir, 'report.jsonl');
  const summary = await uploadFile({ file: sample, report, client, log: createLogger(undefined) });
  process.stdout.write(readFileSync(report, 'utf8'));
  process.stderr.write(
    `\n${summary.documentos} Documentos: ${summary.accepted} accepted, ${summary.rejected} rejected, ${summary.invalid} invalid, ${summary.failed} failed, in ${summary.batches} batches\n`,
  );
  return summary.accepted === summary.documentos ? EXIT.OK : EXIT.INVALID;
}
